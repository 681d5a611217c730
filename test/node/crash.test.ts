// The reference server killed (SIGKILL) in the middle of concurrent submissions and review decisions,
// then restarted on the same storage: every acknowledged write is there, every other one wholly or not at all.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDb, openPostgresDb, type Db } from '../../examples/server/db.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { startPostgres } from '../support/postgres.js';
import { TOKENS, TOKEN_OF } from '../support/server.js';
import { validInput } from '../support/declarations.js';

const WORKERS = 8;
// Acknowledged writes after which the server is killed: enough for every step of the review to be in flight.
const KILL_AFTER = 80;
const STEPS = [
  { type: 'START_REVIEW', as: 'rev-1' },
  { type: 'GIVE_OPINION', as: 'rev-1', opinion: 'favorable' },
  { type: 'GIVE_OPINION', as: 'rev-2', opinion: 'favorable' },
  { type: 'ACCEPT', as: 'chair', comment: 'Retenue par le comité.' },
] as const;
const ORDER = ['SUBMIT', ...STEPS.map((s) => s.type)];

interface Attempt { key: string; title: string; id?: string; acked: boolean }
interface Ack { id: string; type: string; version: number }
interface Stored { id: string; version: number; source?: { page?: string }; declaration: { title: string }; review: { state: string; history: { type: string }[] } }

const pageOf = (key: string) => `https://crash.example.org/${key}`;

/** Sends submissions and review events from `WORKERS` loops until the server stops answering. */
async function load(server: ChildServer, tag: string, onAck: () => void) {
  const attempts = new Map<string, Attempt>();
  const acks: Ack[] = [];
  let unacknowledgedEvents = 0;
  const call = async (path: string, init: { body: unknown; token?: string; headers?: Record<string, string> }) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...init.headers },
      body: JSON.stringify(init.body),
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const worker = async (w: number) => {
    for (let i = 0; ; i++) {
      const key = `${tag}-${w}-${i}`;
      const attempt: Attempt = { key, title: `Pratique ${key}`, acked: false };
      attempts.set(key, attempt);
      let version: number;
      try {
        const res = await call('/practices', { body: { declaration: { ...validInput(), title: attempt.title }, source: { page: pageOf(key) } }, headers: { 'Idempotency-Key': key } });
        const practice = res.practice as { id: string; version: number };
        Object.assign(attempt, { id: practice.id, acked: true });
        version = practice.version;
        acks.push({ id: practice.id, type: 'SUBMIT', version });
        onAck();
      } catch {
        return; // the server is gone: this submission is unacknowledged
      }
      for (const step of STEPS) {
        const { type, as, ...fields } = step;
        try {
          const res = await call(`/practices/${attempt.id}/events`, { body: { type, ...fields }, token: TOKEN_OF[as], headers: { 'If-Match': String(version) } });
          version = res.version as number;
          acks.push({ id: attempt.id!, type, version });
          onAck();
        } catch {
          unacknowledgedEvents++;
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { attempts, acks, unacknowledgedEvents };
}

async function listAll(url: string): Promise<Stored[]> {
  const items: Stored[] = [];
  for (let offset = 0; ; offset += 500) {
    const res = await fetch(`${url}/practices?limit=500&offset=${offset}`, { headers: { Authorization: `Bearer ${TOKEN_OF.chair}` } });
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: Stored[]; total: number };
    items.push(...page.items);
    if (items.length >= page.total || !page.items.length) return items;
  }
}

/** The SQL copies agree with the stored practice: state and version columns, one history row per version. */
async function checkColumns(db: Db) {
  const rows = (await db.query<{ id: string; state: string; version: number; doc_state: string; doc_version: number; history_rows: number }>(
    `SELECT p.id, p.state, p.version, p.practice->'review'->>'state' AS doc_state, (p.practice->>'version')::int AS doc_version,
            (SELECT count(*)::int FROM practice_history h WHERE h.practice_id = p.id) AS history_rows
       FROM practices p`)).rows;
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.equal(r.state, r.doc_state, `${r.id}: state column`);
    assert.equal(Number(r.version), Number(r.doc_version), `${r.id}: version column`);
    assert.equal(Number(r.history_rows), Number(r.version), `${r.id}: one history row per version`);
  }
  return rows.length;
}

async function crashAndRestart(tag: string, env: Record<string, string>, openDb: () => Promise<Db>, say: (m: string) => void) {
  const base = { PI_TOKENS: JSON.stringify(TOKENS), PI_SUBMIT_RATE: '1000000', PI_SUBMIT_RATE_WINDOW_SECONDS: '60', ...env };
  const first = await startChildServer(base);
  let killed: Promise<void> | undefined;
  let acked = 0;
  const result = await load(first, tag, () => {
    // Killed from a timer, not from the request's own callback, so other requests are in flight.
    if (++acked === KILL_AFTER) killed = new Promise((r) => setTimeout(r, 5 + Math.random() * 20)).then(() => first.stop('SIGKILL'));
  }).finally(() => first.stop('SIGKILL'));
  await killed;
  assert.ok(result.acks.length >= KILL_AFTER, `${result.acks.length} writes acknowledged before the kill`);
  const unackedSubmissions = [...result.attempts.values()].filter((a) => !a.acked);

  const second = await startChildServer(base);
  try {
    const stored = await listAll(second.url);
    const byKey = new Map<string, Stored[]>();
    for (const p of stored) {
      const key = p.source?.page?.replace('https://crash.example.org/', '') ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
      const attempt = result.attempts.get(key);
      assert.ok(attempt, `${p.id} was sent by this test`);
      // Wholly there: the declaration as sent, a history that follows the machine's order, one entry per version.
      assert.equal(p.declaration.title, attempt.title);
      assert.deepEqual(p.review.history.map((h) => h.type), ORDER.slice(0, p.review.history.length), `${p.id}: history`);
      assert.equal(p.review.history.length, p.version, `${p.id}: one history entry per version`);
      const expectedState = ['submitted', 'inReview', 'inReview', 'inReview', 'accepted'][p.version - 1];
      assert.equal(p.review.state, expectedState, `${p.id}: state agrees with the history`);
    }
    for (const [key, list] of byKey) assert.equal(list.length, 1, `one practice for ${key}`);
    // Every acknowledged write is there.
    const byId = new Map(stored.map((p) => [p.id, p]));
    for (const ack of result.acks) {
      const p = byId.get(ack.id);
      assert.ok(p, `acknowledged ${ack.type} of ${ack.id} survived`);
      assert.ok(p.version >= ack.version, `${ack.id}: version ${p.version} ≥ acknowledged ${ack.version}`);
      assert.equal(p.review.history[ack.version - 1]!.type, ack.type);
    }
    // An unacknowledged submission retried with its key after the restart makes one practice, the first if it had landed.
    for (const attempt of unackedSubmissions) {
      const before = byKey.get(attempt.key)?.[0];
      const res = await fetch(`${second.url}/practices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': attempt.key },
        body: JSON.stringify({ declaration: { ...validInput(), title: attempt.title }, source: { page: pageOf(attempt.key) } }),
      });
      assert.equal(res.status, 201);
      const { practice } = (await res.json()) as { practice: { id: string } };
      if (before) assert.equal(practice.id, before.id, `${attempt.key}: the retry returns the practice that had landed`);
    }
    const after = await listAll(second.url);
    assert.equal(after.length, stored.length + unackedSubmissions.filter((a) => !byKey.has(a.key)).length);
    const landed = unackedSubmissions.filter((a) => byKey.has(a.key)).length;
    say(`${tag}: ${result.acks.length} writes acknowledged, ${unackedSubmissions.length} submissions and ${result.unacknowledgedEvents} events in flight at the kill (${landed} of those submissions had landed); ${stored.length} practices after the restart`);
  } finally {
    await second.stop('SIGTERM');
  }
  // With the server stopped cleanly, the SQL copies are read directly.
  const db = await openDb();
  try {
    await checkColumns(db);
  } finally {
    await db.close();
  }
}

describe('the reference server killed during writes', () => {
  test('on PGlite (a folder): every acknowledged practice and decision is there after a restart', { timeout: 180_000 }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'pi-crash-'));
    try {
      await crashAndRestart('pglite', { PI_DATA_DIR: dir }, () => openPgliteDb(dir), (m) => t.diagnostic(m));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('on PostgreSQL: every acknowledged practice and decision is there after a restart', { timeout: 180_000 }, async (t) => {
    const pg = await startPostgres();
    if ('skip' in pg) {
      if (process.env.CI && process.env.PI_TEST_POSTGRES !== 'off') assert.fail(`PostgreSQL is required under CI: ${pg.skip}`);
      t.skip(pg.skip);
      return;
    }
    after(() => pg.stop());
    const url = await pg.createDatabase();
    await crashAndRestart('postgres', { DATABASE_URL: url }, () => openPostgresDb(url, { max: 1 }), (m) => t.diagnostic(m));
  });
});
