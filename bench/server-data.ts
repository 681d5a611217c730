// What the server benches store before the server starts: published synthetic practices, seeded in batches.
import { buildPublishedPractices, type PublishedDeclarationSeed } from '../src/index.js';
import { syntheticDeclarations } from '../examples/data/synthetic.js';
import type { Db } from '../examples/server/db.js';
import { migrate } from '../examples/server/migrate.js';
import { createSqlRepository } from '../examples/server/repository.js';

/** `count` published practices, each replayed through the review machine (ids `<prefix>-000000`…). */
export function publishedPractices(count: number, prefix: string) {
  const seeds: PublishedDeclarationSeed[] = syntheticDeclarations(count, 3).map((declaration, i) => ({
    id: `${prefix}-${String(i).padStart(6, '0')}`,
    declaration,
    submittedAt: new Date(Date.UTC(2026, 0, 5) + i * 60_000).toISOString(),
    publishedAt: new Date(Date.UTC(2026, 3, 1) + i * 60_000).toISOString(),
  }));
  return buildPublishedPractices(seeds);
}

/** Migrates `db` and stores `all` in batches of 500. */
export async function seedDatabase(db: Db, all: ReturnType<typeof publishedPractices>): Promise<void> {
  await migrate(db);
  const repo = createSqlRepository(db);
  for (let i = 0; i < all.length; i += 500) await repo.seed(all.slice(i, i + 500));
}
