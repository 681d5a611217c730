import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import {
  applyReviewEvent, allowedEvents, createReview, createReviewActor, deriveReview, explain, reviewContextOf, reviewStateOf,
  reviewMachine, EVENT_TYPES, ROLES, ReviewSnapshotError, restore,
  type ReviewEvent, type ReviewEventType,
} from '../../src/review/index.js';
import type { Actor, PersistedReview, ReviewState, Role } from '../../src/model.js';
import { TODAY, validInput } from '../support/declarations.js';

const AT = `${TODAY}T09:00:00.000Z`;
const actors: Record<Role, Actor> = {
  declarant: { id: 'decl', role: 'declarant' },
  reviewer: { id: 'rev-1', role: 'reviewer' },
  chair: { id: 'chair', role: 'chair' },
  editor: { id: 'editor', role: 'editor' },
};
const reviewer2: Actor = { id: 'rev-2', role: 'reviewer' };

/** A complete, valid event of each type, as its role would send it. */
function event(type: ReviewEventType, actor: Actor, extra: Partial<Record<string, unknown>> = {}): ReviewEvent {
  const payload: Record<string, unknown> = { type, actor, at: AT };
  if (type === 'SUBMIT' || type === 'PROVIDE_COMPLEMENTS' || type === 'IMPORT') payload.declaration = validInput();
  if (['REQUEST_COMPLEMENTS', 'ACCEPT', 'REJECT', 'REOPEN', 'MERGE', 'FEATURE'].includes(type)) payload.comment = 'Motivation du comité';
  if (type === 'GIVE_OPINION') payload.opinion = 'favorable';
  if (type === 'MERGE') payload.into = 'other-practice';
  return { ...payload, ...extra } as unknown as ReviewEvent;
}

function run(events: ReviewEvent[], start = createReview({ practiceId: 'p1' })): PersistedReview {
  let s = start;
  for (const e of events) {
    const r = applyReviewEvent(s, e);
    assert.ok(r.ok, `${e.type}: ${!r.ok ? r.refusal.message : ''}`);
    s = r.snapshot;
  }
  return s;
}

const submitted = () => run([event('SUBMIT', actors.declarant)]);
const inReview = () => run([event('START_REVIEW', actors.reviewer)], submitted());
const withOpinions = () => run([event('GIVE_OPINION', actors.reviewer), event('GIVE_OPINION', reviewer2)], inReview());
const accepted = () => run([event('ACCEPT', actors.chair)], withOpinions());
const published = () => run([event('PUBLISH', actors.editor)], accepted());

const SNAPSHOTS: Record<ReviewState, () => PersistedReview> = {
  draft: () => createReview({ practiceId: 'p1' }),
  submitted,
  inReview: withOpinions,
  complementsRequested: () => run([event('REQUEST_COMPLEMENTS', actors.reviewer)], withOpinions()),
  accepted,
  published,
  rejected: () => run([event('REJECT', actors.chair)], withOpinions()),
  withdrawn: () => run([event('WITHDRAW', actors.declarant)], submitted()),
  merged: () => run([event('MERGE', actors.chair)], submitted()),
};

// DESIGN.md's diagram, written out by hand: state → event → target.
const EXPECTED: Record<ReviewState, Partial<Record<ReviewEventType, ReviewState>>> = {
  draft: { SUBMIT: 'submitted', WITHDRAW: 'withdrawn', IMPORT: 'submitted' },
  submitted: { START_REVIEW: 'inReview', WITHDRAW: 'withdrawn', MERGE: 'merged' },
  inReview: { GIVE_OPINION: 'inReview', REQUEST_COMPLEMENTS: 'complementsRequested', ACCEPT: 'accepted', REJECT: 'rejected', REOPEN: 'inReview', MERGE: 'merged' },
  complementsRequested: { PROVIDE_COMPLEMENTS: 'inReview', WITHDRAW: 'withdrawn' },
  accepted: { PUBLISH: 'published', REOPEN: 'inReview' },
  published: { FEATURE: 'published', UNFEATURE: 'published', UNPUBLISH: 'accepted' },
  rejected: { REOPEN: 'inReview' },
  withdrawn: {},
  merged: {},
};
const MAY_SEND: Record<ReviewEventType, Role[]> = {
  SUBMIT: ['declarant'], PROVIDE_COMPLEMENTS: ['declarant'], WITHDRAW: ['declarant'],
  START_REVIEW: ['reviewer', 'chair'], REQUEST_COMPLEMENTS: ['reviewer', 'chair'], GIVE_OPINION: ['reviewer', 'chair'],
  ACCEPT: ['chair'], REJECT: ['chair'], REOPEN: ['chair'], MERGE: ['chair'],
  PUBLISH: ['editor'], UNPUBLISH: ['editor'], FEATURE: ['editor'], UNFEATURE: ['editor'], IMPORT: ['editor'],
  EDIT: ['editor', 'declarant'], ACTUALISE: ['editor'],
};

for (const state of Object.keys(EXPECTED) as ReviewState[]) {
  test(`from ${state}: every event by every role`, () => {
    const start = SNAPSHOTS[state]();
    assert.equal(reviewStateOf(start), state);
    for (const type of EVENT_TYPES) {
      for (const role of ROLES) {
        const e = event(type, actors[role]);
        const result = applyReviewEvent(start, e);
        const target = EXPECTED[state][type];
        const label = `${state} --${type} by ${role}`;
        // The published snapshot here is not featured: UNFEATURE is refused for that reason (tested below).
        if (state === 'published' && type === 'UNFEATURE' && role === 'editor') {
          assert.equal(!result.ok && result.refusal.code, 'not_featured', label);
          continue;
        }
        const legal = target !== undefined && MAY_SEND[type].includes(role);
        if (legal) {
          assert.ok(result.ok, `${label} should pass: ${!result.ok ? result.refusal.message : ''}`);
          assert.equal(result.review.state, target, label);
          assert.equal(result.review.history.length, deriveReview(start).history.length + 1, `${label} appends one history entry`);
          assert.equal(explain(start, e), null, label);
        } else {
          assert.equal(result.ok, false, `${label} should be refused`);
          assert.equal(!result.ok && result.refusal.code, target === undefined ? 'state_not_allowed' : 'role_not_allowed', label);
          assert.equal(typeof explain(start, e), 'string', label);
        }
      }
    }
  });
}

test('UNFEATURE by the editor takes a featured practice back to not featured', () => {
  const featured = run([event('FEATURE', actors.editor)], published());
  assert.equal(deriveReview(featured).featured, true);
  const r = applyReviewEvent(featured, event('UNFEATURE', actors.editor));
  assert.ok(r.ok && r.review.state === 'published' && r.review.featured === false);
  assert.equal(applyReviewEvent(published(), event('UNFEATURE', actors.editor)).ok, false);
  assert.equal(!applyReviewEvent(featured, event('FEATURE', actors.editor)).ok && 'refused', 'refused');
});

test('UNPUBLISH drops the featured mark', () => {
  const featured = run([event('FEATURE', actors.editor), event('UNPUBLISH', actors.editor)], published());
  assert.deepEqual([reviewStateOf(featured), deriveReview(featured).featured], ['accepted', false]);
});

const GUARD_CASES: [string, () => PersistedReview, ReviewEvent, string, string][] = [
  ['SUBMIT needs a valid declaration', SNAPSHOTS.draft, event('SUBMIT', actors.declarant, { declaration: { ...validInput(), title: '' } }), 'invalid_declaration', 'La déclaration n’est pas valide : corrigez les champs signalés.'],
  ['PROVIDE_COMPLEMENTS re-validates', SNAPSHOTS.complementsRequested, event('PROVIDE_COMPLEMENTS', actors.declarant, { declaration: { ...validInput(), scale: 'mondiale' } }), 'invalid_declaration', 'La déclaration n’est pas valide : corrigez les champs signalés.'],
  ['REQUEST_COMPLEMENTS needs a message', SNAPSHOTS.inReview, event('REQUEST_COMPLEMENTS', actors.reviewer, { comment: '  ' }), 'comment_required', '« Demander des compléments » demande une motivation ou un message.'],
  ['REJECT needs a reason', SNAPSHOTS.inReview, event('REJECT', actors.chair, { comment: undefined }), 'comment_required', '« Ne pas retenir » demande une motivation ou un message.'],
  ['ACCEPT needs a motivation', SNAPSHOTS.inReview, event('ACCEPT', actors.chair, { comment: '' }), 'comment_required', '« Retenir la pratique » demande une motivation ou un message.'],
  ['ACCEPT needs two opinions', inReview, event('ACCEPT', actors.chair), 'not_enough_opinions', 'La décision demande au moins 2 avis ; ce tour d’examen en compte 0.'],
  ['REOPEN needs a motivation', SNAPSHOTS.rejected, event('REOPEN', actors.chair, { comment: '' }), 'comment_required', '« Rouvrir l’examen » demande une motivation ou un message.'],
  ['MERGE needs a target', SNAPSHOTS.submitted, event('MERGE', actors.chair, { into: '' }), 'into_required', 'Indiquez la pratique dans laquelle fusionner celle-ci.'],
  ['MERGE refuses itself', SNAPSHOTS.submitted, event('MERGE', actors.chair, { into: 'p1' }), 'into_self', 'Une pratique ne peut pas être fusionnée avec elle-même.'],
  ['FEATURE needs a motivation', SNAPSHOTS.published, event('FEATURE', actors.editor, { comment: undefined }), 'comment_required', '« Valoriser » demande une motivation ou un message.'],
  ['an opinion must be one of three', SNAPSHOTS.inReview, event('GIVE_OPINION', actors.reviewer, { opinion: 'bof' }), 'invalid_opinion', 'L’avis doit être « favorable », « réservé » ou « défavorable ».'],
  ['an event needs a timestamp', SNAPSHOTS.submitted, event('START_REVIEW', actors.reviewer, { at: undefined }), 'missing_at', 'L’action doit être horodatée par le service qui la reçoit.'],
  ['an event needs an actor', SNAPSHOTS.submitted, event('START_REVIEW', { id: '', role: 'reviewer' }), 'missing_actor', 'L’action doit indiquer qui l’effectue (identifiant et rôle).'],
  ['an unknown role is no role', SNAPSHOTS.submitted, event('START_REVIEW', { id: 'x', role: 'admin' as Role }), 'missing_actor', 'L’action doit indiquer qui l’effectue (identifiant et rôle).'],
  ['an unknown event', SNAPSHOTS.submitted, { type: 'DELETE', actor: actors.chair, at: AT } as unknown as ReviewEvent, 'unknown_event', 'L’action « DELETE » n’existe pas.'],
  ['a role that may not', SNAPSHOTS.accepted, event('PUBLISH', actors.chair), 'role_not_allowed', 'Seul l’éditeur peut « Publier ».'],
  ['a state that does not take it', SNAPSHOTS.submitted, event('PUBLISH', actors.editor), 'state_not_allowed', '« Publier » n’est pas possible quand la pratique est à l’état « Soumise ».'],
];
for (const [label, start, e, code, message] of GUARD_CASES) {
  test(`guard: ${label}`, () => {
    const s = start();
    const r = applyReviewEvent(s, e);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.refusal.code, code);
    assert.equal(!r.ok && r.refusal.message, message);
    assert.equal(explain(s, e), message);
  });
}

test('a refused declaration gives its field errors', () => {
  const r = applyReviewEvent(SNAPSHOTS.draft(), event('SUBMIT', actors.declarant, { declaration: { ...validInput(), title: '' } }));
  assert.deepEqual(!r.ok && r.refusal.errors?.map((e) => e.field), ['title']);
});

test('the declaration is validated on the day of the event, with the minimum age of the context', () => {
  const young = { ...validInput(), implementationDate: '2025-12-01' };
  const strict = createReview({ practiceId: 'p', minPracticeAgeMonths: 12 });
  assert.equal(applyReviewEvent(strict, event('SUBMIT', actors.declarant, { declaration: young })).ok, false);
  assert.equal(applyReviewEvent(strict, event('SUBMIT', actors.declarant, { declaration: young, at: '2027-01-01T00:00:00Z' })).ok, true);
  const lenient = createReview({ practiceId: 'p', minPracticeAgeMonths: 0 });
  assert.equal(applyReviewEvent(lenient, event('SUBMIT', actors.declarant, { declaration: young })).ok, true);
});

test('minOpinions comes from input and is kept in the persisted snapshot', () => {
  const one = run([event('SUBMIT', actors.declarant), event('START_REVIEW', actors.chair), event('GIVE_OPINION', actors.reviewer)], createReview({ practiceId: 'p', minOpinions: 1 }));
  const restored = JSON.parse(JSON.stringify(one)) as PersistedReview;
  assert.equal(reviewContextOf(restored).options.minOpinions, 1);
  assert.equal(applyReviewEvent(restored, event('ACCEPT', actors.chair)).ok, true);
});

test('an opinion given again by the same reviewer replaces the earlier one', () => {
  const s = run([event('GIVE_OPINION', actors.reviewer, { opinion: 'reserve', comment: 'Évaluation ?' }), event('GIVE_OPINION', actors.reviewer, { opinion: 'favorable' })], inReview());
  const { opinions, history } = deriveReview(s);
  assert.deepEqual(opinions.map((o) => [o.actor.id, o.opinion]), [['rev-1', 'favorable']]);
  assert.equal(history.filter((h) => h.type === 'GIVE_OPINION').length, 2, 'both stay in the history');
  assert.equal(applyReviewEvent(s, event('ACCEPT', actors.chair)).ok, false, 'one reviewer twice is one opinion');
});

test('the chair may give an opinion too', () => {
  const s = run([event('GIVE_OPINION', actors.chair), event('GIVE_OPINION', actors.reviewer)], inReview());
  assert.equal(deriveReview(s).opinions.length, 2);
});

test('PROVIDE_COMPLEMENTS returns to inReview keeping the opinions', () => {
  const s = run([event('PROVIDE_COMPLEMENTS', actors.declarant)], SNAPSHOTS.complementsRequested());
  assert.equal(reviewStateOf(s), 'inReview');
  assert.equal(deriveReview(s).opinions.length, 2);
  assert.equal(applyReviewEvent(s, event('ACCEPT', actors.chair)).ok, true);
});

test('REQUEST_COMPLEMENTS keeps the message for the declarant until answered', () => {
  const s = SNAPSHOTS.complementsRequested();
  assert.equal(reviewContextOf(s).pendingRequest, 'Motivation du comité');
  assert.equal(reviewContextOf(run([event('PROVIDE_COMPLEMENTS', actors.declarant)], s)).pendingRequest, undefined);
});

test('REOPEN starts a new round: opinions move to the history and the count starts again', () => {
  for (const from of [withOpinions, accepted, SNAPSHOTS.rejected]) {
    const s = run([event('REOPEN', actors.chair)], from());
    const ctx = reviewContextOf(s);
    assert.equal(reviewStateOf(s), 'inReview');
    assert.deepEqual(ctx.opinions, []);
    assert.equal(ctx.previousRounds.length, 1);
    assert.equal(ctx.previousRounds[0]!.length, 2);
    const r = applyReviewEvent(s, event('ACCEPT', actors.chair));
    assert.equal(!r.ok && r.refusal.code, 'not_enough_opinions');
  }
});

test('MERGE records the target', () => {
  assert.equal(reviewContextOf(SNAPSHOTS.merged()).mergedInto, 'other-practice');
});

test('the history records who, when, what and why, and only grows', () => {
  const s = published();
  const { history } = deriveReview(s);
  assert.deepEqual(history.map((h) => h.type), ['SUBMIT', 'START_REVIEW', 'GIVE_OPINION', 'GIVE_OPINION', 'ACCEPT', 'PUBLISH']);
  assert.deepEqual(history[4], { at: AT, actor: { id: 'chair', role: 'chair' }, type: 'ACCEPT', comment: 'Motivation du comité' });
  assert.equal(history[2]!.opinion, 'favorable');
  assert.ok(!JSON.stringify(history).includes('declaration'), 'the history does not copy the declaration');
});

test('an actor\'s secret token never enters the snapshot', () => {
  const s = run([event('SUBMIT', { ...actors.declarant, token: 'SECRET' })]);
  assert.ok(!JSON.stringify(s).includes('SECRET'));
});

test('explain needs no timestamp: a widget asks before sending', () => {
  const { at: _at, ...unstamped } = event('ACCEPT', actors.chair);
  assert.equal(explain(inReview(), unstamped), 'La décision demande au moins 2 avis ; ce tour d’examen en compte 0.');
  assert.equal(explain(withOpinions(), unstamped), null);
});

test('replaying the same events gives the same snapshot (no clock is read)', async () => {
  const a = JSON.stringify(published());
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(JSON.stringify(published()), a);
});

test('a snapshot restored from JSON behaves like the original, at every step', () => {
  const steps = [event('SUBMIT', actors.declarant), event('START_REVIEW', actors.reviewer), event('GIVE_OPINION', actors.reviewer), event('REQUEST_COMPLEMENTS', actors.chair), event('PROVIDE_COMPLEMENTS', actors.declarant), event('GIVE_OPINION', reviewer2), event('ACCEPT', actors.chair), event('PUBLISH', actors.editor)];
  let direct = createReview({ practiceId: 'p1' });
  let viaJson = direct;
  for (const e of steps) {
    const a = applyReviewEvent(direct, e);
    const b = applyReviewEvent(JSON.parse(JSON.stringify(viaJson)) as PersistedReview, e);
    assert.ok(a.ok && b.ok, e.type);
    assert.deepEqual(b.snapshot, a.snapshot, e.type);
    direct = a.snapshot;
    viaJson = b.snapshot;
  }
  assert.equal(reviewStateOf(viaJson), 'published');
});

test('a live actor and the pure functions agree', () => {
  const steps = [event('SUBMIT', actors.declarant), event('START_REVIEW', actors.reviewer), event('GIVE_OPINION', actors.reviewer), event('GIVE_OPINION', reviewer2), event('ACCEPT', actors.chair), event('PUBLISH', actors.editor), event('FEATURE', actors.editor)];
  const actor = createActor(reviewMachine, { input: { practiceId: 'p1' } }).start();
  for (const e of steps) actor.send(e);
  actor.send(event('PUBLISH', actors.chair)); // illegal: ignored
  const pure = run(steps);
  assert.equal(actor.getSnapshot().value, 'published');
  assert.deepEqual(actor.getSnapshot().context, restore(pure).context);
  const resumed = createReviewActor(pure).start();
  resumed.send(event('UNPUBLISH', actors.editor));
  assert.equal(resumed.getSnapshot().value, 'accepted');
});

test('a snapshot of another machine version is refused, not guessed at', () => {
  assert.throws(() => reviewStateOf({ machineVersion: 99, state: {} }), ReviewSnapshotError);
  assert.throws(() => reviewStateOf({ machineVersion: 1, state: null }), ReviewSnapshotError);
});

const ALLOWED_CASES: [ReviewState, Role, ReviewEventType[]][] = [
  ['draft', 'declarant', ['SUBMIT', 'WITHDRAW']],
  ['draft', 'editor', []],
  ['submitted', 'declarant', ['WITHDRAW']],
  ['submitted', 'reviewer', ['START_REVIEW']],
  ['submitted', 'chair', ['START_REVIEW', 'MERGE']],
  ['inReview', 'reviewer', ['REQUEST_COMPLEMENTS', 'GIVE_OPINION']],
  ['inReview', 'chair', ['REQUEST_COMPLEMENTS', 'GIVE_OPINION', 'ACCEPT', 'REJECT', 'REOPEN', 'MERGE']],
  ['inReview', 'declarant', []],
  ['complementsRequested', 'declarant', ['PROVIDE_COMPLEMENTS', 'WITHDRAW']],
  ['accepted', 'editor', ['PUBLISH']],
  ['accepted', 'chair', ['REOPEN']],
  ['published', 'editor', ['UNPUBLISH', 'FEATURE']],
  ['published', 'chair', []],
  ['rejected', 'chair', ['REOPEN']],
  ['withdrawn', 'chair', []],
  ['merged', 'editor', []],
];
for (const [state, role, expected] of ALLOWED_CASES) {
  test(`allowedEvents in ${state} for ${role}`, () => {
    const types = allowedEvents(SNAPSHOTS[state](), actors[role]).map((e) => e.type);
    assert.deepEqual(types.sort(), [...expected].sort());
  });
}

test('allowedEvents leaves out ACCEPT until there are enough opinions, and says what each event needs', () => {
  assert.ok(!allowedEvents(inReview(), actors.chair).some((e) => e.type === 'ACCEPT'));
  const merge = allowedEvents(submitted(), actors.chair).find((e) => e.type === 'MERGE');
  assert.deepEqual(merge, { type: 'MERGE', label: 'Fusionner avec une autre pratique', requires: ['into', 'comment'] });
  assert.equal(allowedEvents(submitted(), actors.reviewer, 'en')[0]!.label, 'Start the review');
});

test('explain speaks English and German on request', () => {
  const e = event('PUBLISH', actors.editor);
  assert.equal(explain(submitted(), e, 'en'), '“Publish” is not possible while the practice is “Submitted”.');
  assert.equal(explain(submitted(), e, 'de'), '„Veröffentlichen“ ist im Zustand „Eingereicht“ nicht möglich.');
});

test('an ONPE fiche is imported straight to published; a declaration to submitted', () => {
  const fiche = createReview({ practiceId: 'f', level: 'onpe' });
  const bad = applyReviewEvent(fiche, { type: 'IMPORT', actor: actors.editor, at: AT, fiche: {} } as ReviewEvent);
  assert.equal(!bad.ok && bad.refusal.code, 'invalid_fiche');
  assert.equal(applyReviewEvent(createReview(), event('IMPORT', actors.editor)).ok && 'submitted', 'submitted');
  assert.equal(applyReviewEvent(createReview(), event('IMPORT', actors.chair)).ok, false);
});
