// The fiche authoring part of the store contract: a fiche's life, co-authors by link, and fiches written from practices.
import type { Actor, Practice, PublicPractice } from '../../src/model.js';
import type { FicheAuthoring, PracticeStore } from '../../src/store/port.js';
import { deepEqual, equal, match, ok, rejectsWith } from './check.js';
import { chair, editor, key, publish, reviewer } from './actors.js';
import { validInput } from './declarations.js';

type Subject = { store: PracticeStore; setNow(iso: string): void };
export type FicheContractCase = [name: string, run: (s: Subject) => Promise<void>];

const coauthorActor = (token: string): Actor => ({ id: 'coauthor', role: 'declarant', token });

/** A valid fiche, unique by `marker` so that cases sharing a store (HTTP, PostgreSQL) do not see each other. */
export function validFiche(marker = 'Fiche'): Record<string, unknown> {
  return {
    title: `${marker} : un accueil de jour pour adolescents`,
    entityName: 'Observatoire national de la protection de l’enfance',
    summary: 'Un accueil de jour qui évite des placements en internat.',
    objectives: 'Maintenir les adolescents dans leur famille quand c’est possible.',
    means: 'Trois éducateurs et un local en centre-ville.',
    keysToSuccess: 'Un lien étroit avec les collèges.',
    expectedResults: 'Moins de placements en urgence.',
    difficulties: 'Le transport en zone rurale.',
    partners: ['Éducation nationale'],
    coAuthors: [{ name: 'Alex Morel', organisation: 'Association Passerelle' }],
    scale: 'departementale',
    interventionTypes: ['accueil-de-jour'],
    themes: ['education'],
    audiences: ['adolescents'],
    location: { regions: [], departments: ['59'] },
  };
}

function authoring(store: PracticeStore): PracticeStore & FicheAuthoring {
  const s = store as PracticeStore & Partial<FicheAuthoring>;
  ok(typeof s.createFiche === 'function' && typeof s.editFiche === 'function' && typeof s.inviteCoauthor === 'function' && typeof s.revokeCoauthor === 'function', 'the store authors fiches');
  return s as PracticeStore & FicheAuthoring;
}

async function publishDeclared(store: PracticeStore): Promise<Practice> {
  return publish(store, await store.submit(validInput(), { idempotencyKey: key() }));
}

export const FICHE_CONTRACT: FicheContractCase[] = [
  ['a fiche’s life: the editor creates a draft, edits it with versions, publishes it and actualises it', async ({ store, setNow }) => {
    const s = authoring(store);
    const marker = `Vie${Date.now()}`;
    await rejectsWith(s.createFiche(validFiche(marker), { actor: reviewer }), 'forbidden', 'only the editor creates');
    const bad = await rejectsWith(s.createFiche({ ...validFiche(marker), objectives: '' }, { actor: editor }), 'invalid-declaration');
    deepEqual(bad.fields?.map((f) => f.field), ['objectives']);
    match(bad.message, /Objectifs/);

    const created = await s.createFiche(validFiche(marker), { actor: editor, idempotencyKey: `${marker}-k` });
    equal(created.level, 'onpe');
    equal(created.review.state, 'draft');
    equal(created.version, 1);
    deepEqual(created.ficheVersions?.map((v) => [v.number, v.kind, v.author.role]), [[1, 'create', 'editor']]);
    ok(created.ficheVersions![0]!.changes.some((c) => c.field === 'title' && c.before === ''), 'the first version shows every field as new');
    equal(await store.get(created.id), undefined, 'a draft is not public');
    const retry = await s.createFiche(validFiche(marker), { actor: editor, idempotencyKey: `${marker}-k` });
    equal(retry.id, created.id, 'a retry returns the fiche first created');

    const edited = await s.editFiche(created.id, { ...validFiche(marker), title: `${marker} : un accueil de jour renouvelé` }, { actor: editor, expectedVersion: 1, comment: 'Titre précisé.' });
    equal(edited.version, 2);
    const v2 = edited.ficheVersions![1]!;
    deepEqual([v2.number, v2.kind, v2.comment], [2, 'edit', 'Titre précisé.']);
    deepEqual(v2.changes.map((c) => c.field), ['title']);
    equal(v2.changes[0]!.after, `${marker} : un accueil de jour renouvelé`);
    await rejectsWith(s.editFiche(created.id, validFiche(marker), { actor: editor, expectedVersion: 1 }), 'version-conflict');
    const invalid = await rejectsWith(s.editFiche(created.id, { ...validFiche(marker), means: '' }, { actor: editor, expectedVersion: 2 }), 'invalid-declaration');
    match(invalid.message, /Moyens nécessaires/);

    await rejectsWith(store.send(created.id, { type: 'PUBLISH', actor: chair } as never, { expectedVersion: 2 }), 'illegal-transition', 'only the editor publishes');
    const published = (await store.send(created.id, { type: 'PUBLISH', actor: editor } as never, { expectedVersion: 2 })) as Practice;
    equal(published.review.state, 'published');
    equal(published.fiche?.lastReviewedAt, '2026-06-15');
    equal(published.reviewDueAt, '2028-06-15', 'due two years later by default');
    const pub = (await store.get(created.id)) as PublicPractice;
    equal(pub.fiche?.title, `${marker} : un accueil de jour renouvelé`);
    ok(!JSON.stringify(pub).includes('ficheVersions') && !JSON.stringify(pub).includes('coauthorLinks'), 'no authoring data in the public view');
    equal((await store.search({ text: marker })).total, 1);

    setNow('2028-05-02T10:00:00.000Z');
    const actualised = (await store.send(created.id, { type: 'ACTUALISE', actor: editor, comment: 'Relu avec l’équipe.' } as never, { expectedVersion: 3 })) as Practice;
    equal(actualised.fiche?.lastReviewedAt, '2028-05-02');
    equal(actualised.reviewDueAt, '2030-05-02');
    deepEqual(actualised.ficheVersions?.map((v) => v.kind), ['create', 'edit', 'publish', 'actualise']);
    deepEqual(actualised.ficheVersions![3]!.changes.map((c) => [c.field, c.before, c.after]), [['lastReviewedAt', '15/06/2026', '02/05/2028']]);
    deepEqual(actualised.review.history.map((h) => h.type), ['EDIT', 'EDIT', 'PUBLISH', 'ACTUALISE']);
  }],

  ['co-authors edit one fiche through their secret link, never publish, and a revoked link opens nothing', async ({ store }) => {
    const s = authoring(store);
    const marker = `Coauteur${Date.now()}`;
    const fiche = await s.createFiche(validFiche(marker), { actor: editor });
    const other = await s.createFiche(validFiche(`${marker}bis`), { actor: editor });
    await rejectsWith(s.inviteCoauthor(fiche.id, { name: 'Sam Lefèvre' }, { actor: reviewer }), 'forbidden');
    const noName = await rejectsWith(s.inviteCoauthor(fiche.id, { name: ' ' }, { actor: editor }), 'invalid-declaration');
    match(noName.message, /Nom du co-auteur/);
    const invitation = await s.inviteCoauthor(fiche.id, { name: 'Sam Lefèvre', organisation: 'Lieu de vie Les Tilleuls' }, { actor: editor });
    ok(invitation.token.length >= 32, 'a long secret token');
    equal(invitation.practice.version, 2);
    ok(!JSON.stringify(invitation.practice).includes(invitation.token), 'the token is not part of the fiche');
    const coauthor = coauthorActor(invitation.token);

    const seen = (await store.get(fiche.id, { actor: coauthor })) as Practice;
    equal(seen.fiche?.title, `${marker} : un accueil de jour pour adolescents`);
    equal(seen.coauthorLinks, undefined, 'a co-author does not see the links');
    equal(await store.get(other.id, { actor: coauthor }), undefined, 'the link opens that fiche only');
    await rejectsWith(s.editFiche(other.id, validFiche(marker), { actor: coauthor, expectedVersion: 1 }), 'not-found');

    const edited = await s.editFiche(fiche.id, { ...validFiche(marker), difficulties: 'Le transport en zone rurale et les horaires des familles.' }, { actor: coauthor, expectedVersion: 2 });
    const last = edited.ficheVersions!.at(-1)!;
    deepEqual([last.author.name, last.author.role, last.changes.map((c) => c.field)], ['Sam Lefèvre', 'declarant', ['difficulties']]);
    await rejectsWith(store.send(fiche.id, { type: 'PUBLISH', actor: coauthor } as never, { expectedVersion: 3 }), 'illegal-transition', 'a co-author never publishes');
    await rejectsWith(store.send(fiche.id, { type: 'WITHDRAW', actor: coauthor } as never, { expectedVersion: 3 }), 'illegal-transition', 'nor withdraws');
    await rejectsWith(s.inviteCoauthor(fiche.id, { name: 'Autre' }, { actor: coauthor }), 'forbidden', 'nor invites');

    const revoked = await s.revokeCoauthor(fiche.id, invitation.link.id, { actor: editor });
    ok(revoked.coauthorLinks?.[0]?.revokedAt, 'the link is marked revoked');
    equal(await store.get(fiche.id, { actor: coauthor }), undefined, 'a revoked link opens nothing');
    await rejectsWith(s.editFiche(fiche.id, validFiche(marker), { actor: coauthor, expectedVersion: revoked.version }), 'not-found');
  }],

  ['a fiche written from a published practice: both link to each other in the library', async ({ store }) => {
    const s = authoring(store);
    const marker = `Depuis${Date.now()}`;
    const submitted = await store.submit(validInput(), { idempotencyKey: key() });
    await rejectsWith(s.createFiche(validFiche(marker), { actor: editor, basedOn: [submitted.id] }), 'illegal-transition', 'not yet published');
    const practice = await publishDeclared(store);
    const fiche = await s.createFiche(validFiche(marker), { actor: editor, basedOn: [practice.id] });
    deepEqual(fiche.basedOn, [practice.id]);
    equal(((await store.get(practice.id)) as PublicPractice).fiches, undefined, 'a draft fiche is not linked publicly');
    await store.send(fiche.id, { type: 'PUBLISH', actor: editor } as never, { expectedVersion: 1 });
    const publicFiche = (await store.get(fiche.id)) as PublicPractice;
    deepEqual(publicFiche.basedOn, [practice.id]);
    deepEqual(((await store.get(practice.id)) as PublicPractice).fiches, [fiche.id]);
    const found = (await store.search({ text: 'Groupes de parole pour parents', limit: 100 })).items.find((p) => p.id === practice.id);
    deepEqual(found?.fiches, [fiche.id], 'search results carry the link too');
  }],
];

/** The authoring methods of an HTTP store with the token chosen from the actor, as the other methods of the contract's wrappers. */
export function ficheAuthoringWithTokens(http: PracticeStore, withToken: (a?: Actor) => Actor | undefined): FicheAuthoring {
  const s = authoring(http);
  return {
    createFiche: (f, o) => s.createFiche(f, { ...o, actor: withToken(o?.actor) } as never),
    editFiche: (id, f, o) => s.editFiche(id, f, { ...o, actor: withToken(o?.actor) } as never),
    inviteCoauthor: (id, c, o) => s.inviteCoauthor(id, c, { ...o, actor: withToken(o?.actor) } as never),
    revokeCoauthor: (id, l, o) => s.revokeCoauthor(id, l, { ...o, actor: withToken(o?.actor) } as never),
  };
}
