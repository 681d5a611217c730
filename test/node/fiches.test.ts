// The reference server's fiche authoring over real HTTP: routes, co-authors' links, the review reminder, highlights and links in the feeds.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Practice, PublicPractice } from '../../src/model.js';
import { ficheReviewReminder } from '../../src/review/notifications.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import type { Db } from '../../examples/server/db.js';
import { BOARD, PARTNER, TOKEN_OF, backends, startServer, type Storage } from '../support/server.js';
import { validFiche } from '../support/fiche-contract.js';
import { createFeed } from '../../src/feed.js';
import { createMemoryStore, PracticeStoreError } from '../../src/store/index.js';
import { validateCoAuthor, validateFiche } from '../../src/schema/fiche.js';
import { linkFiches } from '../../src/store/links.js';

const NOW = '2026-06-15T09:00:00.000Z';
const editorToken = TOKEN_OF.editor!;
const reviewerToken = TOKEN_OF['rev-1']!;

async function call<T = any>(base: string, method: string, path: string, init: { token?: string; origin?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.origin) headers.Origin = init.origin;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Atom stays text.
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

test('linkFiches: a practice keeps the fiches it names, adds those of the list, sorted like the store’s views', () => {
  const practice = (id: string, fiches?: string[]) => ({ id, level: 'declared', ...(fiches ? { fiches } : {}) }) as unknown as PublicPractice;
  const fiche = (id: string, basedOn: string[]) => ({ id, level: 'onpe', basedOn, fiches: ['stale'] }) as unknown as PublicPractice;
  const [a, b, c] = linkFiches([practice('a', ['f9', 'f2']), practice('b'), practice('c', ['f5']), fiche('f7', ['c', 'b']), fiche('f1', ['c'])]);
  assert.deepEqual(a!.fiches, ['f9', 'f2'], 'no fiche in the list: the practice keeps its own');
  assert.deepEqual(b!.fiches, ['f7']);
  assert.deepEqual(c!.fiches, ['f1', 'f5', 'f7'], 'its own and the list’s, sorted');
  const linkedFiche = linkFiches([fiche('f7', ['c'])])[0]!;
  assert.equal(linkedFiche.fiches, undefined, 'a fiche names no fiches');
});

test('an invited co-author is checked by the fiche’s own co-author rule, its errors naming coAuthors.name / coAuthors.organisation', () => {
  assert.deepEqual(validateCoAuthor({ name: '  Sam   Lefèvre ', organisation: ' ' }), { ok: true, value: { name: 'Sam Lefèvre' } });
  const bad = validateCoAuthor({ name: ' ', organisation: 'o'.repeat(151) });
  assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => [e.field, e.code]), [['coAuthors.name', 'required'], ['coAuthors.organisation', 'too_long']]);
  assert.match(bad.ok ? '' : bad.errors[0]!.message, /^Nom du co-auteur\s:\sce champ est obligatoire\.$/);
  const inFiche = validateFiche({ ...validFiche('Co'), coAuthors: [{ name: 'x'.repeat(101) }] });
  assert.deepEqual(inFiche.ok ? [] : inFiche.errors.map((e) => [e.field, e.code]), [['coAuthors.0.name', 'too_long']]);
});

test('editFiche: only the editor and a co-author with a valid link edit a fiche; refusals come before the version check, in French', async () => {
  const store = createMemoryStore({ clock: () => new Date(NOW) });
  const editor = { id: 'editor', role: 'editor' } as const;
  const fiche = await store.createFiche!(validFiche('Droits'), { actor: editor });
  const refused = async (actor: unknown, code: string, message: RegExp) => {
    const e = await store.editFiche!(fiche.id, validFiche('Droits'), { actor: actor as never, expectedVersion: 99 }).then(() => undefined, (err: unknown) => err);
    assert.ok(e instanceof PracticeStoreError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
  };
  const onlyEditor = /^Seuls l’éditeur et les co-auteurs invités peuvent modifier une fiche\.$/;
  await refused({ id: 'rev-1', role: 'reviewer' }, 'forbidden', onlyEditor);
  await refused({ id: 'chair', role: 'chair' }, 'forbidden', onlyEditor);
  await refused(undefined, 'forbidden', onlyEditor);
  await refused({ id: 'x', role: 'declarant', token: 'pas-un-lien' }, 'not-found', /^Ce lien de co-auteur n’est pas valide pour cette fiche \(il a pu être révoqué\)\.$/);
  await refused(editor, 'version-conflict', /version 1, vous aviez la version 99/);
  const e = await store.editFiche!('inconnue', validFiche('Droits'), { actor: editor, expectedVersion: 1 }).then(() => undefined, (err: unknown) => err);
  assert.ok(e instanceof PracticeStoreError && e.code === 'not-found' && /Aucune fiche ne porte l’identifiant « inconnue »/.test(e.message));
});

test('the domain reminds the editor of a published fiche once its review date comes near', () => {
  const fiche = { id: 'f', reference: 'PI-2026-000001', level: 'onpe', reviewDueAt: '2026-07-01', review: { state: 'published' } } as unknown as Practice;
  assert.equal(ficheReviewReminder(fiche, '2026-05-01T08:00:00Z', 30), undefined, 'two months before: not yet');
  const due = ficheReviewReminder(fiche, '2026-06-05T08:00:00Z', 30);
  assert.equal(due?.kind, 'fiche-review-due');
  assert.equal(due?.recipient, 'editor');
  assert.match(due!.subject, /PI-2026-000001 est à actualiser/);
  assert.match(due!.event!.comment!, /01\/07\/2026/);
  assert.ok(ficheReviewReminder(fiche, '2026-07-02T08:00:00Z'), 'past due without notice');
  assert.equal(ficheReviewReminder({ ...fiche, review: { state: 'draft' } } as unknown as Practice, '2027-01-01T00:00:00Z'), undefined, 'a draft is not reminded');
});

for (const backend of await backends()) {
  if (backend.unavailable) {
    const { reason, required } = backend.unavailable;
    test(`fiches on ${backend.name}`, { skip: required ? false : reason }, () => {
      throw new Error(`${backend.name} did not start: ${reason}`);
    });
    continue;
  }
  describe(`fiches on ${backend.name}`, () => {
    let now = NOW;
    let storage: Storage;
    let db: Db;
    let server: ReferenceServer;
    let url: string;
    before(async () => {
      storage = await backend.open();
      db = storage.db;
      server = await startServer(db, { seedExamples: true, ficheReminderDaysBefore: 30 }, { clock: () => new Date(now) });
      url = server.url;
    });
    after(async () => {
      await server?.close();
      await storage?.dispose();
    });

    test('a fiche’s life over HTTP: create, co-author by link, publish, actualise, versions, revocation', async () => {
      now = NOW;
      const partnerCreate = await call(url, 'POST', '/fiches', { token: editorToken, origin: PARTNER, body: { fiche: validFiche('Http') } });
      assert.equal(partnerCreate.status, 403, 'authoring is the board’s, not a partner site’s');
      assert.equal((await call(url, 'POST', '/fiches', { token: reviewerToken, body: { fiche: validFiche('Http') } })).status, 403);
      const bad = await call(url, 'POST', '/fiches', { token: editorToken, origin: BOARD, body: { fiche: { ...validFiche('Http'), keysToSuccess: '' } } });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.fields[0].field, 'keysToSuccess');
      assert.match(bad.body.error.message, /Clés de réussite/);

      const created = await call<Practice>(url, 'POST', '/fiches', { token: editorToken, origin: BOARD, body: { fiche: validFiche('Http') }, headers: { 'Idempotency-Key': 'http-fiche-1' } });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      const id = created.body.id;
      assert.equal((await call(url, 'PUT', `/fiches/${id}`, { token: editorToken, body: { fiche: validFiche('Http') } })).status, 428, 'If-Match is required');

      const invited = await call(url, 'POST', `/fiches/${id}/coauthors`, { token: editorToken, origin: BOARD, body: { name: 'Noa Garnier', organisation: 'Maison d’enfants Les Cèdres' } });
      assert.equal(invited.status, 201);
      const coToken = invited.body.token as string;
      const linkId = invited.body.link.id as string;

      // The co-author works from wherever the editor sent the link: a partner site is fine for their fiche.
      const coEdit = await call<Practice>(url, 'PUT', `/fiches/${id}`, {
        token: coToken, origin: PARTNER, headers: { 'If-Match': '2' },
        body: { fiche: { ...validFiche('Http'), keysToSuccess: 'Un lien étroit avec les collèges et un référent par famille.' }, comment: 'Précision après l’entretien.' },
      });
      assert.equal(coEdit.status, 200, JSON.stringify(coEdit.body));
      assert.equal(coEdit.body.coauthorLinks, undefined);
      const versions = await call(url, 'GET', `/fiches/${id}/versions`, { token: coToken });
      assert.equal(versions.status, 200);
      assert.deepEqual(versions.body.versions.map((v: { kind: string; author: { name?: string } }) => [v.kind, v.author.name ?? '']), [['create', ''], ['edit', 'Noa Garnier']]);
      assert.deepEqual(versions.body.versions[1].changes.map((c: { field: string }) => c.field), ['keysToSuccess']);
      assert.equal((await call(url, 'POST', `/fiches/${id}/publish`, { token: coToken, headers: { 'If-Match': '3' } })).status, 409, 'a co-author never publishes');
      const outbox = await db.query<{ kind: string; recipient: string }>('SELECT kind, recipient FROM outbox WHERE practice_id = $1', [id]);
      assert.deepEqual(outbox.rows.map((r) => [r.kind, r.recipient]), [['fiche-edited', 'editor']], 'the editor hears of a co-author’s change');

      const published = await call<Practice>(url, 'POST', `/fiches/${id}/publish`, { token: editorToken, headers: { 'If-Match': '3' } });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.equal(published.body.reviewDueAt, '2028-06-15');
      const row = await db.query<{ review_due_at: unknown }>('SELECT review_due_at::text AS review_due_at FROM practices WHERE id = $1', [id]);
      assert.equal(row.rows[0]?.review_due_at, '2028-06-15', 'the due date column follows the practice');
      assert.equal((await call<PublicPractice>(url, 'GET', `/practices/${id}`)).body.fiche?.lastReviewedAt, '2026-06-15');

      now = '2028-05-20T08:00:00.000Z';
      assert.ok((await server.jobs.remind()) >= 1, 'due within 30 days: reminded');
      const reminders = async () => (await db.query('SELECT 1 FROM outbox WHERE practice_id = $1 AND kind = $2', [id, 'fiche-review-due'])).rows.length;
      assert.equal(await reminders(), 1);
      await server.jobs.remind();
      assert.equal(await reminders(), 1, 'once per due date');

      const actualised = await call<Practice>(url, 'POST', `/fiches/${id}/actualise`, { token: editorToken, headers: { 'If-Match': '4' }, body: { comment: 'Relue avec l’équipe en mai.' } });
      assert.equal(actualised.status, 200, JSON.stringify(actualised.body));
      assert.equal(actualised.body.fiche?.lastReviewedAt, '2028-05-20');
      assert.equal(actualised.body.reviewDueAt, '2030-05-20');
      await server.jobs.remind();
      assert.equal(await reminders(), 1, 'actualised: nothing more is due');

      const revoked = await call(url, 'DELETE', `/fiches/${id}/coauthors/${linkId}`, { token: editorToken, origin: BOARD });
      assert.equal(revoked.status, 200);
      assert.equal((await call(url, 'PUT', `/fiches/${id}`, { token: coToken, headers: { 'If-Match': '6' }, body: { fiche: validFiche('Http') } })).status, 404);
      assert.equal((await call(url, 'GET', `/practices/${id}`, { token: coToken })).status, 404);
    });

    test('highlights: the “Pratiques valorisées” Atom feed gives each featured practice with the committee’s motivation', async () => {
      const feed = (await call<{ items: PublicPractice[] }>(url, 'GET', '/feed.json')).body;
      const featured = feed.items.filter((p) => p.featured);
      assert.ok(featured.length >= 2, 'the examples feature some practices');
      for (const p of featured) assert.ok(p.highlight?.motivation, `${p.id} carries its motivation`);
      assert.ok(feed.items.filter((p) => !p.featured).every((p) => p.highlight === undefined));
      const atom = await call<string>(url, 'GET', '/feed/valorisees.atom');
      assert.equal(atom.status, 200);
      assert.match(atom.headers.get('content-type') ?? '', /application\/atom\+xml/);
      assert.match(atom.body, /<title>Pratiques valorisées par le comité de sélection<\/title>/);
      assert.match(atom.body, /<link rel="self" type="application\/atom\+xml" href="[^"]+\/feed\/valorisees\.atom"\/>/);
      assert.equal((atom.body.match(/<entry>/g) ?? []).length, featured.length);
      const first = featured[0]!;
      const motivation = first.highlight!.motivation.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      assert.ok(atom.body.includes(`<summary type="text">Valorisée par le comité : ${motivation}</summary>`), 'the motivation is the entry’s summary');
    });

    test('the example fiches: at least ten, some due soon, one written from a declared practice and linked both ways in the feed', async () => {
      now = NOW;
      const feed = (await call<{ items: PublicPractice[] }>(url, 'GET', '/feed.json')).body;
      const fiches = feed.items.filter((p) => p.level === 'onpe');
      assert.ok(fiches.length >= 10, `${fiches.length} fiches`);
      const based = fiches.find((f) => f.basedOn?.length);
      assert.ok(based, 'a fiche written from a practice');
      const practice = feed.items.find((p) => p.id === based.basedOn![0]);
      assert.ok(practice?.fiches?.includes(based.id), 'the practice names its fiche');
      const searched = (await call<{ items: PublicPractice[] }>(url, 'GET', `/search?text=${encodeURIComponent(practice!.declaration!.title)}`)).body;
      assert.ok(searched.items.find((p) => p.id === practice!.id)?.fiches?.includes(based.id), 'search gives the link too');
      const due = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM practices WHERE level = 'onpe' AND review_due_at <= $1::date`, ['2026-09-15']);
      assert.ok(Number(due.rows[0]!.n) >= 2, 'some example fiches are due within three months');
    });

    test('a feed of a filtered list (a campaign’s, a JSON export of results) keeps the practices’ links to their fiches', async () => {
      now = NOW;
      const search = (await call<{ items: PublicPractice[] }>(url, 'GET', '/search?limit=100')).body;
      const linked = search.items.filter((p) => p.level === 'declared' && p.fiches?.length);
      assert.ok(linked.length >= 1, 'the examples link a practice to its fiche');
      // Only declared practices, as in `/feed.json?campaign=…`: the fiches are not in the list.
      const feed = createFeed(search.items.filter((p) => p.level === 'declared'), NOW);
      for (const p of linked) assert.deepEqual(feed.items.find((q) => q.id === p.id)?.fiches, p.fiches, `${p.id} keeps its fiches`);
      // With the fiches in the list as well, the links are the same, in the same order.
      assert.deepEqual(createFeed(search.items, NOW).items.filter((p) => p.fiches).map((p) => [p.id, p.fiches]), linked.map((p) => [p.id, p.fiches]));
    });
  });
}
