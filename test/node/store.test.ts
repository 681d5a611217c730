import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore, createHttpStore, PracticeStoreError, toPublicPractice, toDeclarantView, isPracticeStoreError } from '../../src/store/index.js';
import type { Actor } from '../../src/model.js';
import { NOW, STORE_CONTRACT } from '../support/store-contract.js';
import { startContractServer } from '../support/contract-server.js';
import { validInput } from '../support/declarations.js';

const TOKENS: Record<string, Actor> = {
  'tok-rev-1': { id: 'rev-1', role: 'reviewer' },
  'tok-rev-2': { id: 'rev-2', role: 'reviewer' },
  'tok-chair': { id: 'chair', role: 'chair' },
  'tok-editor': { id: 'editor', role: 'editor' },
};
const TOKEN_OF = Object.fromEntries(Object.entries(TOKENS).map(([t, a]) => [a.id, t]));

describe('memory store', () => {
  for (const [name, run] of STORE_CONTRACT) {
    test(name, async () => {
      let now = NOW;
      const store = createMemoryStore({ clock: () => new Date(now) });
      await run({ store, setNow: (iso) => (now = iso) });
    });
  }

  test('a seed is served and its references are not handed out again', async () => {
    const first = createMemoryStore({ clock: () => new Date(NOW) });
    const p = await first.submit(validInput(), { idempotencyKey: 'a' });
    const seeded = createMemoryStore({ seed: [p], clock: () => new Date(NOW) });
    const next = await seeded.submit(validInput(), { idempotencyKey: 'b' });
    assert.equal(next.reference, 'PI-2026-000002');
  });

  test('a store holds copies: changing a returned practice changes nothing stored', async () => {
    const store = createMemoryStore({ clock: () => new Date(NOW) });
    const p = await store.submit(validInput(), { idempotencyKey: 'a' });
    p.declaration!.title = 'Changed';
    const again = await store.get(p.id, { actor: { id: 'c', role: 'chair' } });
    assert.notEqual((again as typeof p).declaration!.title, 'Changed');
  });
});

describe('http store against the contract on real HTTP', () => {
  const servers: { close(): Promise<void> }[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  for (const [name, run] of STORE_CONTRACT) {
    test(name, async () => {
      let now = NOW;
      const backend = createMemoryStore({ clock: () => new Date(now) });
      const server = await startContractServer(backend, TOKENS);
      servers.push(server);
      // The test's actors choose which token travels; the server decides who they are.
      const http = createHttpStore(server.url);
      const store = new Proxy(http, {
        get(target, prop: keyof typeof http) {
          const withToken = (a?: Actor) => (a && a.role !== 'declarant' ? { ...a, token: TOKEN_OF[a.id] } : a);
          if (prop === 'send') return (id: string, e: { actor?: Actor }, o: never) => target.send(id, { ...e, actor: withToken(e.actor) } as never, o);
          if (prop === 'get') return (id: string, o: { actor?: Actor } = {}) => target.get(id, { ...o, actor: withToken(o.actor) } as never);
          if (prop === 'list' || prop === 'importPractices') return (q: never, o: { actor: Actor }) => (target[prop] as (a: never, b: never) => Promise<unknown>)(q, { actor: withToken(o.actor) } as never);
          return target[prop];
        },
      });
      await run({ store, setNow: (iso) => (now = iso) });
    });
  }

  test('headers: Idempotency-Key on submit, If-Match and the bearer token on events, never the actor in the body', async () => {
    const server = await startContractServer(createMemoryStore(), TOKENS);
    servers.push(server);
    const store = createHttpStore(`${server.url}/`, { token: 'tok-rev-1' });
    const p = await store.submit(validInput(), { idempotencyKey: 'idem-1' });
    await store.send(p.id, { type: 'START_REVIEW', actor: { id: 'forged', role: 'chair' } }, { expectedVersion: 1 });
    const [submit, event] = server.requests;
    assert.equal(submit!.headers['idempotency-key'], 'idem-1');
    assert.equal(event!.headers['if-match'], '1');
    assert.equal(event!.headers.authorization, 'Bearer tok-rev-1');
    const stored = await createHttpStore(server.url, { token: 'tok-chair' }).get(p.id);
    assert.deepEqual((stored as { review: { history: { actor: Actor }[] } }).review.history.at(-1)!.actor, { id: 'rev-1', role: 'reviewer' });
  });

  test('search parameters repeat for lists', async () => {
    const server = await startContractServer(createMemoryStore(), TOKENS);
    servers.push(server);
    await createHttpStore(server.url).search({ text: 'parents ados', themes: ['education', 'sante-mentale'], featured: true, limit: 5 });
    assert.equal(server.requests[0]!.url, '/search?text=parents+ados&themes=education&themes=sante-mentale&featured=true&limit=5');
  });
});

describe('http store when the network fails', () => {
  async function serve(handler: Parameters<typeof createServer>[1]) {
    const server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
  }
  const FAULTS: [string, Parameters<typeof createServer>[1]][] = [
    ['a 500 without a body', (_q, s) => { s.writeHead(500); s.end(); }],
    ['a proxy\'s HTML error page', (_q, s) => { s.writeHead(502, { 'Content-Type': 'text/html' }); s.end('<html>Bad gateway</html>'); }],
    ['a truncated JSON answer', (_q, s) => { s.writeHead(200, { 'Content-Type': 'application/json' }); s.end('{"items": [{"id"'); }],
    ['a connection closed mid-answer', (_q, s) => { s.writeHead(200, { 'Content-Length': '100' }); s.write('{"a'); s.destroy(); }],
    ['no answer before the timeout', () => { /* never answers */ }],
  ];
  for (const [label, handler] of FAULTS) {
    test(`${label} is "unavailable" with a French message`, async () => {
      const server = await serve(handler);
      try {
        const store = createHttpStore(server.url, { timeoutMs: 300 });
        await assert.rejects(store.search({}), (e: unknown) => isPracticeStoreError(e) && e.code === 'unavailable' && /réessayez/.test(e.message));
      } finally {
        await server.close();
      }
    });
  }

  test('a server that is down is "unavailable"', async () => {
    const server = await serve(() => {});
    const url = server.url;
    await server.close();
    await assert.rejects(createHttpStore(url).submit(validInput(), { idempotencyKey: 'k' }), (e: unknown) => e instanceof PracticeStoreError && e.code === 'unavailable');
  });

  test('a 409 without a body is a version conflict', async () => {
    const server = await serve((_q, s) => { s.writeHead(409); s.end(); });
    try {
      await assert.rejects(createHttpStore(server.url).send('p', { type: 'START_REVIEW', actor: { id: 'r', role: 'reviewer' } }, { expectedVersion: 1 }), (e: unknown) => isPracticeStoreError(e) && e.code === 'version-conflict');
    } finally {
      await server.close();
    }
  });
});

test('views: public drops personal and review data; declarant drops opinions', async () => {
  const store = createMemoryStore({ clock: () => new Date(NOW) });
  const p = await store.submit(validInput(), { idempotencyKey: 'v' });
  assert.equal(toPublicPractice(p), undefined, 'not published');
  const view = toDeclarantView(p);
  assert.deepEqual(Object.keys(view.review).sort(), ['history', 'state']);
  const published = { ...p, publishedAt: NOW, review: { ...p.review, state: 'published' as const } };
  const pub = toPublicPractice(published)!;
  assert.deepEqual(Object.keys(pub).sort(), ['declaration', 'featured', 'id', 'level', 'publishedAt', 'reference', 'updatedAt']);
  assert.ok(!('declarant' in pub.declaration!) && !('departmentAgreement' in pub.declaration!));
});

test('a store error serialises to the HTTP contract\'s body', () => {
  const e = new PracticeStoreError('version-conflict', 'Modifiée entre-temps.', { currentVersion: 3 });
  assert.deepEqual(JSON.parse(JSON.stringify(e)), { error: { code: 'version-conflict', message: 'Modifiée entre-temps.', currentVersion: 3 } });
});
