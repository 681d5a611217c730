import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createMemoryStore, createMemoryRepository, createStoreEngine, createHttpStore, PracticeStoreError, toPublicPractice, toDeclarantView,
  isPracticeStoreError, type PracticeStore, type Repository,
} from '../../src/store/index.js';
import type { Actor, Practice } from '../../src/model.js';
import { NOW, PERSISTENCE_CONTRACT, STORE_CONTRACT } from '../support/store-contract.js';
import { startContractServer } from '../support/contract-server.js';
import { validInput } from '../support/declarations.js';
import { ficheAuthoringWithTokens } from '../support/fiche-contract.js';
import { startServer, TOKEN_OF as SERVER_TOKEN_OF } from '../support/server.js';
import { openPgliteDb } from '../../examples/server/db.js';

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
    const { id } = await first.submit(validInput(), { idempotencyKey: 'a' });
    const p = (await first.get(id, { actor: { id: 'c', role: 'chair' } })) as Practice;
    const seeded = createMemoryStore({ seed: [p], clock: () => new Date(NOW) });
    const next = await seeded.submit(validInput(), { idempotencyKey: 'b' });
    assert.equal(next.reference, 'PI-2026-000002');
  });

  test('a store holds copies: changing a returned practice changes nothing stored', async () => {
    const store = createMemoryStore({ clock: () => new Date(NOW) });
    const p = await store.submit(validInput(), { idempotencyKey: 'a' });
    p.declaration!.title = 'Changed';
    const again = (await store.get(p.id, { actor: { id: 'c', role: 'chair' } })) as Practice;
    assert.notEqual(again.declaration!.title, 'Changed');
    const published = await store.importPractices([{ level: 'declared', declaration: validInput() }], { actor: { id: 'e', role: 'editor' } });
    assert.equal(published.length, 1);
  });
});

/** The test's actors choose which token travels, as a board or a declarant's link would; the server decides who they are. */
function withTokens(http: PracticeStore): PracticeStore {
  const withToken = (a?: Actor) => (a && a.role !== 'declarant' ? { ...a, token: TOKEN_OF[a.id] } : a);
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

describe('http store against the contract on real HTTP', () => {
  const servers: { close(): Promise<void> }[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  for (const [name, run] of [...STORE_CONTRACT, ...PERSISTENCE_CONTRACT]) {
    test(name, async () => {
      let now = NOW;
      const backend = createMemoryStore({ clock: () => new Date(now) });
      const server = await startContractServer(backend, TOKENS);
      servers.push(server);
      const store = withTokens(createHttpStore(server.url));
      await run({ store, setNow: (iso) => (now = iso), reopen: () => withTokens(createHttpStore(server.url)) });
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
    const stored = await createHttpStore(server.url, { token: 'tok-chair' }).get(p.id, { actor: { id: 'chair', role: 'chair' } });
    assert.deepEqual((stored as { review: { history: { actor: Actor }[] } }).review.history.at(-1)!.actor, { id: 'rev-1', role: 'reviewer' });
  });

  test('search parameters repeat for lists', async () => {
    const server = await startContractServer(createMemoryStore(), TOKENS);
    servers.push(server);
    await createHttpStore(server.url).search({ text: 'parents ados', themes: ['education', 'sante-mentale'], featured: true, limit: 5 });
    assert.equal(server.requests[0]!.url, '/search?text=parents+ados&themes=education&themes=sante-mentale&featured=true&limit=5');
  });
});

describe('http store: who the token is (GET /me of the reference server)', () => {
  test('whoAmI gives the committee member of the token; an unknown, missing or declarant token is forbidden', async () => {
    const db = await openPgliteDb();
    const server = await startServer(db);
    try {
      const chairToken = SERVER_TOKEN_OF.chair!;
      assert.deepEqual(await createHttpStore(server.url, { token: SERVER_TOKEN_OF['rev-1']! }).whoAmI(), { id: 'rev-1', role: 'reviewer', name: 'Relectrice 1' });
      assert.deepEqual(await createHttpStore(`${server.url}/`, { token: chairToken }).whoAmI(), { id: 'chair', role: 'chair' });
      const declarantToken = (await createHttpStore(server.url).submit(validInput(), { idempotencyKey: 'me-1' })).declarantToken;
      for (const token of ['tok-revoked-zzzzzzzzzzzzzzzz', declarantToken, undefined]) {
        const store = createHttpStore(server.url, token ? { token } : {});
        await assert.rejects(store.whoAmI(), (e: unknown) => isPracticeStoreError(e) && e.code === 'forbidden', `token ${token ?? 'none'}`);
      }
    } finally {
      await server.close();
      await db.close();
    }
  });

  test('an answer that names no committee member is not taken as one', async () => {
    for (const body of [{ id: 'x', role: 'declarant' }, { role: 'chair' }, { id: '', role: 'editor' }]) {
      const fake = (async () => new Response(JSON.stringify(body), { status: 200 })) as typeof fetch;
      await assert.rejects(createHttpStore('http://127.0.0.1:9', { token: 't', fetch: fake }).whoAmI(), (e: unknown) => isPracticeStoreError(e) && e.code === 'unavailable', JSON.stringify(body));
    }
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
    ['a success with an empty body', (_q, s) => { s.writeHead(200, { 'Content-Type': 'application/json' }); s.end(); }],
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
  const { id } = await store.submit(validInput(), { idempotencyKey: 'v' });
  const p = (await store.get(id, { actor: { id: 'c', role: 'chair' } })) as Practice;
  assert.equal(toPublicPractice(p), undefined, 'not published');
  const view = toDeclarantView(p);
  assert.deepEqual(Object.keys(view.review).sort(), ['allowed', 'history', 'state']);
  const published = { ...p, publishedAt: NOW, review: { ...p.review, state: 'published' as const } };
  const pub = toPublicPractice(published)!;
  assert.deepEqual(Object.keys(pub).sort(), ['declaration', 'featured', 'id', 'level', 'publishedAt', 'reference', 'updatedAt']);
  assert.ok(!('declarant' in pub.declaration!) && !('departmentAgreement' in pub.declaration!));
});

test('a store error serialises to the HTTP contract\'s body', () => {
  const e = new PracticeStoreError('version-conflict', 'Modifiée entre-temps.', { currentVersion: 3 });
  assert.deepEqual(JSON.parse(JSON.stringify(e)), { error: { code: 'version-conflict', message: 'Modifiée entre-temps.', currentVersion: 3 } });
});

describe('engine over its repository', () => {
  const chair: Actor = { id: 'c', role: 'chair' };
  const editor: Actor = { id: 'e', role: 'editor' };

  async function acceptedPractice(store: PracticeStore, title: string) {
    const p = await store.submit({ ...validInput(), title }, { idempotencyKey: title });
    const steps = [
      { type: 'START_REVIEW', actor: { id: 'r1', role: 'reviewer' } },
      { type: 'GIVE_OPINION', actor: { id: 'r1', role: 'reviewer' }, opinion: 'favorable' },
      { type: 'GIVE_OPINION', actor: { id: 'r2', role: 'reviewer' }, opinion: 'favorable' },
      { type: 'ACCEPT', actor: chair, comment: 'Retenue.' },
    ];
    let version = p.version;
    for (const e of steps) version = (await store.send(p.id, e as never, { expectedVersion: version })).version;
    return { id: p.id, version };
  }

  test('a publication during the first index build is not lost from search', async () => {
    const inner = createMemoryRepository();
    let slow = false;
    const repo: Repository = { ...inner, all: async () => { const r = await inner.all(); if (slow) await new Promise((ok) => setTimeout(ok, 50)); return r; } };
    const store = createStoreEngine(repo);
    const p = await acceptedPractice(store, 'Zébulon et les familles');
    slow = true;
    await Promise.all([store.search({}), store.send(p.id, { type: 'PUBLISH', actor: editor }, { expectedVersion: p.version })]);
    assert.equal((await store.search({ text: 'zebulon' })).total, 1);
  });

  test('the memory repository writes a batch whole or not at all', async () => {
    const repo = createMemoryRepository();
    const store = createStoreEngine(repo);
    const ok = await store.submit(validInput(), { idempotencyKey: 'first' });
    const full = (await store.get(ok.id, { actor: chair })) as Practice;
    await assert.rejects(repo.insertMany(2026, [
      { build: (n) => ({ practice: { ...full, id: 'a', reference: `PI-2026-${n}` } }) },
      { build: () => { throw new Error('disk full'); } },
    ]));
    assert.deepEqual((await repo.all()).map((r) => r.practice.id), [ok.id]);
    const next = await store.submit(validInput(), { idempotencyKey: 'second' });
    assert.equal(next.reference, 'PI-2026-000002', 'no reference number was consumed');
  });

  test('a storage failure is "unavailable", says nothing was recorded, and writes nothing', async () => {
    const inner = createMemoryRepository();
    const repo: Repository = { ...inner, insertMany: async () => { throw new Error('quota'); } };
    const store = createStoreEngine(repo);
    await assert.rejects(store.importPractices([{ level: 'declared', declaration: validInput() }, { level: 'declared', declaration: validInput() }], { actor: editor }),
      (e: unknown) => isPracticeStoreError(e) && e.code === 'unavailable' && /rien n’a été enregistré/.test(e.message));
    assert.equal((await inner.all()).length, 0);
  });

  test('search results are copies: changing one changes nothing for the next search', async () => {
    const store = createMemoryStore();
    const p = await acceptedPractice(store, 'Titre original');
    await store.send(p.id, { type: 'PUBLISH', actor: editor }, { expectedVersion: p.version });
    const first = await store.search({});
    first.items[0]!.declaration!.title = 'Changé';
    assert.equal((await store.search({})).items[0]!.declaration!.title, 'Titre original');
  });
});

test('the http store sends no token for public calls, even when configured with one', async () => {
  const server = await startContractServer(createMemoryStore(), TOKENS);
  try {
    const store = createHttpStore(server.url, { token: 'tok-chair' });
    const p = await store.submit(validInput(), { idempotencyKey: 'public' });
    assert.equal(await store.get(p.id), undefined, 'the public view of an unpublished practice is nothing');
    await store.search({});
    assert.ok(server.requests.every((r) => r.headers.authorization === undefined));
    assert.equal(((await store.get(p.id, { actor: { id: 'chair', role: 'chair' } })) as Practice).declaration?.declarant.email, 'camille.martin@example.org');
    assert.equal(server.requests.at(-1)!.headers.authorization, 'Bearer tok-chair');
  } finally {
    await server.close();
  }
});
