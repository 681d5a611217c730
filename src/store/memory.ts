// The embedded default store: everything in memory, nothing to install.
import type { Practice } from '../model.js';
import { createStoreEngine, type EngineStore, type Repository, type StoredRecord, type StoreOptions } from './engine.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions extends StoreOptions {
  /** Practices to start with (for example `buildExamplePractices()` from `pratiques-inspirantes/examples`). */
  seed?: readonly Practice[];
}

/**
 * A store held in memory: the embedded default of the demos and the tests. Actors are trusted as
 * given (there is no login in a page's memory); the declarant still needs the secret token.
 *
 * @example
 * const store = createMemoryStore({ seed: buildExamplePractices() });
 * const { items } = await store.search({ themes: ['sante-mentale'] });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): EngineStore {
  const records = new Map<string, StoredRecord>();
  const keys = new Map<string, string>();
  const sequences = new Map<number, number>();
  for (const practice of options.seed ?? []) {
    records.set(practice.id, { practice: structuredClone(practice) });
    // Seeded references must not be handed out again.
    const m = /^PI-(\d{4})-(\d+)$/.exec(practice.reference);
    if (m) sequences.set(Number(m[1]), Math.max(sequences.get(Number(m[1])) ?? 0, Number(m[2])));
  }
  const copy = (r: StoredRecord | undefined) => (r ? structuredClone(r) : undefined);
  const repo: Repository = {
    async get(id) {
      return copy(records.get(id));
    },
    async all() {
      return [...records.values()].map((r) => structuredClone(r));
    },
    async findByKey(key) {
      const id = keys.get(key);
      return id ? copy(records.get(id)) : undefined;
    },
    async insert(year, key, build) {
      const existing = key ? keys.get(key) : undefined;
      if (existing) return { record: structuredClone(records.get(existing)!), created: false };
      const sequence = (sequences.get(year) ?? 0) + 1;
      const record = build(sequence);
      sequences.set(year, sequence);
      records.set(record.practice.id, structuredClone(record));
      if (key) keys.set(key, record.practice.id);
      return { record: structuredClone(record), created: true };
    },
    async replace(record, expectedVersion) {
      const stored = records.get(record.practice.id);
      if (!stored) return 'not-found';
      if (stored.practice.version !== expectedVersion) return 'conflict';
      records.set(record.practice.id, structuredClone(record));
      return 'ok';
    },
  };
  return createStoreEngine(repo, options);
}
