// The reference server's parts that need no database: configuration, a deployment's own identity provider, the Atom writer.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '../../src/store/index.js';
import type { Actor } from '../../src/model.js';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../examples/server/config.js';
import { createApp } from '../../examples/server/app.js';
import { escapeXml, practicesToAtom } from '../../examples/server/atom.js';
import { tokenIdentity } from '../../examples/server/auth.js';
import { validInput } from '../support/declarations.js';

describe('server configuration', () => {
  test('defaults, then a JSON file, then the environment, which wins', () => {
    assert.equal(loadConfig({}).bodyLimit, 256 * 1024);
    assert.equal(loadConfig({}).dataDir, '.data/pglite');
    assert.equal(loadConfig({}).retentionDays, 365);
    const dir = mkdtempSync(join(tmpdir(), 'pi-config-'));
    try {
      const file = join(dir, 'config.json');
      writeFileSync(file, JSON.stringify({ retentionDays: 30, partnerOrigins: ['https://a.example.org'], tokens: { 'un-jeton-assez-long-1': { id: 'r1', role: 'reviewer' } } }));
      const c = loadConfig({ PI_CONFIG: file, PI_RETENTION_DAYS: '90', PI_BOARD_ORIGINS: 'https://comite.example.org/, https://autre.example.org', PI_DATA_DIR: 'memory', PI_BODY_LIMIT: '4096' });
      assert.equal(c.retentionDays, 90, 'the environment wins');
      assert.deepEqual(c.partnerOrigins, ['https://a.example.org'], 'the file fills in');
      assert.deepEqual(c.boardOrigins, ['https://comite.example.org', 'https://autre.example.org'], 'trailing slashes dropped');
      assert.equal(c.dataDir, undefined, 'memory: PGlite in memory');
      assert.equal(c.bodyLimit, 4096);
      assert.deepEqual(c.tokens, { 'un-jeton-assez-long-1': { id: 'r1', role: 'reviewer' } });
      const tokens = join(dir, 'tokens.json');
      writeFileSync(tokens, JSON.stringify({ 'un-autre-jeton-assez-long': { id: 'p', role: 'chair', name: 'Présidence', email: 'p@example.org' } }));
      assert.equal(loadConfig({ PI_TOKENS_FILE: tokens }).tokens['un-autre-jeton-assez-long']?.email, 'p@example.org');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(loadConfig({ PI_TOKENS: '{"jeton-du-comite-0001":{"id":"e","role":"editor"}}' }).tokens['jeton-du-comite-0001']?.role, 'editor');
  });

  test('a configuration that would be unsafe or wrong is refused, in French', () => {
    assert.throws(() => loadConfig({ PI_TOKENS: '{"court":{"id":"e","role":"editor"}}' }), (e: Error) => e instanceof ConfigError && /au moins 16 caractères/.test(e.message));
    assert.throws(() => loadConfig({ PI_TOKENS: '{"jeton-du-comite-0001":{"id":"d","role":"declarant"}}' }), /reviewer, chair, editor/);
    assert.throws(() => loadConfig({ PI_TOKENS: 'pas du json' }), /du JSON est attendu/);
    assert.throws(() => loadConfig({ PI_RETENTION_DAYS: 'un an' }), /PI_RETENTION_DAYS : un nombre/);
    assert.throws(() => loadConfig({ PI_WEBHOOK_URL: 'ftp://x' }), /http\(s\)/);
    assert.throws(() => loadConfig({ PI_CONFIG: '/nonexistent/config.json' }), /illisible/);
  });
});

describe('identity', () => {
  const request = (authorization?: string) => new Request('http://127.0.0.1/me', authorization ? { headers: { Authorization: authorization } } : {});

  test('committee tokens from the configuration; any other bearer token is a declarant link', async () => {
    const identify = tokenIdentity({ 'jeton-du-comite-0001': { id: 'c', role: 'chair', name: 'Présidence' } });
    assert.deepEqual(await identify(request('Bearer jeton-du-comite-0001')), { id: 'c', role: 'chair', name: 'Présidence' });
    assert.deepEqual(await identify(request('bearer   jeton-du-comite-0001 ')), { id: 'c', role: 'chair', name: 'Présidence' }, 'the scheme is case-insensitive');
    assert.deepEqual(await identify(request('Bearer jeton-du-comite-0002')), { id: 'declarant', role: 'declarant', token: 'jeton-du-comite-0002' });
    assert.equal(await identify(request()), undefined);
    assert.equal(await identify(request('Basic dXNlcjpwYXNz')), undefined, 'other schemes are not tokens');
  });

  test('a deployment plugs in its own identity provider; the body never names the actor', async () => {
    const store = createMemoryStore({ clock: () => new Date('2026-06-15T09:00:00.000Z') });
    // As a reverse proxy that authenticated the person would say it (an OIDC session, a SAML assertion…).
    const identify = (req: Request): Actor | undefined => {
      const user = req.headers.get('x-authenticated-user');
      return user === 'alice' ? { id: 'alice', role: 'reviewer', name: 'Alice' } : user === 'bob' ? { id: 'bob', role: 'chair' } : undefined;
    };
    const app = createApp({ store, config: { ...DEFAULT_CONFIG }, identify });
    const submit = await app.request('/practices', { method: 'POST', body: JSON.stringify({ declaration: validInput(), actor: { id: 'x', role: 'editor' } }), headers: { 'Idempotency-Key': 'k1' } });
    assert.equal(submit.status, 201);
    const { practice } = (await submit.json()) as { practice: { id: string } };
    const asAlice = await app.request(`/practices/${practice.id}/events`, { method: 'POST', body: JSON.stringify({ type: 'START_REVIEW', actor: { id: 'bob', role: 'chair' } }), headers: { 'x-authenticated-user': 'alice', 'If-Match': '1' } });
    assert.equal(asAlice.status, 200);
    const body = (await asAlice.json()) as { review: { history: { actor: Actor }[] } };
    assert.deepEqual(body.review.history.at(-1)?.actor, { id: 'alice', role: 'reviewer', name: 'Alice' }, 'the provider’s actor, not the body’s');
    assert.equal((await app.request('/practices', { headers: { 'x-authenticated-user': 'mallory' } })).status, 401);
    assert.equal((await app.request('/practices', { headers: { 'x-authenticated-user': 'bob' } })).status, 200);
    assert.deepEqual(await (await app.request('/me', { headers: { 'x-authenticated-user': 'bob' } })).json(), { id: 'bob', role: 'chair' });
  });
});

describe('Atom writer', () => {
  test('escapes markup and drops what XML cannot carry at all', () => {
    assert.equal(escapeXml(`a<b>&"c"'d'`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    assert.equal(escapeXml('x\u0000y\u0008z\u000Bw\uFFFEv\uD800u'), 'xyzwvu');
    // A raw CR would reach a reader as LF (XML's line-end normalisation): it is written as a reference.
    assert.equal(escapeXml('tab\tline\nret\r👍'), 'tab\tline\nret&#13;👍', 'allowed characters and pairs kept');
  });

  test('one entry per practice, with its links, dates and categories', () => {
    const item = {
      id: 'p_1', reference: 'PI-2026-000001', level: 'declared' as const, featured: false, publishedAt: '2026-06-01T10:00:00.000Z', updatedAt: '2026-06-02T10:00:00.000Z',
      declaration: { title: 'Titre <b>gras</b>', entityName: 'Asso & Co', description: 'Une « description ».', themes: ['education'], audiences: ['adolescents'] } as never,
    };
    const xml = practicesToAtom([item], { baseUrl: 'https://pi.example.org/api/', libraryUrl: 'https://pi.example.org/bibliotheque?x=1&y=2' });
    assert.ok(xml.includes('<id>https://pi.example.org/api/practices/p_1</id>'));
    assert.ok(xml.includes('<title>Titre &lt;b&gt;gras&lt;/b&gt;</title>'));
    assert.ok(xml.includes('<author><name>Asso &amp; Co</name></author>'));
    assert.ok(xml.includes('<updated>2026-06-02T10:00:00.000Z</updated>\n    <published>2026-06-01T10:00:00.000Z</published>'));
    assert.ok(xml.includes('<category term="education" label="Éducation" scheme="https://pi.example.org/api/taxonomy.json#themes"/>'));
    assert.ok(xml.includes('<link rel="alternate" type="text/html" href="https://pi.example.org/bibliotheque?x=1&amp;y=2"/>'));
    assert.ok(xml.includes('<updated>2026-06-02T10:00:00.000Z</updated>\n  <link rel="self"'), 'the feed is as recent as its latest entry');
    assert.equal((xml.match(/<entry>/g) ?? []).length, 1);
  });
});
