// The domain rules the committee's side adds: notifications, what complements changed, and personal data retention.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStore } from '../../src/store/index.js';
import { notificationsFor, opinionReminder } from '../../src/review/notifications.js';
import { declarationChanges } from '../../src/schema/changes.js';
import type { Actor, Practice } from '../../src/model.js';
import { validInput } from '../support/declarations.js';

const reviewer: Actor = { id: 'rev-1', role: 'reviewer' };
const reviewer2: Actor = { id: 'rev-2', role: 'reviewer' };
const chair: Actor = { id: 'chair', role: 'chair' };
const editor: Actor = { id: 'editor', role: 'editor' };
const declarant = (token: string): Actor => ({ id: 'declarant', role: 'declarant', token });

function clockedStore() {
  let now = '2026-06-15T09:00:00.000Z';
  const store = createMemoryStore({ clock: () => new Date(now) });
  return { store, setNow: (iso: string) => (now = iso) };
}

const kinds = (ns: ReturnType<typeof notificationsFor>) => ns.map((n) => `${n.kind}→${n.recipient}`).sort();

describe('notificationsFor', () => {
  test('follows the committee path: who is told of what, once per event', async () => {
    const { store } = clockedStore();
    const submitted = await store.submit(validInput(), { idempotencyKey: 'k1' });
    let p = (await store.get(submitted.id, { actor: chair })) as Practice;
    assert.deepEqual(kinds(notificationsFor(undefined, p)), ['practice-submitted→reviewer', 'submission-received→declarant']);
    const step = async (event: Record<string, unknown>) => {
      const before = p;
      await store.send(p.id, event as never, { expectedVersion: p.version });
      // The committee's view, whoever sent: the declarant gets their own view back.
      p = (await store.get(p.id, { actor: chair })) as Practice;
      return kinds(notificationsFor(before, p));
    };
    assert.deepEqual(await step({ type: 'START_REVIEW', actor: reviewer }), ['review-started→declarant']);
    assert.deepEqual(await step({ type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Précisez le public.' }), ['complements-requested→declarant']);
    assert.deepEqual(await step({ type: 'PROVIDE_COMPLEMENTS', actor: declarant(submitted.declarantToken), declaration: { ...validInput(), title: 'Nouveau titre' } }), ['complements-provided→chair', 'complements-provided→reviewer']);
    assert.deepEqual(await step({ type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable', comment: 'Secret du comité' }), [], 'one opinion of two: nobody yet');
    const before = p;
    assert.deepEqual(await step({ type: 'GIVE_OPINION', actor: reviewer2, opinion: 'reserve' }), ['ready-for-decision→chair']);
    assert.ok(!JSON.stringify(notificationsFor(before, p)).includes('Secret du comité'), 'no opinion travels');
    assert.deepEqual(await step({ type: 'ACCEPT', actor: chair, comment: 'Pertinente.' }), ['accepted→declarant', 'ready-to-publish→editor']);
    assert.deepEqual(await step({ type: 'PUBLISH', actor: editor }), ['published→declarant']);
    const last = notificationsFor(undefined, p);
    assert.equal(last.length, 0, 'a published practice read for the first time is not a new submission');
  });

  test('carries no personal data, and nothing for an erased declarant', async () => {
    const { store } = clockedStore();
    const s = await store.submit(validInput(), { idempotencyKey: 'k2' });
    const p = (await store.get(s.id, { actor: chair })) as Practice;
    const json = JSON.stringify(notificationsFor(undefined, p));
    assert.ok(!json.includes('camille') && !json.includes('Camille'), json);
    await store.erasePersonalData(s.id, { actor: declarant(s.declarantToken) });
    const erased = (await store.get(s.id, { actor: chair })) as Practice;
    const after = (await store.send(s.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: erased.version })) as Practice;
    assert.deepEqual(notificationsFor(erased, after), [], 'the declarant can no longer be told');
  });

  test('a withdrawal tells the committee; subjects are French and name the reference', async () => {
    const { store } = clockedStore();
    const s = await store.submit(validInput(), { idempotencyKey: 'k3' });
    const before = (await store.get(s.id, { actor: chair })) as Practice;
    await store.send(s.id, { type: 'WITHDRAW', actor: declarant(s.declarantToken) }, { expectedVersion: 1 });
    const after = (await store.get(s.id, { actor: chair })) as Practice;
    const ns = notificationsFor(before, after);
    assert.deepEqual(kinds(ns), ['withdrawn→chair', 'withdrawn→reviewer']);
    assert.match(ns[0]!.subject, new RegExp(`retirée.*${after.reference}|${after.reference}.*retirée`));
  });
});

describe('opinionReminder', () => {
  test('is due once a round has waited the given days without enough opinions', async () => {
    const { store, setNow } = clockedStore();
    const s = await store.submit(validInput(), { idempotencyKey: 'k4' });
    setNow('2026-06-16T09:00:00.000Z');
    let p = (await store.send(s.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 })) as Practice;
    assert.equal(opinionReminder(p, '2026-06-20T09:00:00.000Z', 7), undefined, 'four days: not yet');
    const due = opinionReminder(p, '2026-06-24T09:00:00.000Z', 7);
    assert.equal(due?.kind, 'opinion-reminder');
    assert.equal(due?.recipient, 'reviewer');
    p = (await store.send(s.id, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable' }, { expectedVersion: p.version })) as Practice;
    p = (await store.send(s.id, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable' }, { expectedVersion: p.version })) as Practice;
    assert.equal(opinionReminder(p, '2026-07-30T09:00:00.000Z', 7), undefined, 'enough opinions: nothing to remind');
  });
});

describe('declarationChanges', () => {
  test('lists the fields whose displayed value changed, labelled as in the form', () => {
    const before = { ...validInput(), implementationDate: '2014-12-21' } as never;
    const after = { ...validInput(), implementationDate: '2015-01-05', title: 'Nouveau titre', themes: ['education', 'sante-mentale'] } as never;
    const changes = declarationChanges(before, after);
    assert.deepEqual(changes.map((c) => c.field), ['implementationDate', 'title', 'themes']);
    assert.deepEqual(changes[0], { field: 'implementationDate', label: 'Date de mise en œuvre de la pratique inspirante', before: '21/12/2014', after: '05/01/2015' });
    assert.equal(changes[2]!.after, 'Éducation, Santé mentale');
    assert.equal(declarationChanges(after, after).length, 0);
    assert.equal(declarationChanges(before, after, 'en')[1]!.label, 'Title of the practice');
  });

  test('names départements and tolerates a missing version', () => {
    const after = { ...validInput(), location: { regions: [], departments: ['2A'] } } as never;
    const c = declarationChanges(validInput() as never, after).find((x) => x.field === 'location.departments');
    assert.equal(c?.before, 'Nord');
    assert.equal(c?.after, 'Corse-du-Sud');
    assert.ok(declarationChanges(undefined, after).length > 5);
  });
});

describe('purgeExpiredPersonalData', () => {
  test('erases the contact of ended practices after the retention period, and nothing else', async () => {
    const { store, setNow } = clockedStore();
    const kept = await store.submit(validInput(), { idempotencyKey: 'k5' });
    const withdrawn = await store.submit(validInput(), { idempotencyKey: 'k6' });
    await store.send(withdrawn.id, { type: 'WITHDRAW', actor: declarant(withdrawn.declarantToken) }, { expectedVersion: 1 });
    setNow('2026-12-01T09:00:00.000Z');
    assert.deepEqual(await store.purgeExpiredPersonalData({ retentionDays: 365 }), [], 'not yet a year');
    setNow('2027-06-16T09:00:00.000Z');
    assert.deepEqual(await store.purgeExpiredPersonalData({ retentionDays: 365 }), [withdrawn.id]);
    const erased = (await store.get(withdrawn.id, { actor: chair })) as Practice;
    assert.equal(erased.personalDataErasedAt, '2027-06-16T09:00:00.000Z');
    assert.equal(erased.declaration?.declarant.name, '');
    assert.equal(((await store.get(kept.id, { actor: chair })) as Practice).declaration?.declarant.name, 'Camille Martin', 'a practice still in progress keeps its contact');
    assert.deepEqual(await store.purgeExpiredPersonalData({ retentionDays: 365 }), [], 'a second run finds nothing more');
  });
});

describe('explainRefusal and pendingEvents', () => {
  test('name the field a refusal is about, and what the chair may do once enough opinions are in', async () => {
    const { store } = clockedStore();
    const s = await store.submit(validInput(), { idempotencyKey: 'k7' });
    let p = (await store.send(s.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 })) as Practice;
    const { explainRefusal, pendingEvents } = await import('../../src/review/review.js');
    assert.deepEqual(explainRefusal(p.review.snapshot, { type: 'REQUEST_COMPLEMENTS', actor: chair } as never)?.field, 'comment');
    assert.equal(explainRefusal(p.review.snapshot, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Précisez.' } as never), null);
    assert.equal(explainRefusal(p.review.snapshot, { type: 'PUBLISH', actor: editor } as never)?.field, undefined, 'a state refusal names no field');
    const pending = pendingEvents(p.review.snapshot, chair);
    assert.deepEqual(pending.map((e) => e.type), ['ACCEPT']);
    assert.match(pending[0]!.reason, /au moins 2 avis/);
    assert.deepEqual(pendingEvents(p.review.snapshot, reviewer), [], 'a reviewer may never accept: nothing pending');
    p = (await store.send(s.id, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable' }, { expectedVersion: p.version })) as Practice;
    p = (await store.send(s.id, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable' }, { expectedVersion: p.version })) as Practice;
    assert.deepEqual(pendingEvents(p.review.snapshot, chair), [], 'enough opinions: ACCEPT is allowed, no longer pending');
  });
});

describe('comments', () => {
  test('with control characters or lone surrogates are refused, naming the comment', async () => {
    const { store } = clockedStore();
    const s = await store.submit(validInput(), { idempotencyKey: 'k8' });
    const p = (await store.send(s.id, { type: 'START_REVIEW', actor: reviewer }, { expectedVersion: 1 })) as Practice;
    const { explainRefusal } = await import('../../src/review/review.js');
    for (const comment of ['Précisez\u0000 le public.', 'Précisez \ud800 le public.', 'Bip\u0007']) {
      const r = explainRefusal(p.review.snapshot, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment } as never);
      assert.equal(r?.code, 'comment_invalid_characters', JSON.stringify(comment));
      assert.equal(r?.field, 'comment');
      await assert.rejects(store.send(s.id, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment } as never, { expectedVersion: p.version }), /caractères invisibles/);
    }
    assert.equal(explainRefusal(p.review.snapshot, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Ligne 1\nLigne 2\tsuite' } as never), null, 'new lines and tabs are text');
  });
});
