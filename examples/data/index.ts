/**
 * Example data of the demos: published practices drawn from the seed documents, ONPE fiches, and a
 * generator of synthetic practices for benchmarks. Imported as `pratiques-inspirantes/examples`, so
 * the main entry point carries no demo data.
 *
 * @packageDocumentation
 */
import type { Practice } from '../../src/model.js';
import { buildPublishedPractices } from '../../src/store/seed.js';
import { createMemoryStore, type MemoryStoreOptions } from '../../src/store/memory.js';
import { exampleFiches } from './fiches.js';
import { examplePractices } from './practices.js';

export { examplePractices, type ExamplePractice } from './practices.js';
export { exampleFiches, type ExampleFiche } from './fiches.js';
export { syntheticPractices, syntheticDeclarations } from './synthetic.js';

let cache: Practice[] | undefined;

/**
 * The examples as published practices, each taken through the committee's path by the review
 * machine (submission, two opinions, decision, publication, and highlight where given).
 */
export function buildExamplePractices(): Practice[] {
  cache ??= buildPublishedPractices(
    examplePractices.map((e) => ({ id: e.key, declaration: e.declaration, submittedAt: e.submittedAt, publishedAt: e.publishedAt, ...(e.featured ? { featured: e.featured } : {}), ...(e.source ? { source: e.source } : {}) })),
    exampleFiches.map((f) => ({ id: f.key, fiche: f.fiche, publishedAt: f.publishedAt, ...(f.featured ? { featured: f.featured } : {}), ...(f.basedOn ? { basedOn: f.basedOn } : {}) })),
  );
  return structuredClone(cache);
}

/**
 * The embedded default store of the demos: in memory, seeded with the examples.
 *
 * @example
 * const store = createExampleStore();
 * (await store.search({ themes: ['violences-conjugales'] })).total
 */
export function createExampleStore(options: Omit<MemoryStoreOptions, 'seed'> = {}) {
  return createMemoryStore({ ...options, seed: buildExamplePractices() });
}
