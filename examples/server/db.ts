// One SQL code path over two drivers: PGlite (Postgres compiled to WebAssembly, in-process) and a PostgreSQL server through `pg`.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a statement returns; rows are plain objects keyed by column name. */
export interface QueryResult<T> {
  rows: T[];
  /** Rows changed by an INSERT, UPDATE or DELETE (or returned by a SELECT). */
  rowCount: number;
}

/** Runs statements. Parameters are `$1`, `$2`…; pass JSON as a string and cast it (`$1::jsonb`). */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database: statements, transactions, and a way to let go of it. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite in a folder (created if missing), or in memory when `dataDir` is undefined.
 * PGlite has one connection: its transactions run one after another, never interleaved.
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ?? 'memory://');
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, [...params]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}

/** A PostgreSQL server, through a small pool of `pg` connections. */
export async function openPostgresDb(connectionString: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (e) => console.error('PostgreSQL : connexion inactive perdue :', e.message));
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query(sql, [...params]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await q.query(sql);
    },
  });
  // Fail at start, not at the first request, when the server cannot be reached.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` when given, else PGlite in `dataDir` (or in memory). */
export function openDb(options: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Db> {
  return options.databaseUrl ? openPostgresDb(options.databaseUrl) : openPgliteDb(options.dataDir);
}
