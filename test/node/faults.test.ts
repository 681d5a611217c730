// The HTTP store against the real reference server through a proxy that loses or delays answers, and
// against servers that trickle: a retry never makes a second practice nor a second decision.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpStore, isPracticeStoreError, type PracticeStore } from '../../src/store/index.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { backends, startServer, withTokens, type Storage } from '../support/server.js';
import { validInput } from '../support/declarations.js';

type Mode = 'pass' | 'drop-answer' | 'delay-answer';

/** A proxy to `target` that, depending on its mode, forwards the answer, destroys the connection once the server has answered, or answers late. */
async function faultyProxy(target: string) {
  let mode: Mode = 'pass';
  const upstream = new URL(target);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          if (mode === 'drop-answer') return void res.destroy(); // the write happened; the client never learns it
          const reply = () => {
            if (res.destroyed) return;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          };
          if (mode === 'delay-answer') setTimeout(reply, 600);
          else reply();
        });
      });
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (m: Mode) => (mode = m),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

const unavailable = (e: unknown) => isPracticeStoreError(e) && e.code === 'unavailable' && /vos données sont conservées, réessayez/.test(e.message);
const chair = { id: 'chair', role: 'chair' } as const;

for (const backend of await backends()) {
  describe(`lost and late answers from the reference server on ${backend.name}`, { skip: backend.unavailable && !backend.unavailable.required ? backend.unavailable.reason : false }, () => {
    let storage: Storage;
    let server: ReferenceServer;
    let proxy: Awaited<ReturnType<typeof faultyProxy>>;
    let direct: PracticeStore;
    before(async () => {
      storage = await backend.open();
      server = await startServer(storage.db);
      proxy = await faultyProxy(server.url);
      direct = withTokens(createHttpStore(server.url));
    });
    after(async () => {
      await proxy?.close();
      await server?.close();
      await storage?.dispose();
    });

    for (const mode of ['drop-answer', 'delay-answer'] as const) {
      test(`a submission whose answer is ${mode === 'drop-answer' ? 'lost' : 'later than the timeout'}: "unavailable", and the retry with its key returns the same practice`, async () => {
        const key = `fault-${mode}`;
        const declaration = { ...validInput(), title: `Réponse ${mode}` };
        const client = createHttpStore(proxy.url, { timeoutMs: 300 });
        proxy.set(mode);
        await assert.rejects(client.submit(declaration, { idempotencyKey: key }), unavailable);
        await new Promise((r) => setTimeout(r, 700)); // the late answer has come and gone
        const landed = (await direct.list({ states: ['submitted'], limit: 500 }, { actor: chair })).items.filter((p) => p.declaration?.title === declaration.title);
        assert.equal(landed.length, 1, 'the server had written it: the worst case for a duplicate');
        proxy.set('pass');
        const retried = await client.submit(declaration, { idempotencyKey: key });
        const again = await client.submit(declaration, { idempotencyKey: key });
        assert.equal(again.id, retried.id);
        assert.equal(again.declarantToken, retried.declarantToken, 'the declarant keeps one link');
        const { items } = await direct.list({ states: ['submitted'], limit: 500 }, { actor: chair });
        assert.deepEqual(items.filter((p) => p.declaration?.title === declaration.title).map((p) => p.id), [retried.id], 'one practice');
      });
    }

    test('a review decision whose answer is lost: the retry with the same If-Match is a version conflict, and the history holds it once', async () => {
      const p = await direct.submit({ ...validInput(), title: 'Décision perdue' }, { idempotencyKey: 'fault-decision' });
      const client = withTokens(createHttpStore(proxy.url, { timeoutMs: 300 }));
      proxy.set('drop-answer');
      const event = { type: 'START_REVIEW', actor: { id: 'rev-1', role: 'reviewer' } } as const;
      await assert.rejects(client.send(p.id, event, { expectedVersion: 1 }), unavailable);
      proxy.set('pass');
      await assert.rejects(client.send(p.id, event, { expectedVersion: 1 }), (e: unknown) => isPracticeStoreError(e) && e.code === 'version-conflict' && e.currentVersion === 2);
      const stored = (await direct.get(p.id, { actor: chair })) as { review: { history: { type: string }[] } };
      assert.deepEqual(stored.review.history.map((h) => h.type), ['SUBMIT', 'START_REVIEW']);
    });

    test('a server that is down: "unavailable", and nothing is written', async () => {
      const closed = await faultyProxy(server.url);
      const url = closed.url;
      await closed.close();
      await assert.rejects(createHttpStore(url).submit(validInput(), { idempotencyKey: 'fault-down' }), unavailable);
      const again = await direct.submit(validInput(), { idempotencyKey: 'fault-down' });
      assert.equal(again.version, 1);
    });
  });
}

test('headers on time, then a body that never ends: "unavailable" after the timeout', async () => {
  const server = createServer((_q, s) => {
    s.writeHead(201, { 'Content-Type': 'application/json' });
    s.write('{"practice": {"id": "p1",');
    // …and nothing more: a proxy buffering a slow upstream, a stalled connection.
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const started = Date.now();
    await assert.rejects(createHttpStore(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { timeoutMs: 300 }).submit(validInput(), { idempotencyKey: 'k' }), unavailable);
    assert.ok(Date.now() - started < 3000, 'the timeout covers the body too');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
