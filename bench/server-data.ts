// What the server benches store before the server starts: published synthetic practices, seeded in batches.
import { buildPublishedPractices, type PublishedDeclarationSeed } from '../src/index.js';
import { syntheticDeclarations } from '../examples/data/synthetic.js';
import { join } from 'node:path';
import { openPgliteDb, openPostgresDb, type Db } from '../examples/server/db.js';
import { migrate } from '../examples/server/migrate.js';
import { createSqlRepository } from '../examples/server/repository.js';
import { startPostgres } from '../test/support/postgres.js';

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

/** How to reach one database: open it from the bench, and the server's environment for it. */
export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  open(dir: string): Promise<Db>;
  env(dir: string): Record<string, string>;
  /** PostgreSQL's URL, for sampling its sessions. */
  url?: string;
}

// BENCH_BACKENDS=postgres (or pglite) runs one database only, for trials.
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').toLowerCase().split(',');

/**
 * Runs `run` on PGlite (in a folder of the run's own) then on a throwaway PostgreSQL cluster, in that order;
 * `pgSkipped` says why PostgreSQL was not measured, if it was not.
 */
export async function eachBackend<T>(run: (backend: Backend) => Promise<T>): Promise<{ results: T[]; pgSkipped: string }> {
  const results: T[] = [];
  if (BACKENDS.includes('pglite')) {
    results.push(await run({ name: 'PGlite', open: (dir) => openPgliteDb(join(dir, 'pglite')), env: (dir) => ({ PI_DATA_DIR: join(dir, 'pglite') }) }));
  }
  const pg = BACKENDS.includes('postgres') ? await startPostgres() : { skip: `BENCH_BACKENDS=${BACKENDS.join(',')}` };
  if ('skip' in pg) {
    console.log(`PostgreSQL skipped: ${pg.skip}`);
    return { results, pgSkipped: pg.skip };
  }
  try {
    const url = await pg.createDatabase();
    results.push(await run({ name: 'PostgreSQL', open: () => openPostgresDb(url), env: () => ({ DATABASE_URL: url }), url }));
  } finally {
    pg.stop();
  }
  return { results, pgSkipped: '' };
}

/** The median (the lower one of an even count), and whole numbers as the docs print them. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
export const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
export const f1 = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
