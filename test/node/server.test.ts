// The reference server over real HTTP on 127.0.0.1, on PGlite (in a folder) and on PostgreSQL: the store contract through
// createHttpStore, then the committee's path, every refusal, CORS, concurrency, the append-only history, the outbox and its
// delivery, reminders, retention and erasure, and a restart. One database and one server per engine: starting PGlite costs seconds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { taxonomy } from '../../src/taxonomy/index.js';
import { declarationJsonSchema } from '../../src/schema/index.js';
import type { DeclarantPractice, Practice, PublicPractice } from '../../src/model.js';
import type { Db } from '../../examples/server/db.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { createOutbox } from '../../examples/server/outbox.js';
import { buildExamplePractices } from '../../examples/data/index.js';
import { addDemoCampaigns, addDemoCommitteeWork } from '../../examples/server/demo.js';
import { createHttpStore } from '../../src/store/index.js';
import { BOARD, PARTNER, TOKEN_OF, backends, startServer, withTokens, type Storage } from '../support/server.js';
import { NOW, PERSISTENCE_CONTRACT, STORE_CONTRACT } from '../support/store-contract.js';
import { validInput } from '../support/declarations.js';

const DAY = 86_400_000;
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
let keys = 0;
const key = () => `srv-${process.pid}-${++keys}`;

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** One request as a browser page or a program would send it. */
async function call<T = any>(base: string, method: string, path: string, init: { token?: string; origin?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.origin) headers.Origin = init.origin;
  if (init.body !== undefined || init.raw !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (CSV, Atom): kept as text.
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

const tok = (id: string) => TOKEN_OF[id]!;

/** A local webhook receiver that fails the first `failures` requests. */
async function startReceiver(failures = 0) {
  const received: { headers: IncomingHttpHeaders; raw: string; body: any }[] = [];
  let left = failures;
  const server = createHttpServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (left > 0) {
      left--;
      res.writeHead(500).end('panne');
      return;
    }
    received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    failNext(n: number) {
      left = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const backend of await backends()) {
  if (backend.unavailable) {
    const { reason, required } = backend.unavailable;
    // One visible line in the counts: skipped here, failed under CI.
    test(`reference server on ${backend.name}`, { skip: required ? false : reason }, () => {
      throw new Error(`${backend.name} did not start: ${reason}`);
    });
    continue;
  }
  describe(`reference server on ${backend.name}`, () => {
    let now = NOW;
    const clock = () => new Date(now);
    let storage: Storage;
    let db: Db;
    let server: ReferenceServer;
    let url: string;
    before(async () => {
      storage = await backend.open();
      db = storage.db;
      server = await startServer(db, {}, { clock });
      url = server.url;
    });
    after(async () => {
      await server?.close();
      await storage?.dispose();
    });

    describe('the store contract through createHttpStore', () => {
      // Each case uses its own keys and markers, so they share the database.
      for (const [name, run] of [...STORE_CONTRACT, ...PERSISTENCE_CONTRACT]) {
        test(name, async () => {
          now = NOW;
          const store = withTokens(createHttpStore(url));
          await run({ store, setNow: (iso) => (now = iso), reopen: () => withTokens(createHttpStore(url)) });
        });
      }
    });

    const submit = async (declaration: Record<string, unknown> = validInput(), k = key()) => {
      const r = await call<{ practice: DeclarantPractice; declarantToken: string }>(url, 'POST', '/practices', { origin: PARTNER, body: { declaration }, headers: { 'Idempotency-Key': k } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    const send = async (id: string, token: string, version: number, event: Record<string, unknown>) =>
      call(url, "POST", `/practices/${id}/events`, { token, body: event, headers: { "If-Match": String(version) } });
    const step = async (id: string, token: string, version: number, event: Record<string, unknown>) => {
      const r = await send(id, token, version, event);
      assert.equal(r.status, 200, `${event.type}: ${JSON.stringify(r.body)}`);
      return r.body as Practice;
    };
    const historyRows = async (id: string) =>
      (await db.query<{ position: number; type: string; actor_role: string }>('SELECT position, type, actor_role FROM practice_history WHERE practice_id = $1 ORDER BY position', [id])).rows;
    const outboxOf = async (id: string) =>
      (await db.query<{ kind: string; recipient: string; payload: unknown; delivered_at: unknown; abandoned_at: unknown; attempts: number }>(
        'SELECT kind, recipient, payload, delivered_at, abandoned_at, attempts FROM outbox WHERE practice_id = $1 ORDER BY id', [id])).rows;

    test('the whole path: declaration → complements → decision → publication → search and feeds', async () => {
      now = NOW;
      const marker = `Parcourscomplet${keys}${backend.name}`;
      const { practice, declarantToken } = await submit({ ...validInput(), title: `${marker} R&D <parents> "ados" l'été` });
      assert.equal(practice.review.state, 'submitted');
      let v = practice.version;
      v = (await step(practice.id, tok('rev-1'), v, { type: 'START_REVIEW' })).version;
      v = (await step(practice.id, tok('chair'), v, { type: 'REQUEST_COMPLEMENTS', comment: 'Combien de familles par an ?' })).version;

      // The declarant reads the request through the link, and answers it.
      const own = await call<DeclarantPractice>(url, 'GET', `/practices/${practice.id}`, { token: declarantToken, origin: PARTNER });
      assert.equal(own.status, 200);
      assert.equal(own.headers.get('cache-control'), 'private, no-store');
      assert.equal(own.body.review.state, 'complementsRequested');
      assert.equal(own.body.review.history.at(-1)?.comment, 'Combien de familles par an ?');
      assert.deepEqual(own.body.review.allowed.map((a) => a.type).sort(), ['PROVIDE_COMPLEMENTS', 'WITHDRAW']);
      const answer = await call<DeclarantPractice>(url, 'POST', `/practices/${practice.id}/events`, {
        token: declarantToken, origin: PARTNER, headers: { 'If-Match': `"${v}"` },
        body: { type: 'PROVIDE_COMPLEMENTS', declaration: { ...validInput(), title: `${marker} R&D <parents> "ados" l'été`, description: 'Trente familles par an.' } },
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.ok(!('opinions' in answer.body.review), 'the declarant gets their own view');
      v = answer.body.version;

      v = (await step(practice.id, tok('rev-1'), v, { type: 'GIVE_OPINION', opinion: 'favorable', comment: 'Solide.' })).version;
      v = (await step(practice.id, tok('rev-2'), v, { type: 'GIVE_OPINION', opinion: 'reserve' })).version;
      const accepted = await step(practice.id, tok('chair'), v, { type: 'ACCEPT', comment: 'Pertinente et transposable.' });
      assert.equal(accepted.review.state, 'accepted');
      assert.equal((await call(url, 'GET', `/practices/${practice.id}`)).status, 404, 'not public before publication');
      const published = await step(practice.id, tok('editor'), accepted.version, { type: 'PUBLISH' });
      assert.equal(published.review.state, 'published');
      assert.equal(published.declaration?.description, 'Trente familles par an.');
      assert.equal(published.previousDeclaration?.description, validInput().description);

      // The history table holds exactly the practice's history, in order, with who acted by role.
      const rows = await historyRows(practice.id);
      assert.deepEqual(rows.map((r) => r.type), published.review.history.map((h) => h.type));
      assert.deepEqual(rows.map((r) => r.type), ['SUBMIT', 'START_REVIEW', 'REQUEST_COMPLEMENTS', 'PROVIDE_COMPLEMENTS', 'GIVE_OPINION', 'GIVE_OPINION', 'ACCEPT', 'PUBLISH']);
      assert.deepEqual(rows.map((r) => r.position), [0, 1, 2, 3, 4, 5, 6, 7]);

      // The public sees it everywhere, without personal data.
      const pub = await call<PublicPractice>(url, 'GET', `/practices/${practice.id}`, { origin: PARTNER });
      assert.equal(pub.status, 200);
      assert.equal(pub.headers.get('access-control-allow-origin'), PARTNER);
      assert.ok(!JSON.stringify(pub.body).includes('camille.martin'), 'no e-mail in the public view');
      const found = await call(url, 'GET', `/search?text=${encodeURIComponent(marker.toLowerCase())}&themes=education`);
      assert.equal(found.body.total, 1);
      assert.equal(found.body.items[0].id, practice.id);
      const feed = await call(url, 'GET', '/feed.json');
      assert.equal(feed.body.format, 'pratiques-inspirantes/1');
      assert.ok(feed.body.items.some((p: PublicPractice) => p.id === practice.id));
      assert.ok(!JSON.stringify(feed.body).includes('@example.org'), 'no e-mail in the feed');
      const csv = await call<string>(url, 'GET', '/feed.csv');
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="pratiques-inspirantes-\d{4}-\d{2}-\d{2}\.csv"/);
      assert.ok(csv.body.includes(published.reference));
      const atom = await call<string>(url, 'GET', '/feed.atom');
      assert.match(atom.headers.get('content-type') ?? '', /^application\/atom\+xml/);
      assert.ok(atom.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'));
      assert.ok(atom.body.includes(`<title>${marker} R&amp;D &lt;parents&gt; &quot;ados&quot; l&apos;été</title>`), 'title escaped');
      assert.ok(atom.body.includes(`<id>${url}/practices/${practice.id}</id>`));
      assert.ok(!atom.body.includes('<parents>'), 'nothing unescaped');
    });

    test('taxonomy.json and declaration.schema.json', async () => {
      const t = await call(url, 'GET', '/taxonomy.json', { origin: PARTNER });
      assert.equal(t.status, 200);
      assert.deepEqual(t.body, JSON.parse(JSON.stringify(taxonomy)));
      const s = await call(url, 'GET', '/declaration.schema.json');
      assert.equal(s.status, 200);
      assert.match(s.headers.get('content-type') ?? '', /^application\/schema\+json/);
      assert.equal(s.body.$schema, 'https://json-schema.org/draft/2020-12/schema');
      assert.ok(s.body.required.includes('declarant') && s.body.required.includes('title'));
      assert.deepEqual(s.body.properties.scale.enum, taxonomy.scales.map((x) => x.code));
      // The domain's one function: the same document as dist/declaration.schema.json.
      assert.deepEqual(s.body, JSON.parse(JSON.stringify(declarationJsonSchema())));
    });

    test('refusals: payload, JSON, size, tokens, versions, transitions, unknown ids and routes', async () => {
      now = NOW;
      const count = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM practices')).rows[0]!.n);
      const before = await count();

      const bad = await call(url, 'POST', '/practices', { origin: PARTNER, body: { declaration: { ...validInput(), title: '' } }, headers: { 'Idempotency-Key': key() } });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.code, 'invalid-declaration');
      assert.deepEqual(bad.body.error.fields.map((f: { field: string }) => f.field), ['title']);
      assert.match(bad.body.error.message, /Intitulé de la pratique/);

      const malformed = await call(url, 'POST', '/practices', { raw: '{"declaration": {', headers: { 'Idempotency-Key': key() } });
      assert.equal(malformed.status, 400);
      assert.deepEqual(malformed.body, { error: { code: 'invalid-declaration', message: 'Le corps de la requête n’est pas du JSON valide.' } });
      assert.equal((await call(url, 'POST', '/practices', { body: [validInput()] })).status, 400, 'an array is not a body');
      // What PostgreSQL cannot store is refused as such, not as a storage failure.
      for (const odd of ['nul \u0000 ici', 'demi \uD800 caractère']) {
        const r = await call(url, 'POST', '/practices', { body: { declaration: { ...validInput(), title: odd } }, headers: { 'Idempotency-Key': key() } });
        assert.equal(r.status, 400, odd);
        assert.match(r.body.error.message, /caractère invalide/);
      }
      assert.equal((await call(url, 'GET', '/practices/p%00x', { token: tok('chair') })).status, 400);
      assert.equal((await call(url, 'GET', '/practices?awaitingOpinionOf=%00', { token: tok('chair') })).status, 400);

      const huge = await call(url, 'POST', '/practices', { body: { declaration: { ...validInput(), description: 'x'.repeat(300 * 1024) } }, headers: { 'Idempotency-Key': key() } });
      assert.equal(huge.status, 413);
      assert.equal(huge.body.error.code, 'invalid-declaration');
      assert.match(huge.body.error.message, /dépasse la taille autorisée \(256 Ko\)/);
      assert.equal(await count(), before, 'nothing written by any refusal');

      const { practice, declarantToken } = await submit();
      const other = await submit();
      // Committee routes: no token is 401, a token that is not the committee's is 403.
      const anonymous = await call(url, 'GET', '/practices');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.code, 'forbidden');
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal((await call(url, 'GET', '/practices', { token: 'a-wrong-token-of-the-right-length' })).status, 403);
      assert.equal((await call(url, 'GET', '/practices', { token: declarantToken })).status, 403, 'a declarant link is not a committee token');
      assert.equal((await call(url, 'POST', '/imports', { token: tok('chair'), body: { records: [] } })).status, 403, 'imports are the editor’s');
      assert.deepEqual((await call(url, 'GET', '/me', { token: tok('rev-1') })).body, { id: 'rev-1', role: 'reviewer', name: 'Relectrice 1' }, 'who the token is, without the token');
      assert.equal((await call(url, 'GET', '/me', { token: declarantToken })).status, 403);
      assert.equal((await call(url, 'GET', '/me')).status, 401);
      assert.equal((await call(url, 'POST', `/practices/${practice.id}/events`, { body: { type: 'START_REVIEW' }, headers: { 'If-Match': '1' } })).status, 401);

      // A declarant link opens its own practice only, and a wrong one looks like a missing practice.
      assert.equal((await call(url, 'GET', `/practices/${other.practice.id}`, { token: declarantToken })).status, 404);
      assert.equal((await call(url, 'GET', `/practices/${practice.id}`, { token: 'x'.repeat(32) })).status, 404);
      assert.equal((await send(practice.id, other.declarantToken, 1, { type: 'WITHDRAW' })).status, 404);

      // The actor is the token's: a body claiming to be the chair changes nothing.
      const claimed = await send(practice.id, tok('rev-1'), 1, { type: 'MERGE', into: other.practice.id, comment: 'Doublon', actor: { id: 'chair', role: 'chair' } });
      assert.equal(claimed.status, 409);
      assert.equal(claimed.body.error.code, 'illegal-transition');
      assert.match(claimed.body.error.message, /Seul/);

      const started = await step(practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' });
      const stale = await send(practice.id, tok('rev-1'), 1, { type: 'GIVE_OPINION', opinion: 'favorable' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'version-conflict');
      assert.equal(stale.body.error.currentVersion, started.version);
      const noIfMatch = await call(url, 'POST', `/practices/${practice.id}/events`, { token: tok('rev-1'), body: { type: 'GIVE_OPINION', opinion: 'favorable' } });
      assert.equal(noIfMatch.status, 428);
      assert.equal(noIfMatch.body.error.code, 'version-conflict');
      const early = await send(practice.id, tok('chair'), started.version, { type: 'ACCEPT', comment: 'Trop tôt' });
      assert.equal(early.status, 409);
      assert.equal(early.body.error.code, 'illegal-transition');
      assert.match(early.body.error.message, /au moins 2 avis/);
      const noReason = await send(practice.id, tok('chair'), started.version, { type: 'REJECT' });
      assert.equal(noReason.body.error.code, 'illegal-transition');
      assert.equal((await send(practice.id, tok('chair'), started.version, { type: 'REQUEST_COMPLEMENTS', comment: 'Précisez\u0000.' })).status, 400);
      const unknownEvent = await send(practice.id, tok('chair'), started.version, { type: 'DELETE_EVERYTHING' });
      assert.equal(unknownEvent.body.error.code, 'illegal-transition');

      const missing = await call(url, 'GET', '/practices/p_doesnotexist', { token: tok('chair') });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not-found');
      assert.equal((await send('p_doesnotexist', tok('chair'), 1, { type: 'START_REVIEW' })).status, 404);
      const route = await call(url, 'GET', '/nowhere');
      assert.equal(route.status, 404);
      assert.equal(route.body.error.code, 'not-found');
      assert.equal((await call(url, 'PUT', '/practices')).status, 404);

      const after = (await call<Practice>(url, 'GET', `/practices/${practice.id}`, { token: tok('chair') })).body;
      assert.equal(after.version, started.version, 'no refused event changed the practice');
      assert.deepEqual((await historyRows(practice.id)).map((r) => r.type), ['SUBMIT', 'START_REVIEW']);
    });

    test('CORS: partner sites submit and read, the board alone lists; unlisted origins are refused and write nothing', async () => {
      const preflight = (path: string, origin: string, method: string) =>
        fetch(`${url}${path}`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type, idempotency-key' } });
      const ok = await preflight('/practices', PARTNER, 'POST');
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), PARTNER);
      assert.equal(ok.headers.get('access-control-allow-methods'), 'POST, OPTIONS', 'a partner may not list');
      for (const h of ['Idempotency-Key', 'If-Match', 'Authorization', 'Content-Type']) assert.ok(ok.headers.get('access-control-allow-headers')?.includes(h), h);
      assert.match(ok.headers.get('vary') ?? '', /Origin/);
      assert.equal((await preflight('/practices', BOARD, 'GET')).status, 204, 'the board lists');
      assert.equal((await preflight('/practices', PARTNER, 'GET')).status, 403, 'a partner site does not list');
      assert.equal((await preflight('/practices/p_x/events', PARTNER, 'POST')).status, 204, 'the declarant answers from the partner site');
      assert.equal((await preflight('/practices/p_x/personal-data', PARTNER, 'DELETE')).status, 204);
      assert.equal((await preflight('/imports', PARTNER, 'POST')).status, 403);

      const evil = 'https://evil.example.net';
      const refused = await preflight('/practices', evil, 'POST');
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      const count = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM practices')).rows[0]!.n);
      const before = await count();
      // A "simple" request skips the preflight: the server still refuses it before doing anything.
      const simple = await call(url, 'POST', '/practices', { origin: evil, raw: JSON.stringify({ declaration: validInput() }), headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': key() } });
      assert.equal(simple.status, 403);
      assert.equal(simple.body.error.code, 'forbidden');
      assert.equal(simple.headers.get('access-control-allow-origin'), null);
      assert.equal(await count(), before);
      assert.equal((await call(url, 'GET', '/search', { origin: evil })).status, 403);
      const publicRead = await call(url, 'GET', '/search', { origin: PARTNER });
      assert.equal(publicRead.headers.get('access-control-allow-origin'), PARTNER);
      assert.equal((await call(url, 'GET', '/practices', { origin: PARTNER, token: tok('chair') })).status, 403, 'committee data never reaches a partner page');
      assert.equal((await call(url, 'GET', '/practices', { origin: BOARD, token: tok('chair') })).status, 200);
      assert.equal((await call(url, 'GET', '/search')).status, 200, 'programs without an Origin are not browsers');
    });

    test('idempotent submission: concurrent retries with one key make one practice, with one token', async () => {
      const k = key();
      const answers = await Promise.all([0, 1, 2].map(() => call(url, 'POST', '/practices', { origin: PARTNER, body: { declaration: validInput() }, headers: { 'Idempotency-Key': k } })));
      assert.deepEqual(answers.map((a) => a.status), [201, 201, 201]);
      assert.equal(new Set(answers.map((a) => a.body.practice.id)).size, 1);
      assert.equal(new Set(answers.map((a) => a.body.declarantToken)).size, 1);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM practices WHERE idempotency_key = $1', [`submit:${k}`]);
      assert.equal(Number(rows.rows[0]!.n), 1);
      assert.equal((await outboxOf(answers[0]!.body.practice.id)).length, 2, 'one acknowledgement and one notice, not three');
      const edited = await call(url, 'POST', '/practices', { body: { declaration: { ...validInput(), title: 'Autre' } }, headers: { 'Idempotency-Key': k } });
      assert.equal(edited.status, 409);
      assert.equal(edited.body.error.code, 'already-submitted');
      assert.equal(edited.body.error.reference, answers[0]!.body.practice.reference);
    });

    test('two chairs deciding at once: one wins, the other gets 409, the history holds one decision', async () => {
      const { practice } = await submit();
      let v = (await step(practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' })).version;
      v = (await step(practice.id, tok('rev-1'), v, { type: 'GIVE_OPINION', opinion: 'favorable' })).version;
      v = (await step(practice.id, tok('rev-2'), v, { type: 'GIVE_OPINION', opinion: 'defavorable' })).version;
      const [a, b] = await Promise.all([
        send(practice.id, tok('chair'), v, { type: 'ACCEPT', comment: 'Retenue.' }),
        send(practice.id, tok('chair-2'), v, { type: 'REJECT', comment: 'Non retenue.' }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.body.error.code, 'version-conflict');
      const final = (await call<Practice>(url, 'GET', `/practices/${practice.id}`, { token: tok('chair') })).body;
      assert.equal(final.version, v + 1);
      const decisions = final.review.history.filter((h) => h.type === 'ACCEPT' || h.type === 'REJECT');
      assert.equal(decisions.length, 1);
      assert.equal(final.review.state, decisions[0]!.type === 'ACCEPT' ? 'accepted' : 'rejected');
      assert.deepEqual((await historyRows(practice.id)).map((r) => r.type), final.review.history.map((h) => h.type));
      // The repository's compare-and-set itself: a replace naming the version before the decision writes nothing.
      const record = (await server.repository.get(practice.id))!;
      assert.equal(await server.repository.replace({ ...record, practice: { ...record.practice, version: v + 1 } }, v), 'conflict');
      assert.equal(await server.repository.replace({ ...record, practice: { ...record.practice, id: 'p_missing' } }, v + 1), 'not-found');
    });

    test('committee lists by SQL: several states, level, paging, oldest first, counts over everything', async () => {
      const marker = key();
      now = later(NOW, 400 * DAY);
      const made: string[] = [];
      for (let i = 0; i < 3; i++) {
        now = later(NOW, 400 * DAY + i * 1000);
        made.push((await submit({ ...validInput(), title: `${marker} ${i}` })).practice.id);
      }
      await step(made[1]!, tok('rev-1'), 1, { type: 'START_REVIEW' });
      const list = async (q: string) => (await call(url, 'GET', `/practices?${q}`, { token: tok('chair'), origin: BOARD })).body;
      const all = await list('state=submitted&state=inReview&level=declared&limit=500');
      const ours = all.items.filter((p: Practice) => made.includes(p.id)).map((p: Practice) => p.id);
      assert.deepEqual(ours, made, 'oldest first, both states');
      assert.ok(all.items.every((p: Practice) => ['submitted', 'inReview'].includes(p.review.state) && p.level === 'declared'));
      assert.equal(all.total, all.items.length);
      const total = Object.values(all.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      const n = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM practices')).rows[0]!.n);
      assert.equal(total, n, 'counts by state over everything, whatever the filters');
      assert.equal((await list('level=onpe&state=submitted')).total, 0);
      const page = await list(`state=submitted&state=inReview&offset=${all.total - 2}&limit=1`);
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0].id, all.items[all.total - 2].id, 'offset and limit');
      assert.equal((await list('limit=100000')).items.length <= 500, true, 'at most 500');
      now = NOW;
    });

    test('the history table is append-only: rows cannot be updated, deleted or truncated', async () => {
      const { practice } = await submit();
      await assert.rejects(db.query(`UPDATE practice_history SET type = 'ACCEPT' WHERE practice_id = $1`, [practice.id]), /append-only/);
      await assert.rejects(db.query('DELETE FROM practice_history WHERE practice_id = $1', [practice.id]), /append-only/);
      await assert.rejects(db.query('TRUNCATE practice_history CASCADE'), /append-only/);
      assert.deepEqual((await historyRows(practice.id)).map((r) => r.type), ['SUBMIT']);
      // Nor can a write rewrite the practice's history through the repository.
      const record = (await server.repository.get(practice.id))!;
      const forged = structuredClone(record);
      forged.practice.version = 2;
      (forged.practice.review.snapshot.state as { context: { history: unknown[] } }).context.history = [];
      await assert.rejects(server.repository.replace(forged, 1), /may only grow/);
    });

    test('the outbox is written in the write’s own transaction, without personal data', async () => {
      const { practice } = await submit();
      const rows = await outboxOf(practice.id);
      assert.deepEqual(rows.map((r) => [r.kind, r.recipient]), [['submission-received', 'declarant'], ['practice-submitted', 'reviewer']]);
      assert.ok(!JSON.stringify(rows).includes('camille') && !JSON.stringify(rows).includes('Camille'), 'no name or address in the outbox');
      // A refused write leaves no message.
      await send(practice.id, tok('rev-1'), 7, { type: 'START_REVIEW' });
      assert.equal((await outboxOf(practice.id)).length, 2);
      // If the outbox cannot be written, the practice is not written either.
      await db.exec(`ALTER TABLE outbox ADD CONSTRAINT test_refuse_review_started CHECK (kind <> 'review-started') NOT VALID`);
      try {
        const failed = await send(practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' });
        assert.equal(failed.status, 503);
        assert.equal(failed.body.error.code, 'unavailable');
        const still = (await call<Practice>(url, 'GET', `/practices/${practice.id}`, { token: tok('chair') })).body;
        assert.equal(still.version, 1);
        assert.equal(still.review.state, 'submitted');
        assert.deepEqual((await historyRows(practice.id)).map((r) => r.type), ['SUBMIT']);
      } finally {
        await db.exec('ALTER TABLE outbox DROP CONSTRAINT test_refuse_review_started');
      }
      await step(practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' });
      assert.deepEqual((await outboxOf(practice.id)).map((r) => r.kind), ['submission-received', 'practice-submitted', 'review-started']);
    });

    test('delivery: to a local webhook, signed, with retries and backoff; an erased contact is not sent', async () => {
      now = NOW;
      const receiver = await startReceiver();
      const outbox = createOutbox(db, { webhookUrl: receiver.url, webhookSecret: 'secret-de-test', clock, members: [{ id: 'rev-1', role: 'reviewer', name: 'Relectrice 1', email: 'rev1@comite.example.org' }], baseDelayMs: 30_000, maxAttempts: 3 });
      try {
        // Earlier tests left messages due: deliver them first.
        while ((await outbox.deliver()).delivered > 0);
        receiver.received.length = 0;

        const { practice } = await submit();
        receiver.failNext(1);
        assert.deepEqual(await outbox.deliver(), { delivered: 1, failed: 1, abandoned: 0 }, 'the first request fails');
        let rows = await outboxOf(practice.id);
        const failed = rows.find((r) => r.delivered_at === null)!;
        assert.equal(failed.attempts, 1);
        assert.deepEqual(await outbox.deliver(), { delivered: 0, failed: 0, abandoned: 0 }, 'not due before its backoff');
        now = later(NOW, 31_000);
        assert.deepEqual(await outbox.deliver(), { delivered: 1, failed: 0, abandoned: 0 }, 'delivered on retry');
        rows = await outboxOf(practice.id);
        assert.ok(rows.every((r) => r.delivered_at !== null));
        assert.deepEqual(rows.map((r) => r.attempts).sort(), [1, 2]);

        const byKind = Object.fromEntries(receiver.received.map((m) => [m.body.kind, m]));
        const ack = byKind['submission-received']!;
        assert.deepEqual(ack.body.to, [{ name: 'Camille Martin', email: 'camille.martin@example.org' }], 'the address is resolved at delivery');
        assert.equal(ack.body.practiceId, practice.id);
        assert.match(ack.body.subject, /bien été reçue/);
        assert.equal(ack.headers['x-pi-signature'], `sha256=${createHmac('sha256', 'secret-de-test').update(ack.raw).digest('hex')}`);
        assert.equal(ack.headers['idempotency-key'], `outbox-${ack.body.deliveryId}`);
        assert.deepEqual(byKind['practice-submitted']!.body.to, [{ id: 'rev-1', name: 'Relectrice 1', email: 'rev1@comite.example.org' }]);

        // Backoff doubles, and a message is abandoned after its last attempt.
        assert.deepEqual([1, 2, 3].map((n) => outbox.backoff(n)), [30_000, 60_000, 120_000]);
        const second = await submit();
        receiver.failNext(100);
        for (let i = 0; i < 3; i++) {
          await outbox.deliver();
          now = later(now, 10 * 60_000);
        }
        const given = await outboxOf(second.practice.id);
        assert.ok(given.every((r) => r.abandoned_at !== null && r.attempts === 3 && r.delivered_at === null), JSON.stringify(given));

        // A message waiting for a declarant who erased their contact is dropped, and nothing is sent.
        receiver.failNext(0);
        const third = await submit();
        const erased = await call(url, 'DELETE', `/practices/${third.practice.id}/personal-data`, { token: third.declarantToken, origin: PARTNER });
        assert.equal(erased.status, 200);
        receiver.received.length = 0;
        await outbox.deliver();
        const thirdRows = await outboxOf(third.practice.id);
        const toDeclarant = thirdRows.find((r) => r.recipient === 'declarant')!;
        assert.notEqual(toDeclarant.abandoned_at, null);
        assert.ok(!receiver.received.some((m) => m.body.practiceId === third.practice.id && m.body.recipient === 'declarant'));
        assert.ok(!JSON.stringify(receiver.received).includes('camille'), 'nothing of the erased contact left the server');
      } finally {
        await receiver.close();
      }
    });

    test('the scheduled delivery sends without being asked', async () => {
      const receiver = await startReceiver();
      // The real clock, as in production: rows stamped by the fixed test clock are long due.
      const scheduled = await startServer(db, { webhookUrl: receiver.url, deliveryIntervalSeconds: 0.2 }, { schedule: true, clock: () => new Date() });
      try {
        const r = await call(scheduled.url, 'POST', '/practices', { body: { declaration: validInput() }, headers: { 'Idempotency-Key': key() } });
        const id = r.body.practice.id;
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && receiver.received.filter((m) => m.body.practiceId === id).length < 2) await new Promise((ok) => setTimeout(ok, 100));
        assert.deepEqual(receiver.received.filter((m) => m.body.practiceId === id).map((m) => m.body.kind).sort(), ['practice-submitted', 'submission-received']);
      } finally {
        await scheduled.close();
        await receiver.close();
      }
    });

    test('reminders: opinions pending after N days, once per practice and round', async () => {
      now = NOW;
      const { practice, declarantToken } = await submit();
      let v = (await step(practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' })).version;
      v = (await step(practice.id, tok('rev-1'), v, { type: 'GIVE_OPINION', opinion: 'favorable' })).version;
      const reminders = async () => (await outboxOf(practice.id)).filter((r) => r.kind === 'opinion-reminder');
      now = later(NOW, 13 * DAY);
      await server.jobs.remind();
      assert.equal((await reminders()).length, 0, 'not yet due');
      now = later(NOW, 15 * DAY);
      await server.jobs.remind();
      await server.jobs.remind();
      assert.equal((await reminders()).length, 1, 'once per round');
      assert.equal((await reminders())[0]!.recipient, 'reviewer');
      // Complements start a new round, which is reminded in its turn.
      v = (await step(practice.id, tok('chair'), v, { type: 'REQUEST_COMPLEMENTS', comment: 'Précisez.' })).version;
      v = (await step(practice.id, declarantToken, v, { type: 'PROVIDE_COMPLEMENTS', declaration: validInput() })).version;
      now = later(NOW, 31 * DAY);
      await server.jobs.remind();
      assert.equal((await reminders()).length, 2);
      // Enough opinions: no reminder.
      await step(practice.id, tok('rev-2'), v, { type: 'GIVE_OPINION', opinion: 'favorable' });
      now = later(NOW, 60 * DAY);
      await server.jobs.remind();
      assert.equal((await reminders()).length, 2);
    });

    test('personal data: the declarant downloads and erases theirs; the retention purge erases ended practices', async () => {
      now = NOW;
      const mine = await submit();
      const download = await call<DeclarantPractice>(url, 'GET', `/practices/${mine.practice.id}`, { token: mine.declarantToken });
      assert.equal(download.body.declaration?.declarant.email, 'camille.martin@example.org', 'GET with the link is the download');
      assert.equal((await call(url, 'DELETE', `/practices/${mine.practice.id}/personal-data`)).status, 401);
      assert.equal((await call(url, 'DELETE', `/practices/${mine.practice.id}/personal-data`, { token: tok('rev-1') })).status, 403);
      const erased = await call<DeclarantPractice>(url, 'DELETE', `/practices/${mine.practice.id}/personal-data`, { token: mine.declarantToken });
      assert.equal(erased.status, 200);
      assert.equal(erased.body.personalDataErasedAt, NOW);
      const stored = await db.query<{ practice: unknown }>('SELECT practice FROM practices WHERE id = $1', [mine.practice.id]);
      assert.ok(!JSON.stringify(stored.rows).includes('example.org'), 'gone from the database row');
      assert.equal((await call(url, 'DELETE', `/practices/${mine.practice.id}/personal-data`, { token: tok('editor') })).status, 200, 'the editor may too');

      const rejected = await submit();
      let v = (await step(rejected.practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' })).version;
      v = (await step(rejected.practice.id, tok('chair'), v, { type: 'REJECT', comment: 'Hors du champ du recueil.' })).version;
      const running = await submit();
      now = later(NOW, 364 * DAY);
      assert.ok(!(await server.jobs.purge()).includes(rejected.practice.id), 'kept within the retention period');
      now = later(NOW, 366 * DAY);
      const purged = await server.jobs.purge();
      assert.ok(purged.includes(rejected.practice.id));
      assert.ok(!purged.includes(running.practice.id), 'a practice still under review keeps its contact');
      const seen = (await call<Practice>(url, 'GET', `/practices/${rejected.practice.id}`, { token: tok('chair') })).body;
      assert.equal(seen.declaration?.declarant.email, '');
      assert.equal(seen.review.state, 'rejected');
      assert.equal(seen.version, v + 1);
      assert.deepEqual((await historyRows(rejected.practice.id)).map((r) => r.type), ['SUBMIT', 'START_REVIEW', 'REJECT'], 'the history is kept');
      assert.equal(((await call<Practice>(url, 'GET', `/practices/${running.practice.id}`, { token: tok('chair') })).body).declaration?.declarant.email, 'camille.martin@example.org');
    });

    test('a restart loses nothing, and the examples are seeded once', async () => {
      now = NOW;
      const count = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM practices')).rows[0]!.n);
      const before = await count();
      assert.ok((await server.repository.seed(buildExamplePractices())) > 10, 'the examples are added');
      assert.equal(await addDemoCommitteeWork(server.store), 9, 'and declarations under review');
      assert.equal(await addDemoCampaigns(server.store), 2, 'and the demo campaigns, with declarations received through them');
      const seeded = await count();
      const k = key();
      const first = await call(url, 'POST', '/practices', { body: { declaration: validInput() }, headers: { 'Idempotency-Key': k } });
      await step(first.body.practice.id, tok('rev-1'), 1, { type: 'START_REVIEW' });
      await server.close();
      db = await storage.reopen();
      server = await startServer(db, { seedExamples: true }, { clock });
      url = server.url;
      assert.equal(await count(), seeded + 1, 'nothing lost, nothing seeded twice');
      assert.ok(seeded > before);
      const back = await call<Practice>(url, 'GET', `/practices/${first.body.practice.id}`, { token: tok('chair') });
      assert.equal(back.body.review.state, 'inReview');
      assert.equal(back.body.version, 2);
      assert.deepEqual((await historyRows(first.body.practice.id)).map((r) => r.type), ['SUBMIT', 'START_REVIEW']);
      const retry = await call(url, 'POST', '/practices', { body: { declaration: validInput() }, headers: { 'Idempotency-Key': k } });
      assert.equal(retry.body.practice.id, first.body.practice.id);
      assert.equal(retry.body.declarantToken, first.body.declarantToken);
      const next = await call(url, 'POST', '/practices', { body: { declaration: validInput() }, headers: { 'Idempotency-Key': key() } });
      assert.ok(next.body.practice.reference > first.body.practice.reference, 'references keep counting');
      assert.equal((await call(url, 'GET', '/search?themes=violences-conjugales')).status, 200);
      assert.ok((await call(url, 'GET', '/search?limit=1')).body.total >= buildExamplePractices().length, 'the library is served after the restart');
      // /feed.json is in the library's order (featured, then most recent), the same as a search without text.
      const feed = (await call(url, 'GET', '/feed.json')).body;
      const page = (await call(url, 'GET', '/search?limit=100')).body;
      assert.ok(feed.items.some((p: PublicPractice) => p.featured), 'the examples include featured practices');
      assert.deepEqual(feed.items.slice(0, page.items.length).map((p: PublicPractice) => p.id), page.items.map((p: PublicPractice) => p.id));
      assert.equal(feed.items.length, page.total);
      const migrations = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
      // Every migration file once, whatever their number (each issue adds its own).
      const files = (await import('node:fs')).readdirSync(new URL('../../examples/server/migrations/', import.meta.url)).filter((f) => /^\d+_.*\.sql$/.test(f));
      assert.deepEqual(migrations.rows.map((r) => Number(r.version)).sort((a, b) => a - b), files.map((f) => Number(f.split('_')[0])).sort((a, b) => a - b), 'migrations applied once');
    });
  });
}
