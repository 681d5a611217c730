// The per-client limit on submissions, over real HTTP on 127.0.0.1: 429 with Retry-After and a French message, nothing written.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpStore, isPracticeStoreError } from '../../src/store/index.js';
import { loadConfig, ConfigError } from '../../examples/server/config.js';
import { openPgliteDb, type Db } from '../../examples/server/db.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { startServer, PARTNER, TOKEN_OF } from '../support/server.js';
import { validInput } from '../support/declarations.js';

const chairToken = TOKEN_OF.chair!;
let n = 0;

function post(server: ReferenceServer, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/practices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `rl-${++n}`, ...headers },
    body: JSON.stringify({ declaration: validInput() }),
  });
}

async function stored(server: ReferenceServer): Promise<number> {
  const res = await fetch(`${server.url}/practices?state=submitted&limit=1`, { headers: { Authorization: `Bearer ${chairToken}` } });
  return ((await res.json()) as { total: number }).total;
}

describe('rate limit on POST /practices', () => {
  let db: Db;
  before(async () => {
    db = await openPgliteDb();
  });
  after(() => db.close());

  test('past the limit: 429, Retry-After, a French error in the API\'s format, nothing written; searches are not counted', async () => {
    const server = await startServer(db, { submitRate: { limit: 3, windowSeconds: 30 } });
    try {
      const before = await stored(server);
      for (let i = 0; i < 3; i++) assert.equal((await post(server)).status, 201);
      for (let i = 0; i < 5; i++) assert.equal((await fetch(`${server.url}/search?text=parents`)).status, 200);
      const refused = await post(server, { Origin: PARTNER });
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 30, `Retry-After: ${retryAfter}`);
      assert.match(refused.headers.get('access-control-expose-headers') ?? '', /Retry-After/, 'a partner page can read when to retry');
      assert.match(refused.headers.get('content-type') ?? '', /^application\/json/);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'rate-limited');
      assert.match(body.error.message, /^Trop de déclarations envoyées depuis cette connexion .*rien n’a été enregistré\. Réessayez dans \d+ secondes?\.$/);
      assert.equal(await stored(server), before + 3, 'the refused submission was not written');

      // The HTTP store turns it into "unavailable" with the server's message: the form keeps the draft and offers a retry.
      await assert.rejects(createHttpStore(server.url).submit(validInput(), { idempotencyKey: 'rl-store' }),
        (e: unknown) => isPracticeStoreError(e) && e.code === 'unavailable' && /Réessayez dans/.test(e.message));
      // A preflight is not a submission.
      const preflight = await fetch(`${server.url}/practices`, { method: 'OPTIONS', headers: { Origin: PARTNER, 'Access-Control-Request-Method': 'POST' } });
      assert.equal(preflight.status, 204);
    } finally {
      await server.close();
    }
  });

  test('the window ends: the same client may submit again', async () => {
    const server = await startServer(db, { submitRate: { limit: 1, windowSeconds: 1 } });
    try {
      assert.equal((await post(server)).status, 201);
      const refused = await post(server);
      assert.equal(refused.status, 429);
      await new Promise((r) => setTimeout(r, Number(refused.headers.get('retry-after')) * 1000 + 100));
      assert.equal((await post(server)).status, 201);
    } finally {
      await server.close();
    }
  });

  test('a forwarded-for header is ignored unless configured; with a trusted proxy header, each client has its own budget', async () => {
    const untrusting = await startServer(db, { submitRate: { limit: 1, windowSeconds: 30 } });
    try {
      assert.equal((await post(untrusting, { 'X-Forwarded-For': '203.0.113.1' })).status, 201);
      assert.equal((await post(untrusting, { 'X-Forwarded-For': '203.0.113.2' })).status, 429, 'a client cannot pick a new identity per request');
    } finally {
      await untrusting.close();
    }
    const proxied = await startServer(db, { submitRate: { limit: 1, windowSeconds: 30 }, trustedProxyHeader: 'X-Forwarded-For' });
    try {
      // The proxy appends the address it saw: the last one counts, whatever the client wrote before it.
      assert.equal((await post(proxied, { 'X-Forwarded-For': '198.51.100.9, 203.0.113.1' })).status, 201);
      assert.equal((await post(proxied, { 'X-Forwarded-For': '198.51.100.10, 203.0.113.1' })).status, 429);
      assert.equal((await post(proxied, { 'X-Forwarded-For': '203.0.113.2' })).status, 201);
      // IPv6 clients count by /64.
      assert.equal((await post(proxied, { 'X-Forwarded-For': '2001:db8:1:2::1' })).status, 201);
      assert.equal((await post(proxied, { 'X-Forwarded-For': '2001:db8:1:2:ffff::7' })).status, 429);
      assert.equal((await post(proxied, { 'X-Forwarded-For': '2001:db8:1:3::1' })).status, 201);
    } finally {
      await proxied.close();
    }
  });

  test('limit 0 turns it off', async () => {
    const server = await startServer(db, { submitRate: { limit: 0, windowSeconds: 1 } });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await post(server)).status, 201);
    } finally {
      await server.close();
    }
  });
});

test('configuration: PI_SUBMIT_RATE, its window and the trusted proxy header', () => {
  assert.deepEqual(loadConfig({}).submitRate, { limit: 30, windowSeconds: 600 });
  assert.equal(loadConfig({}).trustedProxyHeader, undefined);
  const c = loadConfig({ PI_SUBMIT_RATE: '5', PI_SUBMIT_RATE_WINDOW_SECONDS: '60', PI_TRUSTED_PROXY_HEADER: 'X-Real-IP' });
  assert.deepEqual(c.submitRate, { limit: 5, windowSeconds: 60 });
  assert.equal(c.trustedProxyHeader, 'X-Real-IP');
  assert.equal(loadConfig({ PI_SUBMIT_RATE: '0' }).submitRate.limit, 0);
  assert.throws(() => loadConfig({ PI_SUBMIT_RATE: 'beaucoup' }), (e: Error) => e instanceof ConfigError && /PI_SUBMIT_RATE : un nombre/.test(e.message));
  assert.throws(() => loadConfig({ PI_SUBMIT_RATE_WINDOW_SECONDS: '0' }), /PI_SUBMIT_RATE_WINDOW_SECONDS/);
  assert.throws(() => loadConfig({ PI_TRUSTED_PROXY_HEADER: 'X Forwarded: For' }), /PI_TRUSTED_PROXY_HEADER/);
});
