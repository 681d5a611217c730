// Collection campaigns through the reference server over real HTTP, on PGlite and PostgreSQL: the editor creates one, a
// declaration sent through an invitation records the partner and the campaign (never the body's), an unknown or closed
// invitation is refused in French, the organiser's secret link shows its links and counts, lists and feeds filter by campaign.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpStore, createMemoryStore } from '../../src/store/index.js';
import type { Campaign } from '../../src/store/index.js';
import type { Actor } from '../../src/model.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { addDemoCampaigns, DEMO_CAMPAIGNS, DEMO_TOKENS } from '../../examples/server/demo.js';
import { BOARD, PARTNER, TOKEN_OF, backends, startServer, type Storage } from '../support/server.js';
import { NOW } from '../support/store-contract.js';
import { validInput } from '../support/declarations.js';
import { buildExamplePractices } from '../../examples/data/index.js';

let keys = 0;
const key = () => `camp-${process.pid}-${++keys}`;
const editor: Actor = { id: 'editor', role: 'editor' };
const chair: Actor = { id: 'chair', role: 'chair' };
const reviewer: Actor = { id: 'rev-1', role: 'reviewer' };

async function call(url: string, method: string, path: string, init: { token?: string; body?: unknown; origin?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.origin ? { Origin: init.origin } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const NORD = { name: 'Campagne test du Nord', organiser: { kind: 'department', name: 'Département du Nord', department: '59' }, partners: ['Association A', 'Association B'], generic: true };

for (const backend of await backends()) {
  if (backend.unavailable) {
    const { reason, required } = backend.unavailable;
    test(`campaigns on ${backend.name}`, { skip: required ? false : reason }, () => {
      throw new Error(`${backend.name} did not start: ${reason}`);
    });
    continue;
  }
  describe(`campaigns through the reference server on ${backend.name}`, () => {
    let storage: Storage;
    let server: ReferenceServer;
    let url: string;
    let campaign: Campaign;
    before(async () => {
      storage = await backend.open();
      server = await startServer(storage.db, {}, { clock: () => new Date(NOW) });
      url = server.url;
    });
    after(async () => {
      await server?.close();
      await storage?.dispose();
    });

    test('the editor creates a campaign with a generic link and one per partner; others may not; bad input is said in French', async () => {
      assert.equal((await call(url, 'POST', '/campaigns', { token: TOKEN_OF.chair, body: NORD, origin: BOARD })).status, 403);
      assert.equal((await call(url, 'POST', '/campaigns', { body: NORD })).status, 401);
      const bad = await call(url, 'POST', '/campaigns', { token: TOKEN_OF.editor, body: { ...NORD, name: '', organiser: { kind: 'department', name: 'Nord' } } });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.error.fields.map((f: { field: string }) => f.field), ['campaign.name']);
      const noDept = await call(url, 'POST', '/campaigns', { token: TOKEN_OF.editor, body: { ...NORD, organiser: { kind: 'department', name: 'Nord' } } });
      assert.match(noDept.body.error.message, /Département organisateur.*numéro du département/);
      const created = await call(url, 'POST', '/campaigns', { token: TOKEN_OF.editor, body: NORD, origin: BOARD });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      campaign = created.body;
      assert.equal(campaign.status, 'open');
      assert.deepEqual(campaign.invitations.map((i) => i.partner ?? null), [null, 'Association A', 'Association B']);
      assert.ok(campaign.invitations.every((i) => /^[0-9a-z]{32}$/.test(i.token)));
      assert.match(campaign.organiserToken ?? '', /^[0-9a-z]{32}$/);
      assert.deepEqual(campaign.counts, { received: 0, inReview: 0, published: 0 });
    });

    test('a declaration sent through a partner’s link records that partner and the campaign, whatever the body claims', async () => {
      const partnerLink = campaign.invitations[1]!;
      const invitation = await call(url, 'GET', `/invitations/${partnerLink.token}`, { origin: PARTNER });
      assert.deepEqual(invitation.body, { campaign: { id: campaign.id, name: NORD.name, organiser: NORD.organiser }, partner: 'Association A', open: true });
      const r = await call(url, 'POST', '/practices', {
        origin: PARTNER, headers: { 'Idempotency-Key': key() },
        body: { declaration: validInput(), invitation: partnerLink.token, source: { partner: 'Usurpateur', page: 'https://asso-a.example.org/declarer', campaign: { id: 'c_faux', name: 'Fausse' } } },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(r.body.practice.source, { partner: 'Association A', page: 'https://asso-a.example.org/declarer', campaign: { id: campaign.id, name: NORD.name } });
      // Through the port, the generic link records the organiser as the partner.
      const store = createHttpStore(url);
      const generic = await store.submit(validInput(), { idempotencyKey: key(), invitation: campaign.invitations[0]!.token });
      assert.deepEqual(generic.source, { partner: 'Département du Nord', campaign: { id: campaign.id, name: NORD.name } });
      await store.submit(validInput(), { idempotencyKey: key(), source: { partner: 'Hors campagne' } });
    });

    test('the committee’s lists filter by campaign, with the campaign’s counts', async () => {
      const board = createHttpStore(url, { token: TOKEN_OF.chair });
      const all = await board.list({}, { actor: chair });
      const mine = await board.list({ campaign: campaign.id }, { actor: chair });
      assert.equal(mine.total, 2);
      assert.ok(all.total > mine.total);
      assert.ok(mine.items.every((p) => p.source?.campaign?.id === campaign.id));
      assert.equal(mine.counts.submitted, 2);
      assert.equal((await board.list({ campaign: 'c_inconnue' }, { actor: chair })).total, 0);
    });

    test('an unknown or closed invitation is refused in French, naming the link; nothing is written', async () => {
      const before = (await createHttpStore(url, { token: TOKEN_OF.chair }).list({}, { actor: chair })).total;
      const unknown = await call(url, 'POST', '/practices', { origin: PARTNER, headers: { 'Idempotency-Key': key() }, body: { declaration: validInput(), invitation: 'pas-un-lien' } });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.error.fields[0].field, 'invitation');
      assert.match(unknown.body.error.message, /ne correspond à aucune campagne.*Votre déclaration est conservée/);
      assert.equal((await call(url, 'PATCH', `/campaigns/${campaign.id}`, { token: TOKEN_OF.chair, body: { status: 'closed' }, origin: BOARD })).status, 403);
      const closed = await call(url, 'PATCH', `/campaigns/${campaign.id}`, { token: TOKEN_OF.editor, body: { status: 'closed' }, origin: BOARD });
      assert.equal(closed.body.status, 'closed');
      const late = await call(url, 'POST', '/practices', { origin: PARTNER, headers: { 'Idempotency-Key': key() }, body: { declaration: validInput(), invitation: campaign.invitations[2]!.token } });
      assert.equal(late.status, 422);
      assert.match(late.body.error.message, /la campagne « Campagne test du Nord » est close/);
      assert.equal((await call(url, 'GET', `/invitations/${campaign.invitations[2]!.token}`)).body.open, false);
      assert.equal((await createHttpStore(url, { token: TOKEN_OF.chair }).list({}, { actor: chair })).total, before);
      await call(url, 'PATCH', `/campaigns/${campaign.id}`, { token: TOKEN_OF.editor, body: { status: 'open' } });
    });

    test('the organiser’s secret link shows its links and counts, and nothing else', async () => {
      const seen = await call(url, 'GET', `/campaigns/${campaign.id}`, { token: campaign.organiserToken!, origin: PARTNER });
      assert.equal(seen.status, 200);
      assert.equal(seen.body.organiserToken, undefined, 'the organiser never gets the token back from the server');
      assert.equal(seen.body.invitations.length, 3);
      assert.deepEqual(seen.body.counts, { received: 2, inReview: 2, published: 0 });
      // Its token opens its campaign only, and no committee route.
      const other = await call(url, 'POST', '/campaigns', { token: TOKEN_OF.editor, body: { ...NORD, name: 'Autre campagne' } });
      assert.equal((await call(url, 'GET', `/campaigns/${other.body.id}`, { token: campaign.organiserToken! })).status, 404);
      assert.equal((await call(url, 'GET', '/campaigns', { token: campaign.organiserToken! })).status, 403);
      assert.equal((await call(url, 'GET', `/campaigns/${campaign.id}`, { token: 'x'.repeat(32) })).status, 404);
      // The committee sees the list with counts; only the editor sees organiser tokens.
      const listed = await call(url, 'GET', '/campaigns', { token: TOKEN_OF['rev-1'] });
      assert.equal(listed.body.items.find((c: Campaign) => c.id === campaign.id).counts.received, 2);
      assert.ok(listed.body.items.every((c: Campaign) => c.organiserToken === undefined));
    });

    test('published practices carry their campaign in public, not their partner; the feeds filter by campaign', async () => {
      const board = createHttpStore(url, { token: TOKEN_OF.chair });
      const [first] = (await board.list({ campaign: campaign.id }, { actor: chair })).items;
      let version = first!.version;
      const send = async (event: Record<string, unknown>, token: string) => {
        const r = await call(url, 'POST', `/practices/${first!.id}/events`, { token, body: event, headers: { 'If-Match': String(version) } });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        version = r.body.version;
      };
      await send({ type: 'START_REVIEW' }, TOKEN_OF['rev-1']!);
      await send({ type: 'GIVE_OPINION', opinion: 'favorable' }, TOKEN_OF['rev-1']!);
      await send({ type: 'GIVE_OPINION', opinion: 'favorable' }, TOKEN_OF['rev-2']!);
      await send({ type: 'ACCEPT', comment: 'Deux avis favorables.' }, TOKEN_OF.chair!);
      await send({ type: 'PUBLISH' }, TOKEN_OF.editor!);
      const feed = await call(url, 'GET', `/feed.json?campaign=${campaign.id}`);
      assert.deepEqual(feed.body.items.map((p: { id: string }) => p.id), [first!.id]);
      assert.deepEqual(feed.body.items[0].campaign, { id: campaign.id, name: NORD.name });
      assert.ok(!JSON.stringify(feed.body).includes('Association A'), 'the partner stays the committee’s');
      assert.equal((await call(url, 'GET', '/feed.json?campaign=c_inconnue')).body.items.length, 0);
      assert.match((await fetch(`${url}/feed.atom?campaign=${campaign.id}`).then((r) => r.text())).split('<entry>').length === 2 ? 'one entry' : 'other', /one entry/);
      const counts = (await createHttpStore(url, { token: TOKEN_OF['rev-1'] }).listCampaigns!({ actor: reviewer })).find((c) => c.id === campaign.id)!.counts;
      assert.deepEqual(counts, { received: 2, inReview: 1, published: 1 });
    });

    test('the library’s search filters by campaign: GET /search?campaigns=… and the HTTP store, the campaign’s name as its facet label', async () => {
      // Publish the practice sent outside any campaign too: it is found, but counted in no campaign.
      const board = createHttpStore(url, { token: TOKEN_OF.chair });
      const outside = (await board.list({}, { actor: chair })).items.find((p) => p.source?.partner === 'Hors campagne')!;
      let version = outside.version;
      for (const [event, token] of [[{ type: 'START_REVIEW' }, TOKEN_OF['rev-1']], [{ type: 'GIVE_OPINION', opinion: 'favorable' }, TOKEN_OF['rev-1']],
        [{ type: 'GIVE_OPINION', opinion: 'favorable' }, TOKEN_OF['rev-2']], [{ type: 'ACCEPT', comment: 'Deux avis favorables.' }, TOKEN_OF.chair],
        [{ type: 'PUBLISH' }, TOKEN_OF.editor]] as const) {
        const r = await call(url, 'POST', `/practices/${outside.id}/events`, { token, body: event, headers: { 'If-Match': String(version) } });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        version = r.body.version;
      }
      const [published] = (await board.list({ campaign: campaign.id, states: ['published'] }, { actor: chair })).items;

      const all = await call(url, 'GET', '/search');
      assert.equal(all.status, 200);
      assert.deepEqual(all.body.items.map((p: { id: string }) => p.id).sort(), [published!.id, outside.id].sort());
      assert.deepEqual(all.body.facets.campaigns, { [campaign.id]: 1 });
      assert.deepEqual(all.body.labels, { campaigns: { [campaign.id]: NORD.name } });

      const mine = await call(url, 'GET', `/search?campaigns=${campaign.id}&campaigns=c_inconnue`);
      assert.deepEqual(mine.body.items.map((p: { id: string }) => p.id), [published!.id]);
      assert.equal(mine.body.total, 1);
      // Its own counts ignore it; a chosen id no practice carries stays with 0 and no name.
      assert.deepEqual(mine.body.facets.campaigns, { [campaign.id]: 1, c_inconnue: 0 });
      assert.deepEqual(mine.body.labels.campaigns, { [campaign.id]: NORD.name });
      // AND with another list: the other lists' counts apply the campaign.
      assert.equal((await call(url, 'GET', `/search?campaigns=${campaign.id}&levels=onpe`)).body.total, 0);
      assert.deepEqual(mine.body.facets.levels, { declared: 1 });

      // The HTTP store sends the list as the query string and gets the same answer.
      const viaStore = await createHttpStore(url).search({ campaigns: [campaign.id, 'c_inconnue'] });
      assert.deepEqual(viaStore, mine.body);
      assert.equal((await createHttpStore(url).search({ campaigns: ['c_inconnue'] })).total, 0);
    });

    test('the demo campaigns: received through their links at several stages, and a second run adds nothing', async () => {
      const demoActor = (role: string) => Object.entries(DEMO_TOKENS).find(([, m]) => m.role === role)!;
      const demo = await startServer(storage.db, { tokens: { ...DEMO_TOKENS } }, { clock: () => new Date(NOW) });
      try {
        const [token, member] = demoActor('editor');
        const store = createHttpStore(demo.url, { token });
        assert.equal(await addDemoCampaigns(store), 2);
        assert.equal(await addDemoCampaigns(store), 0);
        const listed = await store.listCampaigns!({ actor: { id: member.id, role: member.role } });
        const names = DEMO_CAMPAIGNS.map((c) => c.name);
        assert.deepEqual(names.map((name) => listed.find((c) => c.name === name)?.counts), [{ received: 4, inReview: 3, published: 1 }, { received: 3, inReview: 2, published: 1 }]);
      } finally {
        await demo.close();
      }
    });
  });
}

test('the memory store keeps campaigns too: an invitation records its partner and campaign, a closed one is refused', async () => {
  const store = createMemoryStore({ clock: () => new Date(NOW), seed: buildExamplePractices() });
  const c = await store.createCampaign({ name: 'Réseau test', organiser: { kind: 'network', name: 'Réseau X' }, partners: ['Membre 1'], generic: false }, { actor: editor });
  assert.equal(c.invitations.length, 1);
  await assert.rejects(store.createCampaign({ name: 'x', organiser: { kind: 'network', name: 'y' } }, { actor: chair }), { code: 'forbidden' });
  const p = await store.submit(validInput(), { idempotencyKey: 'm1', invitation: c.invitations[0]!.token, source: { partner: 'Autre' } });
  assert.deepEqual(p.source, { partner: 'Membre 1', campaign: { id: c.id, name: 'Réseau test' } });
  assert.equal((await store.list({ campaign: c.id }, { actor: chair })).total, 1);
  assert.equal((await store.getCampaign(c.id, { actor: { id: 'x', role: 'declarant', token: c.organiserToken! } }))?.counts.received, 1);
  assert.equal(await store.getCampaign(c.id, { actor: { id: 'x', role: 'declarant', token: 'wrong' } }), undefined);
  await store.updateCampaign(c.id, { status: 'closed' }, { actor: editor });
  await assert.rejects(store.submit(validInput(), { idempotencyKey: 'm2', invitation: c.invitations[0]!.token }), (e: { code: string; fields: { field: string }[] }) => e.code === 'invalid-declaration' && e.fields[0]!.field === 'invitation');
  // A retry of the first submission still answers with the first practice.
  assert.equal((await store.submit(validInput(), { idempotencyKey: 'm1', invitation: c.invitations[0]!.token })).id, p.id);
  // Published, it is found by the library's search through its campaign, named by it.
  let version = p.version;
  for (const event of [{ type: 'START_REVIEW', actor: reviewer }, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable' },
    { type: 'GIVE_OPINION', actor: { id: 'rev-2', role: 'reviewer' }, opinion: 'favorable' }, { type: 'ACCEPT', actor: chair, comment: 'Deux avis favorables.' },
    { type: 'PUBLISH', actor: editor }]) {
    version = (await store.send(p.id, event as never, { expectedVersion: version })).version;
  }
  const found = await store.search({ campaigns: [c.id] });
  assert.deepEqual(found.items.map((x) => x.id), [p.id]);
  assert.deepEqual(found.items[0]!.campaign, { id: c.id, name: 'Réseau test' });
  assert.deepEqual(found.facets.campaigns, { [c.id]: 1 });
  assert.deepEqual(found.labels.campaigns, { [c.id]: 'Réseau test' });
  assert.ok((await store.search({})).total > 1, 'the seeded practices, outside any campaign, are found without the filter');
  assert.deepEqual((await store.search({})).facets.campaigns, { [c.id]: 1 });
});
