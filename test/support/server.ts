// The reference server under test: the databases it runs on, the committee's tokens, and a client that sends them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Actor } from '../../src/model.js';
import type { PracticeStore } from '../../src/store/port.js';
import type { CommitteeMember, ServerConfig } from '../../examples/server/config.js';
import { openPgliteDb, openPostgresDb, type Db } from '../../examples/server/db.js';
import { createServer, type ReferenceServer, type ServerDependencies } from '../../examples/server/server.js';
import { startPostgres } from './postgres.js';
import { ficheAuthoringWithTokens } from './fiche-contract.js';

/** Committee tokens of the tests, for the contract's actors (ids rev-1, rev-2, chair, editor). */
export const TOKENS: Record<string, CommitteeMember> = {
  'tok-rev-1-aaaaaaaaaaaaaaaa': { id: 'rev-1', role: 'reviewer', name: 'Relectrice 1', email: 'rev1@comite.example.org' },
  'tok-rev-2-bbbbbbbbbbbbbbbb': { id: 'rev-2', role: 'reviewer' },
  'tok-chair-cccccccccccccccc': { id: 'chair', role: 'chair' },
  'tok-chair2-dddddddddddddddd': { id: 'chair-2', role: 'chair' },
  'tok-editor-eeeeeeeeeeeeeeee': { id: 'editor', role: 'editor' },
};
export const TOKEN_OF: Record<string, string> = Object.fromEntries(Object.entries(TOKENS).map(([t, a]) => [a.id, t]));
export const PARTNER = 'https://asso.example.org';
export const BOARD = 'https://comite.example.org';

/** A database under test, which can be closed and opened again (a restart). */
export interface Storage {
  db: Db;
  /** Closes the database and opens the same storage again. */
  reopen(): Promise<Db>;
  dispose(): Promise<void>;
}

/** A database engine the server can run on. */
export interface Backend {
  name: string;
  /** A fresh, empty storage. */
  open(): Promise<Storage>;
  /** Why it cannot run here, and whether that is a failure (under CI) rather than a skip. */
  unavailable?: { reason: string; required: boolean };
}

/** PGlite in a temporary folder, so that a restart reads the files back. */
async function pgliteStorage(): Promise<Storage> {
  const dir = mkdtempSync(join(tmpdir(), 'pi-pglite-'));
  const storage: Storage = {
    db: await openPgliteDb(dir),
    async reopen() {
      await storage.db.close();
      storage.db = await openPgliteDb(dir);
      return storage.db;
    },
    async dispose() {
      await storage.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return storage;
}

/**
 * PGlite always; PostgreSQL too when a throwaway cluster can be started here. When it cannot, the
 * suite is skipped with the reason, so a run without PostgreSQL is visible as such (under CI it fails).
 */
export async function backends(): Promise<Backend[]> {
  const list: Backend[] = [{ name: 'PGlite', open: pgliteStorage }];
  const pg = await startPostgres();
  if ('skip' in pg) {
    // CI installs PostgreSQL (.ci/run): there, a server that does not start is a failure, not a skip.
    const required = !!process.env.CI && process.env.PI_TEST_POSTGRES !== 'off';
    if (!required) process.stdout.write(`# PostgreSQL skipped: ${pg.skip}\n`);
    list.push({ name: 'PostgreSQL', open: () => Promise.reject(new Error(pg.skip)), unavailable: { reason: pg.skip, required } });
    return list;
  }
  after(() => pg.stop());
  list.push({
    name: 'PostgreSQL',
    async open() {
      const url = await pg.createDatabase();
      const storage: Storage = {
        db: await openPostgresDb(url, { max: 4 }),
        async reopen() {
          await storage.db.close();
          storage.db = await openPostgresDb(url, { max: 4 });
          return storage.db;
        },
        dispose: () => storage.db.close(),
      };
      return storage;
    },
  });
  return list;
}

/**
 * A per-client limit far above what any test submits from 127.0.0.1, set explicitly: the limiter runs
 * on every request without refusing any (test/node/rate-limit.test.ts tests the refusals).
 */
export const TEST_SUBMIT_RATE = { limit: 1_000_000, windowSeconds: 60 };

/** Starts the server on 127.0.0.1 over `db`, with no timers and no console output. */
export function startServer(db: Db, config: Partial<ServerConfig> = {}, deps: ServerDependencies = {}): Promise<ReferenceServer> {
  return createServer(
    { port: 0, host: '127.0.0.1', tokens: TOKENS, partnerOrigins: [PARTNER], boardOrigins: [BOARD], submitRate: TEST_SUBMIT_RATE, ...config },
    { db, schedule: false, log: () => undefined, logError: () => undefined, ...deps },
  );
}

/** The test's actors choose which token travels, as a board or a declarant's link would; the server decides who they are. */
export function withTokens(http: PracticeStore): PracticeStore {
  const withToken = (a?: Actor) => (a && a.role !== 'declarant' ? { ...a, token: TOKEN_OF[a.id] ?? 'not-a-committee-token' } : a);
  return {
    submit: (d, o) => http.submit(d, o),
    search: (q) => http.search(q),
    get: (id, o) => http.get(id, { ...(o ?? {}), actor: withToken(o?.actor) } as never),
    send: (id, e, o) => http.send(id, { ...e, actor: withToken(e?.actor) } as never, o),
    list: (q, o) => http.list(q, { actor: withToken(o?.actor) } as never),
    importPractices: (r, o) => http.importPractices(r, { actor: withToken(o?.actor) } as never),
    erasePersonalData: (id, o) => http.erasePersonalData(id, { actor: withToken(o?.actor) } as never),
    ...ficheAuthoringWithTokens(http, withToken),
  };
}
