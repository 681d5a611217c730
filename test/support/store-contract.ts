// The PracticeStore contract, run against every adapter: memory and HTTP in Node, IndexedDB in Chromium.
import type { Actor, DeclarantPractice, Practice, PublicPractice } from '../../src/model.js';
import type { PracticeStore } from '../../src/store/port.js';
import { deepEqual, equal, match, ok, rejectsWith } from './check.js';
import { chair, editor, key, publish, reviewer, reviewer2 } from './actors.js';
import { validInput } from './declarations.js';
import { FICHE_CONTRACT } from './fiche-contract.js';

/** A store to test, with a clock the test moves. */
export interface ContractSubject {
  store: PracticeStore;
  /** Sets the time the store stamps on its next writes. */
  setNow(iso: string): void;
  /** Reopens the same storage (a reload), when the adapter persists. */
  reopen?(): PracticeStore;
}

export const NOW = '2026-06-15T09:00:00.000Z';
const declarant = (token: string): Actor => ({ id: 'declarant', role: 'declarant', token });

const PRIVATE_KEYS = ['declarant', 'departmentAgreement', 'review', 'source', 'opinions', 'history', 'declarantToken', 'consentedAt', 'previousDeclaration', 'personalDataErasedAt'];
function assertPublic(items: PublicPractice[]) {
  const json = JSON.stringify(items);
  for (const k of PRIVATE_KEYS) ok(!json.includes(`"${k}"`), `public view holds no ${k}`);
  ok(!json.includes('@example.org'), 'no e-mail address in the public view');
}

export type ContractCase = [name: string, run: (s: ContractSubject) => Promise<void>];

export const STORE_CONTRACT: ContractCase[] = [
  ['submit creates a submitted practice with a reference, a version and the declarant token', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key(), source: { partner: 'asso-59', page: 'https://asso.example.org/declarer' } });
    equal(p.review.state, 'submitted');
    match(p.reference, /^PI-2026-\d{6}$/);
    equal(p.version, 1);
    equal(p.level, 'declared');
    equal(p.createdAt, NOW);
    equal(p.consentedAt, NOW);
    deepEqual(p.source, { partner: 'asso-59', page: 'https://asso.example.org/declarer' });
    ok(p.declarantToken.length >= 32, 'a long secret token');
    equal(p.declaration?.implementationDate, '2014-12-21', 'stored ISO');
    deepEqual(p.review.history.map((h) => h.type), ['SUBMIT']);
  }],

  ['references follow each other within the year', async ({ store }) => {
    const a = await store.submit(validInput(), { idempotencyKey: key() });
    const b = await store.submit(validInput(), { idempotencyKey: key() });
    equal(Number(b.reference.slice(-6)), Number(a.reference.slice(-6)) + 1);
  }],

  ['an invalid declaration is refused with French field messages, and nothing is written', async ({ store }) => {
    const before = (await store.list({}, { actor: chair })).total;
    const err = await rejectsWith(store.submit({ ...validInput(), title: '', scale: 'mondiale' }, { idempotencyKey: key() }), 'invalid-declaration');
    deepEqual(err.fields?.map((f) => f.field).sort(), ['scale', 'title']);
    match(err.message, /Intitulé de la pratique/);
    equal((await store.list({}, { actor: chair })).total, before);
  }],

  ['the same idempotency key and declaration return the first practice instead of a second', async ({ store }) => {
    const k = key();
    const [a, b] = await Promise.all([store.submit(validInput(), { idempotencyKey: k }), store.submit(validInput(), { idempotencyKey: k })]);
    const c = await store.submit(validInput(), { idempotencyKey: k });
    equal(b.id, a.id);
    equal(c.id, a.id);
    equal(c.declarantToken, a.declarantToken);
    equal((await store.list({}, { actor: chair })).items.filter((p) => p.id === a.id).length, 1);
  }],

  ['a retry after the committee acted returns the declarant\'s view, never the opinions', async ({ store }) => {
    const k = key();
    const p = await store.submit(validInput(), { idempotencyKey: k });
    await store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 });
    await store.send(p.id, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'defavorable', comment: 'Peu convaincant' }, { expectedVersion: 2 });
    const retry = await store.submit(validInput(), { idempotencyKey: k });
    equal(retry.id, p.id);
    ok(!JSON.stringify(retry).includes('Peu convaincant') && !('opinions' in retry.review), 'no opinion in a retry');
    ok(!JSON.stringify(retry.review.history).includes('rev-1'), 'committee members appear by role only');
  }],

  ['the same key with another declaration is refused, and gives nothing away', async ({ store }) => {
    const k = key();
    const first = await store.submit(validInput(), { idempotencyKey: k });
    const err = await rejectsWith(store.submit({ ...validInput(), title: 'Autre titre' }, { idempotencyKey: k }), 'already-submitted');
    equal((err as unknown as { reference: string }).reference, first.reference);
    match(err.message, /déjà enregistrée sous la référence PI-/);
    ok(!JSON.stringify(err).includes('camille.martin'), 'no personal data in the refusal');
    await rejectsWith(store.submit({}, { idempotencyKey: k }), 'invalid-declaration');
  }],

  ['a submission key never reaches an imported record', async ({ store }) => {
    await store.importPractices([{ level: 'declared', declaration: validInput(), key: 'DF-42' }], { actor: editor });
    const p = await store.submit(validInput(), { idempotencyKey: 'import:declared:DF-42' });
    equal(p.review.history.length, 1);
    equal(p.review.history[0]?.type, 'SUBMIT', 'a new practice, not the imported one');
  }],

  ['a malformed source is refused with its field named', async ({ store }) => {
    const err = await rejectsWith(store.submit(validInput(), { idempotencyKey: key(), source: { partner: 'x'.repeat(101) } }), 'invalid-declaration');
    equal(err.fields?.[0]?.field, 'source.partner');
  }],

  ['malformed arguments are refused with a store error, never a TypeError', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    await rejectsWith(store.send(p.id, null as never, { expectedVersion: 1 }), 'illegal-transition');
    await rejectsWith(store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, null as never), 'version-conflict');
    equal((await store.list(null as never, { actor: chair })).items.length >= 1, true);
    equal(await store.get(p.id, null as never), undefined);
    await rejectsWith(store.importPractices([null as never], { actor: editor }), 'invalid-declaration');
  }],

  ['get gives each role its view', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    equal(await store.get(p.id), undefined, 'the public does not see an unpublished practice');
    const full = (await store.get(p.id, { actor: chair })) as Practice;
    equal(full.declaration?.declarant.email, 'camille.martin@example.org');
    const own = (await store.get(p.id, { actor: declarant(p.declarantToken) })) as DeclarantPractice;
    equal(own.review.state, 'submitted');
    equal(await store.get(p.id, { actor: declarant('wrong-token-wrong-token-wrong-tok') }), undefined, 'a wrong token sees nothing');
    equal(await store.get('nope', { actor: chair }), undefined);
  }],

  ['the declarant never sees opinions; the public never sees personal data', async ({ store }) => {
    const submitted = await store.submit(validInput(), { idempotencyKey: key() });
    const p = await publish(store, submitted);
    const own = (await store.get(p.id, { actor: declarant(submitted.declarantToken) })) as DeclarantPractice;
    ok(!JSON.stringify(own).includes('GIVE_OPINION') && !('opinions' in own.review), 'no opinions in the declarant view');
    deepEqual(own.review.history.map((h) => h.type), ['SUBMIT', 'START_REVIEW', 'ACCEPT', 'PUBLISH']);
    const pub = (await store.get(p.id)) as PublicPractice;
    assertPublic([pub]);
    equal(pub.declaration?.title, validInput().title);
    equal(pub.publishedAt, NOW);
  }],

  ['send walks the committee path, one version at a time, stamping the store\'s time', async ({ store, setNow }) => {
    const submitted = await store.submit(validInput(), { idempotencyKey: key() });
    setNow('2026-07-01T10:00:00.000Z');
    const p = await publish(store, submitted);
    equal(p.review.state, 'published');
    equal(p.version, 6);
    equal(p.updatedAt, '2026-07-01T10:00:00.000Z');
    equal(p.publishedAt, '2026-07-01T10:00:00.000Z');
    equal(p.review.history.at(-1)?.at, '2026-07-01T10:00:00.000Z');
    equal(p.review.opinions.length, 2);
  }],

  ['a stale version is refused and nothing changes', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    const next = (await store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 })) as Practice;
    const err = await rejectsWith(store.send(p.id, { type: 'REQUEST_COMPLEMENTS', actor: reviewer, comment: 'Précisez le public.' }, { expectedVersion: 1 }), 'version-conflict');
    equal(err.currentVersion, 2);
    const now = (await store.get(p.id, { actor: chair })) as Practice;
    equal(now.version, next.version);
    equal(now.review.state, 'inReview');
  }],

  ['an illegal event is refused with the machine\'s French reason', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    const err = await rejectsWith(store.send(p.id, { type: 'PUBLISH', actor: editor }, { expectedVersion: 1 }), 'illegal-transition');
    equal(err.message, '« Publier » n’est pas possible quand la pratique est à l’état « Soumise ».');
    await rejectsWith(store.send(p.id, { type: 'START_REVIEW', actor: editor }, { expectedVersion: 1 }), 'illegal-transition');
    equal(((await store.get(p.id, { actor: chair })) as Practice).version, 1);
  }],

  ['an unknown practice is not-found', async ({ store }) => {
    await rejectsWith(store.send('p_missing', { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 }), 'not-found');
  }],

  ['the declarant answers a request for complements through the secret link', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    let v = (await store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 })).version;
    v = (await store.send(p.id, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Précisez le nombre de familles.' }, { expectedVersion: v })).version;
    const own = (await store.get(p.id, { actor: declarant(p.declarantToken) })) as DeclarantPractice;
    equal(own.review.state, 'complementsRequested');
    equal(own.review.history.at(-1)?.comment, 'Précisez le nombre de familles.');
    const changed = { ...validInput(), description: 'Trente familles par an participent aux groupes de parole.' };
    await rejectsWith(store.send(p.id, { type: 'PROVIDE_COMPLEMENTS', actor: declarant('x'.repeat(32)), declaration: changed }, { expectedVersion: v }), 'not-found', 'without the token');
    await rejectsWith(store.send(p.id, { type: 'PROVIDE_COMPLEMENTS', actor: declarant(p.declarantToken), declaration: { ...changed, title: '' } }, { expectedVersion: v }), 'invalid-declaration');
    const answered = (await store.send(p.id, { type: 'PROVIDE_COMPLEMENTS', actor: declarant(p.declarantToken), declaration: changed }, { expectedVersion: v })) as DeclarantPractice;
    equal(answered.review.state, 'inReview');
    ok(!('opinions' in answered.review), 'the declarant gets their own view back');
    const seen = (await store.get(p.id, { actor: chair })) as Practice;
    equal(seen.declaration?.description, changed.description);
    equal(seen.previousDeclaration?.description, validInput().description as string, 'the committee keeps the version before complements');
  }],

  ['the declarant view says what the declarant may do now, as the machine decides', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    deepEqual(p.review.allowed.map((a) => a.type), ['WITHDRAW'], 'after submission');
    let v = (await store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 })).version;
    deepEqual(((await store.get(p.id, { actor: declarant(p.declarantToken) })) as DeclarantPractice).review.allowed, [], 'in review');
    v = (await store.send(p.id, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Précisez.' }, { expectedVersion: v })).version;
    const own = (await store.get(p.id, { actor: declarant(p.declarantToken) })) as DeclarantPractice;
    deepEqual(own.review.allowed.map((a) => a.type).sort(), ['PROVIDE_COMPLEMENTS', 'WITHDRAW']);
    ok(own.review.allowed.every((a) => typeof a.label === 'string' && a.label.length > 0), 'each with its French label');
  }],

  ['the declarant erases their contact through the link; the practice stays', async ({ store }) => {
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    await rejectsWith(store.erasePersonalData(p.id, { actor: declarant('y'.repeat(32)) }), 'not-found', 'a wrong link');
    await rejectsWith(store.erasePersonalData(p.id, { actor: reviewer }), 'forbidden', 'a reviewer');
    await rejectsWith(store.erasePersonalData('nope', { actor: editor }), 'not-found', 'an unknown practice');
    const own = (await store.erasePersonalData(p.id, { actor: declarant(p.declarantToken) })) as DeclarantPractice;
    ok(own.personalDataErasedAt, 'the declarant is told when');
    equal(own.declaration?.declarant.email, '');
    const seen = (await store.get(p.id, { actor: chair })) as Practice;
    equal(seen.review.state, 'submitted', 'the practice itself is kept');
    equal(seen.version, 2);
    ok(!JSON.stringify(seen).includes('@example.org'), 'no e-mail address is left');
    equal(seen.declaration?.title, validInput().title as string);
    const again = (await store.erasePersonalData(p.id, { actor: declarant(p.declarantToken) })) as DeclarantPractice;
    ok(again.personalDataErasedAt, 'erasing twice is harmless');
  }],

  ['MERGE needs an existing target that is not merged itself', async ({ store }) => {
    const a = await store.submit(validInput(), { idempotencyKey: key() });
    const b = await store.submit(validInput(), { idempotencyKey: key() });
    await rejectsWith(store.send(a.id, { type: 'MERGE', actor: chair, into: 'p_missing', comment: 'Doublon' }, { expectedVersion: 1 }), 'illegal-transition');
    const merged = (await store.send(a.id, { type: 'MERGE', actor: chair, into: b.id, comment: 'Doublon de la déclaration suivante' }, { expectedVersion: 1 })) as Practice;
    equal(merged.review.state, 'merged');
    const c = await store.submit(validInput(), { idempotencyKey: key() });
    const err = await rejectsWith(store.send(c.id, { type: 'MERGE', actor: chair, into: a.id, comment: 'Doublon' }, { expectedVersion: 1 }), 'illegal-transition');
    match(err.message, /elle-même été fusionnée/);
  }],

  ['search sees published practices only, as public views, and follows unpublication', async ({ store }) => {
    const marker = `Marqueurunique${Date.now()}`;
    const p = await store.submit({ ...validInput(), title: `${marker} parents`, themes: ['detenus'] }, { idempotencyKey: key() });
    equal((await store.search({ text: marker })).total, 0, 'not yet published');
    let published = await publish(store, p);
    const found = await store.search({ text: marker.toLowerCase() });
    equal(found.total, 1);
    equal(found.items[0]?.id, p.id);
    assertPublic(found.items);
    published = (await store.send(p.id, { type: 'FEATURE', actor: editor, comment: 'Originale' }, { expectedVersion: published.version })) as Practice;
    equal((await store.search({ text: marker, featured: true })).items[0]?.featured, true);
    await store.send(p.id, { type: 'UNPUBLISH', actor: editor, comment: 'Mise à jour' }, { expectedVersion: published.version });
    equal((await store.search({ text: marker })).total, 0, 'gone once unpublished');
  }],

  ['search gives facets that follow the query', async ({ store }) => {
    const marker = `Facettes${Date.now()}`;
    for (const themes of [['sante-mentale'], ['sante-mentale', 'education'], ['harcelement']]) {
      await publish(store, await store.submit({ ...validInput(), title: `${marker} ${themes.join(' ')}`, themes }, { idempotencyKey: key() }));
    }
    const r = await store.search({ text: marker, themes: ['sante-mentale'] });
    equal(r.total, 2);
    equal(r.facets.themes['harcelement'], 1, 'the themes facet ignores its own filter');
    equal(r.facets.themes['sante-mentale'], 2);
  }],

  ['the committee\'s lists are for the committee, with filters and counts', async ({ store }) => {
    await rejectsWith(store.list({}, { actor: declarant('x') }), 'forbidden');
    await rejectsWith(store.list({}, { actor: undefined as never }), 'forbidden');
    const p = await store.submit(validInput(), { idempotencyKey: key() });
    await store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 });
    const awaiting = await store.list({ awaitingOpinionOf: 'rev-2' }, { actor: reviewer2 });
    ok(awaiting.items.some((x) => x.id === p.id), 'awaiting rev-2');
    await store.send(p.id, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'reserve', comment: 'Résultats ?' }, { expectedVersion: 2 });
    ok(!(await store.list({ awaitingOpinionOf: 'rev-2' }, { actor: reviewer2 })).items.some((x) => x.id === p.id), 'no longer awaiting rev-2');
    ok(!(await store.list({ awaitingDecision: true }, { actor: chair })).items.some((x) => x.id === p.id), 'one opinion is not enough');
    await store.send(p.id, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable' }, { expectedVersion: 3 });
    ok((await store.list({ awaitingDecision: true }, { actor: chair })).items.some((x) => x.id === p.id), 'awaiting decision');
    const all = await store.list({ states: ['inReview'], limit: 1 }, { actor: chair });
    ok(all.items.length <= 1 && all.total >= 1, 'paged');
    ok(all.counts.inReview >= 1 && typeof all.counts.published === 'number', 'counts by state');
    ok(all.items.every((x) => x.review.state === 'inReview'), 'state filter');
  }],

  ['the editor imports fiches to published and declarations to submitted, all or nothing, once', async ({ store }) => {
    const marker = `Importfiche${Date.now()}`;
    const fiche = {
      title: `${marker} équipe mobile`, entityName: 'ONPE', summary: 'Une équipe mobile.', objectives: 'Prévenir.', means: 'Deux postes.',
      keysToSuccess: 'Une convention.', expectedResults: 'Moins de ruptures.', difficulties: 'Le recrutement.', partners: [], coAuthors: [],
      scale: 'nationale', interventionTypes: ['diagnostic-situation'], themes: ['sante-mentale'], audiences: ['adolescents'], location: {},
    };
    await rejectsWith(store.importPractices([{ level: 'onpe', fiche }], { actor: chair }), 'forbidden');
    const before = (await store.list({}, { actor: chair })).total;
    const err = await rejectsWith(store.importPractices([{ level: 'onpe', fiche, key: 'f1' }, { level: 'declared', declaration: { ...validInput(), title: '' }, key: 'd1' }], { actor: editor }), 'invalid-declaration');
    equal(err.fields?.[0]?.field, '1.title');
    equal((await store.list({}, { actor: chair })).total, before, 'nothing imported');
    const imported = await store.importPractices([{ level: 'onpe', fiche, key: `${marker}-f` }, { level: 'declared', declaration: validInput(), key: `${marker}-d` }], { actor: editor });
    deepEqual(imported.map((p) => [p.level, p.review.state]), [['onpe', 'published'], ['declared', 'submitted']]);
    equal((await store.search({ text: marker, levels: ['onpe'] })).total, 1);
    const again = await store.importPractices([{ level: 'onpe', fiche, key: `${marker}-f` }], { actor: editor });
    equal(again[0]?.id, imported[0]?.id, 'a re-run changes nothing');
    equal((await store.list({}, { actor: chair })).total, before + 2);
  }],

  // Fiche authoring (createFiche, editFiche, co-authors, PUBLISH and ACTUALISE of a fiche).
  ...FICHE_CONTRACT,
];

/** Cases for adapters that persist: the same storage opened again (a reload, a restarted client). */
export const PERSISTENCE_CONTRACT: ContractCase[] = [
  ['what was written survives a reopening of the storage, idempotency keys included', async ({ store, reopen }) => {
    if (!reopen) throw new Error('this case needs reopen()');
    const k = key();
    const p = await store.submit(validInput(), { idempotencyKey: k });
    await store.send(p.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 });
    const again = reopen();
    const back = (await again.get(p.id, { actor: chair })) as Practice;
    equal(back.review.state, 'inReview');
    equal(back.version, 2);
    const retry = await again.submit(validInput(), { idempotencyKey: k });
    equal(retry.id, p.id, 'a retry after a reload returns the first practice');
    equal(retry.declarantToken, p.declarantToken);
  }],
];
