// <pi-review-board> used as committee members would, in Chromium, over a memory store whose practices went through the store.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { defineReviewBoard } from '../../widgets/review-board/define.js';
import { PiReviewBoard } from '../../widgets/review-board/review-board.js';
import { BOARD_STRINGS } from '../../widgets/review-board/strings.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { PracticeStoreError } from '../../src/store/errors.js';
import type { PracticeStore } from '../../src/store/port.js';
import { allowedEvents, explain } from '../../src/review/review.js';
import { STATE_LABELS } from '../../src/review/labels.js';
import { declarationChanges } from '../../src/schema/changes.js';
import type { Actor, Practice, ReviewState } from '../../src/model.js';
import type { ReviewCommand } from '../../src/review/events.js';
import type { ReviewActionEvent } from '../../widgets/events.js';
import { validInput, withField } from '../support/declarations.js';

defineReviewBoard();
defineReviewBoard(); // a page that loads the script twice

type Store = ReturnType<typeof createMemoryStore>;
type AxeResult = { violations: { id: string; help: string }[] };

const reviewer1: Actor = { id: 'r-alice', role: 'reviewer', name: 'Alice Martin' };
const reviewer2: Actor = { id: 'r-bruno', role: 'reviewer', name: 'Bruno Petit' };
const chair: Actor = { id: 'c-claire', role: 'chair', name: 'Claire Durand' };
const editor: Actor = { id: 'e-eric', role: 'editor', name: 'Éric Roux' };

const root = (el: PiReviewBoard) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PiReviewBoard, s: string) => root(el).querySelector<T>(s) as T;
const all = <T extends Element = HTMLElement>(el: PiReviewBoard, s: string) => [...root(el).querySelectorAll<T>(s)];
const text = (el: PiReviewBoard, s: string) => q(el, s)?.textContent?.replace(/\s+/g, ' ').trim();
const active = (el: PiReviewBoard) => root(el).activeElement as HTMLElement | null;
const settle = async (el: PiReviewBoard, ms = 30) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, ms));
    await el.updateComplete;
  }
};

async function axeClean(el: PiReviewBoard, label: string) {
  const { violations } = await (window as unknown as { axe: { run(e: Element, o: object): Promise<AxeResult> } }).axe
    .run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
  expect(violations.map((v) => `${v.id}: ${v.help}`), `axe at ${label}`).to.deep.equal([]);
}

// ------------------------------------------------------------------------------------------------
// Practices made through the store, as the declarant and the committee would
// ------------------------------------------------------------------------------------------------

let seq = 0;
interface Made extends Practice { token: string }

async function declare(store: Store, title = `Pratique ${++seq}`): Promise<Made> {
  const p = await store.submit(withField('title', title), { idempotencyKey: `key-${Date.now()}-${++seq}` });
  return { ...((await store.get(p.id, { actor: chair })) as Practice), token: p.declarantToken };
}

async function act(store: Store, id: string, cmd: ReviewCommand): Promise<Practice> {
  const current = (await store.get(id, { actor: chair })) as Practice;
  return (await store.send(id, cmd, { expectedVersion: current.version })) as Practice;
}

const declarant = (token: string): Actor => ({ id: 'declarant', role: 'declarant', token });

/** A practice taken to `state` through the store, each step a real event. */
async function practiceIn(store: Store, state: ReviewState, title?: string): Promise<Made> {
  const p = await declare(store, title);
  const step = (cmd: ReviewCommand) => act(store, p.id, cmd);
  if (state === 'submitted') return p;
  if (state === 'withdrawn') await step({ type: 'WITHDRAW', actor: declarant(p.token) });
  if (state === 'merged') {
    const target = await declare(store, `Cible de ${p.declaration!.title}`);
    await step({ type: 'MERGE', actor: chair, into: target.id, comment: 'Doublon de la même action.' });
  }
  if (['inReview', 'complementsRequested', 'accepted', 'published', 'rejected'].includes(state)) await step({ type: 'START_REVIEW', actor: reviewer1 });
  if (state === 'complementsRequested') await step({ type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Précisez le public.' });
  if (state === 'rejected') await step({ type: 'REJECT', actor: chair, comment: 'Hors du champ de la protection de l’enfance.' });
  if (state === 'accepted' || state === 'published') {
    await step({ type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
    await step({ type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable' });
    await step({ type: 'ACCEPT', actor: chair, comment: 'Pratique transposable.' });
  }
  if (state === 'published') await step({ type: 'PUBLISH', actor: editor });
  return { ...((await store.get(p.id, { actor: chair })) as Practice), token: p.token };
}

const fresh = async (store: PracticeStore, id: string) => (await store.get(id, { actor: chair })) as Practice;

// ------------------------------------------------------------------------------------------------
// Acting on the board
// ------------------------------------------------------------------------------------------------

async function mount(store: PracticeStore, actor: Actor, options: { queue?: string; pageSize?: number; lang?: string } = {}) {
  const el = await fixture<PiReviewBoard>(html`<pi-review-board .store=${store} .actor=${actor} queue=${options.queue ?? nothing}
    page-size=${options.pageSize ?? nothing} lang=${options.lang ?? nothing}></pi-review-board>`);
  await settle(el);
  return el;
}

async function open(el: PiReviewBoard, id: string) {
  await el.openPractice(id);
  await settle(el);
}

const actionButtons = (el: PiReviewBoard) => all(el, '.action-buttons button').map((b) => b.dataset.event);

async function chooseAction(el: PiReviewBoard, type: string) {
  q<HTMLButtonElement>(el, `#action-${type}`).click();
  await settle(el);
}

async function typeComment(el: PiReviewBoard, value: string) {
  const area = q<HTMLTextAreaElement>(el, '#f-comment');
  area.value = value;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function pickOpinion(el: PiReviewBoard, opinion: string) {
  const radio = q<HTMLInputElement>(el, `#f-opinion-${opinion}`);
  radio.click();
  await el.updateComplete;
}

async function confirm(el: PiReviewBoard) {
  q<HTMLButtonElement>(el, '#action-submit').click();
  await settle(el);
}

/** Presses Tab (or Shift+Tab) until `target` has focus: the control is reachable by keyboard. */
async function tabTo(el: PiReviewBoard, target: HTMLElement, { back = false, max = 200 } = {}) {
  for (let i = 0; i < max; i++) {
    if (active(el) === target) return;
    await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
  }
  throw new Error(`not reachable by ${back ? 'Shift+Tab' : 'Tab'}: ${target.id || target.outerHTML.slice(0, 100)}`);
}

/** A store whose `send` fails `failures` times; with `lands`, the first failing write is recorded and only its answer is lost. */
function failingStore(inner: Store, { failures = 1, lands = false } = {}): PracticeStore & { sends: number } {
  const store = {
    sends: 0,
    submit: inner.submit, get: inner.get, list: inner.list, search: inner.search,
    importPractices: inner.importPractices, erasePersonalData: inner.erasePersonalData,
    async send(...args: Parameters<PracticeStore['send']>) {
      store.sends++;
      if (store.sends <= failures) {
        if (lands && store.sends === 1) await inner.send(...args);
        throw new PracticeStoreError('unavailable', 'Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.');
      }
      return inner.send(...args);
    },
  };
  return store;
}

describe('<pi-review-board>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('is one class registered once, even when defined twice', () => {
    expect(customElements.get('pi-review-board')).to.exist;
    expect(document.createElement('pi-review-board')).to.be.instanceOf(PiReviewBoard);
  });

  it('shows queues whose counts and contents agree with store.list, oldest first, page by page', async () => {
    const store = createMemoryStore();
    for (const s of ['submitted', 'submitted', 'submitted', 'inReview', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn'] as ReviewState[]) {
      await practiceIn(store, s);
    }
    // One practice in review has two opinions, so it awaits a decision; Bruno gave one of them.
    const decided = await practiceIn(store, 'inReview', 'Prête pour la décision');
    await act(store, decided.id, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
    await act(store, decided.id, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'reserve' });

    const el = await mount(store, reviewer2, { pageSize: 2 });
    const { counts } = await store.list({}, { actor: reviewer2 });
    for (const state of ['submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'] as const) {
      expect(text(el, `button[data-queue=${state}]`), state).to.equal(`${STATE_LABELS.fr[state]} (${counts[state]})`);
    }
    const mine = await store.list({ awaitingOpinionOf: reviewer2.id }, { actor: reviewer2 });
    const decision = await store.list({ awaitingDecision: true }, { actor: reviewer2 });
    expect(text(el, 'button[data-queue=awaitingMyOpinion]')).to.equal(`En attente de mon avis (${mine.total})`);
    expect(text(el, 'button[data-queue=awaitingDecision]')).to.equal(`En attente de décision (${decision.total})`);
    expect(mine.total).to.equal(2);
    expect(decision.items.map((p) => p.id)).to.deep.equal([decided.id]);
    // A reviewer starts on the practices awaiting their opinion.
    expect(q(el, 'button[data-queue=awaitingMyOpinion]').getAttribute('aria-pressed')).to.equal('true');

    q<HTMLButtonElement>(el, 'button[data-queue=submitted]').click();
    await settle(el);
    const page1 = await store.list({ states: ['submitted'], limit: 2 }, { actor: reviewer2 });
    const page2 = await store.list({ states: ['submitted'], offset: 2, limit: 2 }, { actor: reviewer2 });
    const titles = () => all(el, '.item h3 button').map((b) => b.textContent);
    expect(titles()).to.deep.equal(page1.items.map((p) => p.declaration!.title));
    expect(text(el, '#queue-title')).to.equal(`Soumise (${counts.submitted})`);
    expect(text(el, '.pager span')).to.equal('Page 1 sur 2');
    await axeClean(el, 'queue');
    all<HTMLButtonElement>(el, '.pager button')[1]!.click();
    await settle(el);
    expect(titles()).to.deep.equal(page2.items.map((p) => p.declaration!.title));
    expect(active(el)).to.equal(q(el, '#queue-title'), 'a new page puts focus on the queue heading');
    expect(text(el, '[role=status]')).to.equal('Soumise : 3 pratiques.');
  });

  it('a reviewer starts a review and gives an opinion; each accepted action fires pi-review-event', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'submitted', 'Maison des familles');
    const el = await mount(store, reviewer1, { queue: 'submitted' });
    const events: ReviewActionEvent['detail'][] = [];
    el.addEventListener('pi-review-event', (e) => events.push(e.detail));
    q<HTMLButtonElement>(el, `.item button[data-id="${p.id}"]`).click();
    await settle(el);
    expect(text(el, '#practice-title')).to.equal('Maison des familles');
    expect(active(el)).to.equal(q(el, '#practice-title'), 'focus moves to the practice heading');
    expect(actionButtons(el)).to.deep.equal(allowedEvents((await fresh(store, p.id)).review.snapshot, reviewer1).map((a) => a.type));
    await chooseAction(el, 'START_REVIEW');
    expect(text(el, '#action-panel p')).to.equal('Confirmez-vous « Commencer l’examen » ?');
    expect(active(el)).to.equal(q(el, '#action-submit'), 'an action without fields focuses its confirmation');
    await confirm(el);
    expect((await fresh(store, p.id)).review.state).to.equal('inReview');
    expect(text(el, '#notice')).to.equal('Action enregistrée : « Commencer l’examen ». La pratique est maintenant « En cours d’examen ».');
    expect(active(el)).to.equal(q(el, '#notice'));

    await chooseAction(el, 'GIVE_OPINION');
    expect(active(el)).to.equal(q(el, '#f-opinion-favorable'), 'the opinion group takes focus');
    await pickOpinion(el, 'reserve');
    await typeComment(el, 'Le coût par famille n’est pas indiqué.');
    await confirm(el);
    const after = await fresh(store, p.id);
    expect(after.review.opinions.map((o) => [o.actor.id, o.opinion, o.comment])).to.deep.equal([[reviewer1.id, 'reserve', 'Le coût par famille n’est pas indiqué.']]);
    expect(text(el, '.opinions')).to.contain('Réservé — Alice Martin (membre du comité)');
    expect(text(el, '.opinions')).to.contain('Le coût par famille n’est pas indiqué.');
    expect(all(el, '.history > li').map((li) => li.querySelector('strong')!.textContent))
      .to.deep.equal(['Soumettre', 'Commencer l’examen', 'Donner un avis']);
    expect(events.map((e) => [e.practiceId, e.type, e.practice.version])).to.deep.equal([[p.id, 'START_REVIEW', 2], [p.id, 'GIVE_OPINION', 3]]);
    await axeClean(el, 'practice after an opinion');
  });

  it('the chair cannot accept with too few opinions and reads the domain\'s reason; a missing motivation is refused before sending', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview');
    await act(store, p.id, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
    const el = await mount(store, chair);
    await open(el, p.id);
    const snapshot = (await fresh(store, p.id)).review.snapshot;
    expect(actionButtons(el)).to.not.include('ACCEPT');
    expect(actionButtons(el)).to.deep.equal(allowedEvents(snapshot, chair).map((a) => a.type));
    const reason = explain(snapshot, { type: 'ACCEPT', actor: chair, comment: 'Pertinente' })!;
    expect(reason).to.equal('La décision demande au moins 2 avis ; ce tour d’examen en compte 1.');
    expect(text(el, '.not-yet li[data-event=ACCEPT]')).to.equal(`Retenir la pratique : ${reason}`);
    expect(text(el, '#opinions-title + p')).to.equal('1 avis donné ; il en faut au moins 2 pour décider.');

    await chooseAction(el, 'REJECT');
    const area = q<HTMLTextAreaElement>(el, '#f-comment');
    expect(active(el)).to.equal(area);
    expect(area.required).to.equal(true);
    expect(text(el, 'label[for=f-comment]')).to.equal('Motivation * (obligatoire)');
    await typeComment(el, '   ');
    await confirm(el);
    const refusal = explain(snapshot, { type: 'REJECT', actor: chair })!;
    expect(text(el, '#f-comment-error')).to.equal(refusal);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.getAttribute('aria-describedby')!.split(' ')).to.include('f-comment-error');
    expect(active(el)).to.equal(area, 'focus goes to the field the reason is about');
    expect((await fresh(store, p.id)).version, 'nothing was sent').to.equal(p.version + 1);
    await axeClean(el, 'action refused before sending');
  });

  it('requests complements; after PROVIDE_COMPLEMENTS the changed fields are shown side by side, stacked on a phone', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview', 'Groupes de parole');
    const el = await mount(store, chair);
    await open(el, p.id);
    await chooseAction(el, 'REQUEST_COMPLEMENTS');
    expect(text(el, 'label[for=f-comment]')).to.equal('Message au déclarant * (obligatoire)');
    await typeComment(el, 'Précisez le nombre de familles accompagnées et le département partenaire.');
    await confirm(el);
    expect((await fresh(store, p.id)).review.state).to.equal('complementsRequested');
    expect(actionButtons(el)).to.deep.equal([]);
    expect(text(el, '.actions')).to.contain('Aucune action ne vous revient à cette étape.');

    const before = (await fresh(store, p.id)).declaration!;
    const changed = withField('description', 'Des groupes mensuels pour 40 familles, avec le Conseil départemental du Nord.',
      withField('title', 'Groupes de parole pour parents', withField('audiences', ['adolescents', 'jeunes-majeurs'], withField('declarant.phone', undefined))));
    await act(store, p.id, { type: 'PROVIDE_COMPLEMENTS', actor: declarant(p.token), declaration: changed });
    await open(el, p.id);
    const after = await fresh(store, p.id);
    const expected = declarationChanges(before, after.declaration, 'fr');
    expect(expected.map((c) => c.field)).to.deep.equal(['title', 'description', 'audiences', 'declarant.phone']);
    const rows = all(el, '.changes tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal(expected.map((c) => [c.label, c.before || 'vide', c.after || 'vide']));
    expect(text(el, '.changes caption')).to.match(/^Déclaration avant et après les compléments apportés le /);
    expect(all(el, '.changes thead th').map((th) => th.textContent)).to.deep.equal(['Champ', 'Avant', 'Après']);
    expect(getComputedStyle(q(el, '.changes tbody tr')).display).to.equal('table-row');
    await axeClean(el, 'changes at 1280 px');

    await setViewport({ width: 375, height: 800 });
    await settle(el);
    expect(getComputedStyle(q(el, '.changes tbody tr')).display, 'stacked on a phone').to.equal('block');
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    await axeClean(el, 'changes at 375 px');
  });

  it('the chair accepts with a motivation; the editor publishes, then features with a reason', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview', 'Relais parentalité');
    await act(store, p.id, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
    await act(store, p.id, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable', comment: 'Transposable.' });
    const board = await mount(store, chair, { queue: 'awaitingDecision' });
    expect(all(board, '.item h3 button').map((b) => b.dataset.id)).to.deep.equal([p.id]);
    await open(board, p.id);
    expect(actionButtons(board)).to.include('ACCEPT');
    await chooseAction(board, 'ACCEPT');
    await typeComment(board, 'Pratique pertinente, deux avis favorables.');
    await confirm(board);
    let now = await fresh(store, p.id);
    expect(now.review.state).to.equal('accepted');
    expect(now.review.history.at(-1)).to.deep.include({ type: 'ACCEPT', comment: 'Pratique pertinente, deux avis favorables.' });
    expect(now.review.history.at(-1)!.actor).to.deep.equal({ id: chair.id, role: 'chair', name: chair.name });

    const desk = await mount(store, editor);
    expect(q(desk, 'button[data-queue=accepted]').getAttribute('aria-pressed'), 'the editor starts on accepted practices').to.equal('true');
    expect(q(desk, 'button[data-queue=awaitingMyOpinion]'), 'the editor gives no opinion').to.equal(null);
    q<HTMLButtonElement>(desk, `.item button[data-id="${p.id}"]`).click();
    await settle(desk);
    expect(actionButtons(desk)).to.deep.equal(['PUBLISH', 'REOPEN'].filter((t) => allowedEvents(now.review.snapshot, editor).some((a) => a.type === t)));
    await chooseAction(desk, 'PUBLISH');
    await confirm(desk);
    now = await fresh(store, p.id);
    expect(now.review.state).to.equal('published');
    expect((await store.search({})).items.map((x) => x.id)).to.include(p.id);
    expect(actionButtons(desk)).to.deep.equal(['UNPUBLISH', 'FEATURE']);
    await chooseAction(desk, 'FEATURE');
    expect(text(desk, 'label[for=f-comment]')).to.equal('Pourquoi la valoriser * (obligatoire)');
    await typeComment(desk, 'Originale et efficace : 40 familles suivies.');
    await confirm(desk);
    now = await fresh(store, p.id);
    expect(now.review.featured).to.equal(true);
    expect(text(desk, '.practice .meta')).to.contain('★ Valorisée');
    expect(actionButtons(desk)).to.deep.equal(['UNPUBLISH', 'UNFEATURE']);
  });

  it('offers exactly what allowedEvents gives, for every role and state', async () => {
    const store = createMemoryStore();
    const states: ReviewState[] = ['submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'];
    const practices = await Promise.all(states.map((s) => practiceIn(store, s)));
    for (const actor of [reviewer1, chair, editor]) {
      const el = await mount(store, actor);
      for (const p of practices) {
        await open(el, p.id);
        const expected = allowedEvents(p.review.snapshot, actor).map((a) => a.type);
        expect(actionButtons(el), `${actor.role} on ${p.review.state}`).to.deep.equal(expected);
        expect(all(el, '.action-buttons button').map((b) => b.textContent), `${actor.role} on ${p.review.state}: labels`)
          .to.deep.equal(allowedEvents(p.review.snapshot, actor).map((a) => a.label));
      }
      el.remove();
    }
  });

  it('two boards at once: the second gets a conflict, sees what changed, keeps its text and acts again', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview');
    const alice = await mount(store, reviewer1);
    const claire = await mount(store, chair);
    await open(alice, p.id);
    await open(claire, p.id);
    await chooseAction(claire, 'REQUEST_COMPLEMENTS');
    await typeComment(claire, 'Merci de joindre le bilan 2025.');

    await chooseAction(alice, 'GIVE_OPINION');
    await pickOpinion(alice, 'favorable');
    await confirm(alice);
    expect((await fresh(store, p.id)).review.opinions).to.have.length(1);

    await confirm(claire);
    const box = q(claire, '#conflict');
    expect(box, 'the conflict is shown').to.exist;
    expect(active(claire)).to.equal(box);
    expect(text(claire, '#conflict h4')).to.equal('Cette pratique a changé pendant que vous la consultiez');
    expect(text(claire, '#conflict')).to.contain('Vous aviez la version 2 ; voici la version 3.');
    expect(text(claire, '#conflict')).to.contain('L’état n’a pas changé : « En cours d’examen ».');
    expect(all(claire, '#conflict li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim())[0]).to.match(/Alice Martin \(membre du comité\) Donner un avis : Favorable$/);
    expect(q<HTMLTextAreaElement>(claire, '#f-comment').value, 'the typed text is kept').to.equal('Merci de joindre le bilan 2025.');
    expect(text(claire, '.opinions')).to.contain('Favorable — Alice Martin');
    await axeClean(claire, 'conflict');

    await confirm(claire);
    const now = await fresh(store, p.id);
    expect(now.review.state).to.equal('complementsRequested');
    expect(now.review.history.filter((h) => h.type === 'REQUEST_COMPLEMENTS')).to.have.length(1);
    expect(q(claire, '#conflict')).to.equal(null);
    expect(text(claire, '#notice')).to.contain('Action enregistrée');
  });

  it('a conflict that makes the action impossible closes it and still shows the unsent text', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview');
    const bruno = await mount(store, reviewer2);
    await open(bruno, p.id);
    await chooseAction(bruno, 'GIVE_OPINION');
    await pickOpinion(bruno, 'defavorable');
    await typeComment(bruno, 'Aucun résultat mesuré.');
    await act(store, p.id, { type: 'REJECT', actor: chair, comment: 'Hors champ.' });
    await confirm(bruno);
    expect(text(bruno, '#conflict')).to.contain('État : « En cours d’examen » → « Non retenue ».');
    expect(text(bruno, '#conflict')).to.contain('« Donner un avis » n’est plus possible dans ce nouvel état ; votre texte non envoyé :');
    expect(text(bruno, '#conflict blockquote')).to.equal('Défavorable — Aucun résultat mesuré.');
    expect(q(bruno, '#action-panel')).to.equal(null);
    expect(actionButtons(bruno)).to.deep.equal([]);
  });

  it('what is typed survives a reload: a new element on the same practice restores it', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview');
    const el = await mount(store, chair);
    await open(el, p.id);
    await chooseAction(el, 'REQUEST_COMPLEMENTS');
    await sendKeys({ type: 'Quel est le budget annuel ?' });
    await el.updateComplete;
    el.remove(); // the page is reloaded

    const other = await mount(store, reviewer1);
    await open(other, p.id);
    expect(q(other, '#action-panel'), 'another member does not get Claire\'s text').to.equal(null);

    const again = await mount(store, chair);
    await open(again, p.id);
    expect(q(again, '#action-panel'), 'the unsent action is open again').to.exist;
    expect(q<HTMLTextAreaElement>(again, '#f-comment').value).to.equal('Quel est le budget annuel ?');
    expect(text(again, '#notice')).to.equal('Votre texte non envoyé pour « Demander des compléments » a été restauré.');
    await confirm(again);
    expect((await fresh(store, p.id)).review.history.at(-1)!.comment).to.equal('Quel est le budget annuel ?');
    expect(localStorage.length, 'the draft is cleared once the store confirms').to.equal(0);
  });

  it('a network failure keeps the text; the retry is safe when the first write had landed', async () => {
    const inner = createMemoryStore();
    const p = await practiceIn(inner, 'inReview');
    const store = failingStore(inner, { failures: 1, lands: true });
    const el = await mount(store, chair);
    await open(el, p.id);
    await chooseAction(el, 'REQUEST_COMPLEMENTS');
    await typeComment(el, 'Joignez la convention avec le département.');
    await confirm(el);
    expect(text(el, '#send-error')).to.contain('L’action n’a pas été enregistrée.');
    expect(text(el, '#send-error')).to.contain('Le serveur des pratiques ne répond pas');
    expect(q(el, '#send-error').getAttribute('role')).to.equal('alert');
    expect(q<HTMLTextAreaElement>(el, '#f-comment').value).to.equal('Joignez la convention avec le département.');
    expect(text(el, '#action-submit')).to.equal('Réessayer');
    expect(localStorage.length).to.equal(1);
    await axeClean(el, 'send failed');

    await confirm(el); // the retry meets version-conflict: the first attempt had landed
    const now = await fresh(inner, p.id);
    expect(now.review.history.filter((h) => h.type === 'REQUEST_COMPLEMENTS'), 'recorded once').to.have.length(1);
    expect(text(el, '#notice')).to.equal('Votre action « Demander des compléments » avait bien été enregistrée lors de l’essai précédent ; elle n’a pas été envoyée une seconde fois. La pratique est « Compléments demandés ».');
    expect(q(el, '#conflict'), 'not shown as a conflict').to.equal(null);
    expect(q(el, '[role=alert]'), 'nor as an error').to.equal(null);
    expect(localStorage.length).to.equal(0);
  });

  it('after a failure and a reload, the text comes back and an attempt that had landed is recognised', async () => {
    const inner = createMemoryStore();
    const lost = await practiceIn(inner, 'inReview', 'Réponse perdue');
    const down = await practiceIn(inner, 'inReview', 'Service arrêté');
    const el = await mount(failingStore(inner, { failures: 2, lands: true }), reviewer1);
    // First practice: the write landed, its answer was lost.
    await open(el, lost.id);
    await chooseAction(el, 'GIVE_OPINION');
    await pickOpinion(el, 'favorable');
    await confirm(el);
    expect(text(el, '#send-error')).to.contain('L’action n’a pas été enregistrée.');
    // Second practice: nothing landed.
    await open(el, down.id);
    await chooseAction(el, 'GIVE_OPINION');
    await pickOpinion(el, 'reserve');
    await typeComment(el, 'À revoir après la visite.');
    await confirm(el);
    expect(text(el, '#send-error')).to.contain('L’action n’a pas été enregistrée.');
    el.remove();

    const again = await mount(inner, reviewer1);
    await open(again, lost.id);
    expect(text(again, '#notice')).to.contain('avait bien été enregistrée');
    expect(q(again, '#action-panel')).to.equal(null);
    await open(again, down.id);
    expect(q<HTMLInputElement>(again, '#f-opinion-reserve').checked).to.equal(true);
    expect(q<HTMLTextAreaElement>(again, '#f-comment').value).to.equal('À revoir après la visite.');
    await confirm(again);
    expect((await fresh(inner, down.id)).review.opinions.map((o) => o.opinion)).to.deep.equal(['reserve']);
    expect((await fresh(inner, lost.id)).review.opinions.map((o) => o.opinion)).to.deep.equal(['favorable']);
    expect(localStorage.length).to.equal(0);
  });

  it('shows a store refusal in an alert and keeps the text', async () => {
    const inner = createMemoryStore();
    const p = await practiceIn(inner, 'inReview');
    const store = { ...failingStore(inner, { failures: 0 }), send: async () => { throw new PracticeStoreError('forbidden', 'Votre jeton ne permet pas cette action.'); } };
    const el = await mount(store, chair);
    await open(el, p.id);
    await chooseAction(el, 'REJECT');
    await typeComment(el, 'Hors champ.');
    await confirm(el);
    expect(text(el, '#send-error')).to.equal('Action refusée : Votre jeton ne permet pas cette action.');
    expect(text(el, '#action-submit')).to.equal('Confirmer : Ne pas retenir');
    expect(q<HTMLTextAreaElement>(el, '#f-comment').value).to.equal('Hors champ.');
  });

  it('merges into another practice chosen by its reference', async () => {
    const store = createMemoryStore();
    const target = await practiceIn(store, 'inReview', 'Accueil de jour des adolescents');
    const p = await practiceIn(store, 'submitted', 'Accueil de jour ados (doublon)');
    const el = await mount(store, chair);
    await open(el, p.id);
    await chooseAction(el, 'MERGE');
    expect(active(el)).to.equal(q(el, '#f-into-search'));
    await typeComment(el, 'Même action, déclarée deux fois.');
    await confirm(el);
    expect(text(el, '#f-into-error')).to.equal('Indiquez la pratique dans laquelle fusionner celle-ci.');
    expect(active(el)).to.equal(q(el, '#f-into-search'));
    const search = q<HTMLInputElement>(el, '#f-into-search');
    search.value = target.reference;
    search.dispatchEvent(new Event('input'));
    await settle(el);
    expect(text(el, '#f-into-count')).to.equal('1 pratique trouvée.');
    expect(all(el, '#f-into input[type=radio]').map((r) => (r as HTMLInputElement).value)).to.deep.equal([target.id]);
    await axeClean(el, 'merge picker');
    q<HTMLInputElement>(el, '#f-into-0').click();
    await el.updateComplete;
    await confirm(el);
    const now = await fresh(store, p.id);
    expect(now.review.state).to.equal('merged');
    expect(now.review.history.at(-1)!.into).to.equal(target.id);
    expect(text(el, '.history li:last-child')).to.contain(`Fusionner avec une autre pratique dans ${target.reference}`);
  });

  it('shows every declaration field with its label, the contact, the source, and the erased notice', async () => {
    const store = createMemoryStore();
    const submitted = await store.submit(validInput(), { idempotencyKey: 'full-view', source: { partner: 'asso-nord', page: 'https://asso.example.org/declarer' } });
    const el = await mount(store, chair);
    await open(el, submitted.id);
    const dl = text(el, '.content');
    for (const [label, value] of [
      ['Nom de l’entité', 'Association Grandir Ensemble 59'], ['Date de mise en œuvre de la pratique inspirante', '21/12/2014'],
      ['Échelle de l’action', 'Départementale'], ['Département', 'Nord (59)'], ['Public visé', 'Adolescents'],
      ['Représentant du département ayant donné son accord', 'Conseil départemental du Nord'],
      ['Nom et prénom', 'Camille Martin'], ['Adresse électronique', 'camille.martin@example.org'], ['Site partenaire', 'asso-nord'],
    ]) {
      expect(dl, label).to.contain(`${label}${value}`);
    }
    expect(q<HTMLAnchorElement>(el, '#source-title + dl a').rel).to.equal('noopener noreferrer nofollow');
    await axeClean(el, 'full view');

    await store.erasePersonalData(submitted.id, { actor: editor });
    await open(el, submitted.id);
    expect(text(el, '.practice > .notice')).to.match(/^Les coordonnées du déclarant ont été effacées le /);
    expect(text(el, '.content')).to.not.contain('camille.martin@example.org');
  });

  it('goes from a queue to a practice, an action and its confirmation with the keyboard alone', async () => {
    const store = createMemoryStore();
    await practiceIn(store, 'submitted');
    const p = await practiceIn(store, 'inReview', 'Parcours clavier');
    const el = await mount(store, chair);
    const queueButton = q<HTMLButtonElement>(el, 'button[data-queue=inReview]');
    await tabTo(el, queueButton);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(queueButton.getAttribute('aria-pressed')).to.equal('true');
    const item = q<HTMLButtonElement>(el, `.item button[data-id="${p.id}"]`);
    await tabTo(el, item);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)).to.equal(q(el, '#practice-title'));
    await tabTo(el, q(el, '#action-GIVE_OPINION'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)).to.equal(q(el, '#f-opinion-favorable'));
    await sendKeys({ press: 'ArrowDown' }); // radios: arrows choose
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#f-opinion-reserve').checked).to.equal(true);
    await tabTo(el, q(el, '#f-comment'));
    await sendKeys({ type: 'Avis donné au clavier.' });
    await tabTo(el, q(el, '#action-submit'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)).to.equal(q(el, '#notice'));
    expect((await fresh(store, p.id)).review.opinions[0]).to.deep.include({ opinion: 'reserve', comment: 'Avis donné au clavier.' });
    await tabTo(el, q(el, '.back'), { back: true });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)).to.equal(q(el, `.item button[data-id="${p.id}"]`), 'focus returns to the practice in the list');
  });

  it('has no axe violation on queue, practice and action at 375 px, without horizontal scrolling', async () => {
    await setViewport({ width: 375, height: 800 });
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview');
    await act(store, p.id, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable', comment: 'Claire et utile.' });
    const el = await mount(store, chair, { queue: 'inReview' });
    await axeClean(el, 'queue at 375');
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    await open(el, p.id);
    await axeClean(el, 'practice at 375');
    await chooseAction(el, 'GIVE_OPINION');
    await confirm(el); // no opinion chosen: the domain's reason, on the group
    expect(text(el, '#f-opinion-error')).to.equal('L’avis doit être « favorable », « réservé » ou « défavorable ».');
    expect(q(el, '#f-opinion').getAttribute('aria-describedby')).to.equal('f-opinion-error');
    await axeClean(el, 'action with an error at 375');
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
  });

  it('reads actor from a JSON attribute, speaks English and German, and says when it cannot work', async () => {
    const store = createMemoryStore();
    await practiceIn(store, 'submitted');
    const el = await fixture<PiReviewBoard>(html`<pi-review-board lang="en" actor='{"id":"c-claire","role":"chair","name":"Claire"}' .store=${store}></pi-review-board>`);
    await settle(el);
    expect(text(el, '#queues-title')).to.equal('Queues');
    expect(text(el, 'button[data-queue=submitted]')).to.equal('Submitted (1)');
    el.lang = 'de';
    await settle(el);
    expect(text(el, 'button[data-queue=awaitingDecision]')).to.equal('Wartet auf Entscheidung (0)');

    const none = await fixture<PiReviewBoard>(html`<pi-review-board actor="not json" .store=${store}></pi-review-board>`);
    await settle(none);
    expect(text(none, '.notice')).to.contain('a besoin d’un magasin');
    const declarantBoard = await mount(store, { id: 'd', role: 'declarant' });
    expect(text(declarantBoard, '.notice')).to.contain('réservé aux membres du comité');
    await axeClean(declarantBoard, 'not for declarants');
  });

  it('opens the practice named by the practice attribute (a link from a notification)', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'submitted', 'Ouverte par un lien');
    const el = await fixture<PiReviewBoard>(html`<pi-review-board practice=${p.id} .store=${store} .actor=${chair}></pi-review-board>`);
    await settle(el);
    expect(text(el, '#practice-title')).to.equal('Ouverte par un lien');
    expect(all(el, '.history > li')[0]!.textContent).to.contain('Le déclarant');
    q<HTMLButtonElement>(el, '.back').click();
    await settle(el);
    expect(active(el)).to.equal(q(el, `.item button[data-id="${p.id}"]`));
  });

  it('says why a queue could not be loaded, and loads it again on request', async () => {
    const inner = createMemoryStore();
    await practiceIn(inner, 'submitted');
    let down = true;
    const store: PracticeStore = {
      ...failingStore(inner, { failures: 0 }),
      list: async (...args) => {
        if (down) throw new PracticeStoreError('forbidden', 'Ce jeton n’est pas celui d’un membre du comité.');
        return inner.list(...args);
      },
    };
    const el = await mount(store, chair, { queue: 'submitted' });
    expect(text(el, '.queue [role=alert] p')).to.equal('Les pratiques n’ont pas pu être chargées. Ce jeton n’est pas celui d’un membre du comité.');
    down = false;
    q<HTMLButtonElement>(el, '.queue [role=alert] button').click();
    await settle(el);
    expect(all(el, '.item')).to.have.length(1);
    expect(text(el, '[role=status]')).to.equal('Soumise : 1 pratique.');
  });

  it('says so when this browser cannot keep what is typed', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'inReview');
    const el = await mount(store, chair);
    await open(el, p.id);
    await chooseAction(el, 'REJECT');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
    try {
      await typeComment(el, 'Hors champ.');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(text(el, '#f-comment-hint')).to.contain('Ce navigateur ne permet pas de conserver ce que vous écrivez');
    await confirm(el);
    expect((await fresh(store, p.id)).review.state, 'the board works on').to.equal('rejected');
  });

  it('another member taking the seat gets their own queue and actions', async () => {
    const store = createMemoryStore();
    const p = await practiceIn(store, 'accepted');
    const el = await mount(store, chair);
    await open(el, p.id);
    expect(actionButtons(el)).to.deep.equal(allowedEvents(p.review.snapshot, chair).map((a) => a.type));
    el.actor = editor;
    await settle(el);
    expect(actionButtons(el)).to.deep.equal(allowedEvents(p.review.snapshot, editor).map((a) => a.type));
    q<HTMLButtonElement>(el, '.back').click();
    await settle(el);
    expect(q(el, 'button[data-queue=accepted]').getAttribute('aria-pressed')).to.equal('true');
    expect(q(el, 'button[data-queue=awaitingMyOpinion]')).to.equal(null);
  });

  it('going back to the list while an action is being sent does not reopen the practice', async () => {
    const inner = createMemoryStore();
    const p = await practiceIn(inner, 'submitted');
    const slow: PracticeStore = {
      ...failingStore(inner, { failures: 0 }),
      send: async (...args) => {
        await new Promise((r) => setTimeout(r, 150));
        return inner.send(...args);
      },
    };
    const el = await mount(slow, chair);
    const types: string[] = [];
    el.addEventListener('pi-review-event', (e) => types.push(e.detail.type));
    await open(el, p.id);
    await chooseAction(el, 'START_REVIEW');
    q<HTMLButtonElement>(el, '#action-submit').click();
    await el.updateComplete;
    expect(text(el, '#action-submit')).to.equal('Envoi en cours…');
    q<HTMLButtonElement>(el, '.back').click();
    await settle(el, 100);
    expect(q(el, '#practice-title')).to.equal(null);
    expect(types).to.deep.equal(['START_REVIEW']);
    expect((await fresh(inner, p.id)).review.state).to.equal('inReview');
    expect(localStorage.length).to.equal(0);
  });

  describe('collection campaigns', () => {
    /** Two campaigns; the Nord's has received two declarations, one of them published; one declaration came without a campaign. */
    async function withCampaigns() {
      const store = createMemoryStore();
      const nord = await store.createCampaign({ name: 'Appel du Nord', organiser: { kind: 'department', name: 'Département du Nord', department: '59' }, partners: ['Association Horizon'], generic: true }, { actor: editor });
      const reseau = await store.createCampaign({ name: 'Réseau LAEP', organiser: { kind: 'network', name: 'Réseau des LAEP' }, partners: ['LAEP Rennes'], generic: false }, { actor: editor });
      const through = async (invitation: string, title: string) => {
        const p = await store.submit(withField('title', title), { idempotencyKey: `camp-${++seq}`, invitation });
        return (await store.get(p.id, { actor: chair })) as Practice;
      };
      const published = await through(nord.invitations[1]!.token, 'Reçue par le Nord et publiée');
      let v = published.version;
      for (const cmd of [
        { type: 'START_REVIEW', actor: reviewer1 }, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' },
        { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable' }, { type: 'ACCEPT', actor: chair, comment: 'Deux avis favorables.' }, { type: 'PUBLISH', actor: editor },
      ] as ReviewCommand[]) v = (await store.send(published.id, cmd, { expectedVersion: v })).version;
      await through(nord.invitations[0]!.token, 'Reçue par le lien générique du Nord');
      await through(reseau.invitations[0]!.token, 'Reçue par le réseau');
      await store.submit(withField('title', 'Sans campagne'), { idempotencyKey: `camp-${++seq}` });
      return { store, nord, reseau };
    }

    it('shows each campaign’s counts (received, in review, published) and its invitation links, axe-clean at 1280 and 375 px', async () => {
      const { store, nord } = await withCampaigns();
      await setViewport({ width: 1280, height: 900 });
      const el = await fixture<PiReviewBoard>(html`<pi-review-board .store=${store} .actor=${editor} form-url="https://asso.example.org/declarer"></pi-review-board>`);
      await settle(el);
      q(el, 'button[data-view=campaigns]').click();
      await settle(el);
      expect(text(el, '#campaigns-title')).to.equal('Campagnes de collecte');
      // Created in the same millisecond here: the store's order (oldest first) does not decide between them.
      const rows = all(el, 'tbody tr').map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).sort((x, y) => x[0]!.localeCompare(y[0]!));
      expect(rows).to.deep.equal([
        ['Appel du Nord', 'Département du Nord (Département)', 'Ouverte', '2', '1', '1'],
        ['Réseau LAEP', 'Réseau des LAEP (Réseau)', 'Ouverte', '1', '1', '0'],
      ]);
      const links = all(el, '.campaign').find((c) => c.textContent!.includes('Appel du Nord'))!.querySelectorAll('.link-text');
      expect([...links].map((l) => l.textContent)).to.deep.equal([
        `https://asso.example.org/declarer?invitation=${nord.invitations[0]!.token}`,
        `https://asso.example.org/declarer?invitation=${nord.invitations[1]!.token}`,
        // The editor also gets the organiser's secret link to this page.
        `${location.origin}${location.pathname}?campagne=${nord.id}&jeton=${nord.organiserToken}`,
      ]);
      await axeClean(el, 'campaigns at 1280');
      await setViewport({ width: 375, height: 800 });
      await settle(el);
      await axeClean(el, 'campaigns at 375');
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      await setViewport({ width: 1280, height: 900 });
    });

    it('filters the queues by campaign with the keyboard, counts included; “Voir les pratiques reçues” does the same', async () => {
      const { store, nord } = await withCampaigns();
      const el = await mount(store, chair, { queue: 'submitted' });
      expect(text(el, '[data-queue=submitted] .count')).to.equal('(3)');
      const select = q<HTMLSelectElement>(el, '#campaign-filter');
      select.focus();
      expect(active(el)).to.equal(select);
      // Keyboard: the first arrow chooses the next option in a closed <select>.
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(select.value).to.equal(nord.id);
      expect(text(el, '[data-queue=submitted] .count')).to.equal('(1)');
      expect(all(el, '.item h3').map((h) => h.textContent!.trim())).to.deep.equal(['Reçue par le lien générique du Nord']);
      expect(text(el, '.queue .meta')).to.equal('Campagne « Appel du Nord »');
      const listed = await store.list({ campaign: nord.id, states: ['submitted'] }, { actor: chair });
      expect(listed.total).to.equal(1);
      await axeClean(el, 'queue filtered by campaign');
      // From the campaigns' view, the button filters the queues on that campaign.
      select.value = '';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(text(el, '[data-queue=submitted] .count')).to.equal('(3)');
      q(el, 'button[data-view=campaigns]').click();
      await settle(el);
      const show = all<HTMLButtonElement>(el, '.campaign button.link').find((b) => b.textContent!.includes('Réseau LAEP'))!;
      show.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(q<HTMLSelectElement>(el, '#campaign-filter').value).to.not.equal('');
      expect(text(el, '.queue .meta')).to.equal('Campagne « Réseau LAEP »');
    });

    it('shows the organiser, through the campaign’s secret link, its links and counts only', async () => {
      const { store, nord } = await withCampaigns();
      const el = await fixture<PiReviewBoard>(html`<pi-review-board .store=${store} campaign=${nord.id} campaign-token=${nord.organiserToken!}></pi-review-board>`);
      await settle(el);
      expect(text(el, '#campaigns-title')).to.equal('Appel du Nord');
      expect(all(el, '.counts dd').map((d) => d.textContent)).to.deep.equal(['Ouverte', '2', '1', '1']);
      expect(all(el, '.link-text').length).to.equal(2);
      expect(q(el, '.queues'), 'no committee queue').to.equal(null);
      expect(root(el).textContent).to.not.contain(nord.organiserToken!);
      await axeClean(el, 'organiser view');
      const wrong = await fixture<PiReviewBoard>(html`<pi-review-board .store=${store} campaign=${nord.id} campaign-token="faux"></pi-review-board>`);
      await settle(wrong);
      expect(text(wrong, '[role=alert]')).to.equal('Ce lien de campagne n’est pas valide ; demandez-en un nouveau à l’éditeur.');
    });

    it('a store without campaigns shows no campaign view nor filter', async () => {
      const inner = createMemoryStore();
      await inner.submit(validInput(), { idempotencyKey: `camp-${++seq}` });
      const bare: PracticeStore = { submit: inner.submit, get: inner.get, list: inner.list, search: inner.search, send: inner.send, importPractices: inner.importPractices, erasePersonalData: inner.erasePersonalData };
      const el = await mount(bare, chair);
      expect(q(el, 'button[data-view=campaigns]')).to.equal(null);
      expect(q(el, '#campaign-filter')).to.equal(null);
    });
  });

  it('has every message in French, English and German', () => {
    const shape = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? shape(v).map((s) => `${k}.${s}`) : [k])).sort();
    expect(shape(BOARD_STRINGS.en)).to.deep.equal(shape(BOARD_STRINGS.fr));
    expect(shape(BOARD_STRINGS.de)).to.deep.equal(shape(BOARD_STRINGS.fr));
  });

  it('with endpoint and token, asks the server with the token as a bearer', async () => {
    const realFetch = window.fetch;
    const calls: { url: string; auth: string | null }[] = [];
    window.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), auth: new Headers(init?.headers).get('Authorization') });
      if (String(url).endsWith('/me')) return new Response(JSON.stringify({ id: 'c', role: 'chair' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      const counts = { draft: 0, submitted: 0, inReview: 0, complementsRequested: 0, accepted: 0, published: 0, rejected: 0, withdrawn: 0, merged: 0 };
      return new Response(JSON.stringify({ items: [], total: 0, counts: { ...counts, submitted: 4 } }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    try {
      const el = await fixture<PiReviewBoard>(html`<pi-review-board endpoint="https://api.example.org/v1/" token="secret-chair" actor='{"id":"c","role":"chair"}'></pi-review-board>`);
      await settle(el);
      expect(calls.length).to.be.greaterThan(0);
      // Who the token is, the queues, and the campaigns' list (for their view and filter).
      expect(calls[0]!.url).to.equal('https://api.example.org/v1/me');
      expect(calls.every((c) => (c.url.startsWith('https://api.example.org/v1/practices?') || ['https://api.example.org/v1/campaigns', 'https://api.example.org/v1/me'].includes(c.url)) && c.auth === 'Bearer secret-chair')).to.equal(true);
      expect(calls.map((c) => c.url)).to.include('https://api.example.org/v1/practices?offset=0&limit=20&state=submitted');
      expect(text(el, 'button[data-queue=submitted]')).to.equal('Soumise (4)');
    } finally {
      window.fetch = realFetch;
    }
  });

  describe('with endpoint and token: the server says who the token is (GET /me)', () => {
    const ENDPOINT = 'https://api.example.org/v1';
    const TOKENS: Record<string, Actor> = { 'tok-chair': chair, 'tok-rev': reviewer1, 'tok-editor': editor };
    let realFetch: typeof fetch;
    let calls: { method: string; path: string; auth: string | null }[];

    /** The reference server's routes the board uses, over a memory store; the actor comes from the bearer token only. */
    function serve(store: Store, { meFails = 0 } = {}) {
      let failures = meFails;
      calls = [];
      window.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
        const u = new URL(String(url));
        const path = u.pathname.replace(/^\/v1/, '');
        const method = init?.method ?? 'GET';
        const auth = new Headers(init?.headers).get('Authorization');
        calls.push({ method, path, auth });
        const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
        const actor = TOKENS[auth?.replace(/^Bearer /, '') ?? ''];
        if (path === '/me' && failures > 0) {
          failures--;
          return reply(503, { error: { code: 'unavailable', message: 'Base de données indisponible.' } });
        }
        if (!actor) return reply(401, { error: { code: 'forbidden', message: 'Jeton inconnu ou révoqué.' } });
        try {
          if (path === '/me') return reply(200, { id: actor.id, role: actor.role, ...(actor.name ? { name: actor.name } : {}) });
          if (path === '/campaigns') return reply(200, { items: [] });
          if (path === '/practices') {
            const sp = u.searchParams;
            return reply(200, await store.list({
              ...(sp.getAll('state').length ? { states: sp.getAll('state') as ReviewState[] } : {}),
              ...(sp.get('awaitingOpinionOf') ? { awaitingOpinionOf: sp.get('awaitingOpinionOf')! } : {}),
              ...(sp.get('awaitingDecision') ? { awaitingDecision: true } : {}),
              offset: Number(sp.get('offset') ?? 0), limit: Number(sp.get('limit') ?? 50),
            }, { actor }));
          }
          const id = decodeURIComponent(path.split('/')[2] ?? '');
          if (method === 'GET') return (await store.get(id, { actor })) ? reply(200, await store.get(id, { actor })) : reply(404, { error: { code: 'not-found', message: 'Pratique introuvable.' } });
          const body = JSON.parse(String(init?.body));
          return reply(200, await store.send(id, { ...body, actor }, { expectedVersion: Number(new Headers(init?.headers).get('If-Match')) }));
        } catch (e) {
          return e instanceof PracticeStoreError ? reply(409, e.toJSON()) : reply(500, {});
        }
      }) as typeof fetch;
    }

    beforeEach(() => { realFetch = window.fetch; });
    afterEach(() => { window.fetch = realFetch; });

    it('without an actor attribute, takes the token’s member from the server: their queue and their actions', async () => {
      const store = createMemoryStore();
      const p = await practiceIn(store, 'inReview', 'Sans acteur donné');
      serve(store);
      const el = await fixture<PiReviewBoard>(html`<pi-review-board endpoint=${ENDPOINT} token="tok-rev"></pi-review-board>`);
      await settle(el);
      expect(calls.filter((c) => c.path === '/me')).to.deep.equal([{ method: 'GET', path: '/me', auth: 'Bearer tok-rev' }]);
      // A reviewer starts on the practices awaiting their opinion.
      expect(q(el, 'button[data-queue=awaitingMyOpinion]').getAttribute('aria-pressed')).to.equal('true');
      expect(q(el, '#identity-notice')).to.equal(null);
      await open(el, p.id);
      expect(actionButtons(el)).to.deep.equal(allowedEvents(p.review.snapshot, reviewer1).map((a) => a.type));
      await axeClean(el, 'practice of the token’s member');
      // What the board sends is the server's member's: the history names them.
      await chooseAction(el, 'GIVE_OPINION');
      await pickOpinion(el, 'favorable');
      await confirm(el);
      expect((await fresh(store, p.id)).review.opinions.map((o) => o.actor.id)).to.deep.equal([reviewer1.id]);
    });

    it('an actor attribute that disagrees (id or role) gives way to the server’s, said once in a polite notice', async () => {
      const store = createMemoryStore();
      const p = await practiceIn(store, 'accepted', 'Acteur contredit');
      serve(store);
      const el = await fixture<PiReviewBoard>(html`<pi-review-board endpoint=${ENDPOINT} token="tok-rev" actor='{"id":"c-claire","role":"chair","name":"Claire Durand"}'></pi-review-board>`);
      await settle(el);
      const said = BOARD_STRINGS.fr.actorMismatch('Claire Durand (présidence du comité)', 'Alice Martin (membre du comité)');
      expect(all(el, '#identity-notice').map((n) => n.textContent!.trim())).to.deep.equal([said]);
      expect(text(el, '[role=status]')).to.equal(said);
      await open(el, p.id);
      // The reviewer's actions, not the chair's the page claimed.
      expect(actionButtons(el)).to.deep.equal(allowedEvents(p.review.snapshot, reviewer1).map((a) => a.type));
      expect(actionButtons(el)).not.to.deep.equal(allowedEvents(p.review.snapshot, chair).map((a) => a.type));
      expect(all(el, '#identity-notice')).to.have.length(1);
      await axeClean(el, 'mismatch notice');
      el.lang = 'en';
      await settle(el);
      expect(text(el, '#identity-notice')).to.equal(BOARD_STRINGS.en.actorMismatch('Claire Durand (committee chair)', 'Alice Martin (committee member)'));
      // The same id with another role still disagrees; the same member agrees and the notice goes.
      el.actor = { ...reviewer1, role: 'editor' };
      await settle(el);
      expect(q(el, '#identity-notice')).not.to.equal(null);
      el.actor = { id: reviewer1.id, role: 'reviewer' };
      await settle(el);
      expect(q(el, '#identity-notice')).to.equal(null);
      expect(calls.filter((c) => c.path === '/me')).to.have.length(1);
    });

    it('a wrong or revoked token gives the “not allowed” state, never an empty board', async () => {
      const store = createMemoryStore();
      await practiceIn(store, 'submitted');
      serve(store);
      const el = await fixture<PiReviewBoard>(html`<pi-review-board endpoint=${ENDPOINT} token="tok-revoked" actor='{"id":"c-claire","role":"chair"}'></pi-review-board>`);
      await settle(el);
      expect(text(el, '#token-refused')).to.equal(BOARD_STRINGS.fr.tokenRefused);
      expect(BOARD_STRINGS.fr.tokenRefused).to.contain('réservé aux membres du comité');
      expect(q(el, '.queues')).to.equal(null);
      expect(calls.map((c) => c.path)).to.deep.equal(['/me']);
      await axeClean(el, 'token refused');
    });

    it('switching tokens (a demo’s role switcher) seats the new token’s member', async () => {
      const store = createMemoryStore();
      const p = await practiceIn(store, 'accepted', 'Changement de jeton');
      serve(store);
      const el = await fixture<PiReviewBoard>(html`<pi-review-board endpoint=${ENDPOINT} token="tok-chair" practice=${p.id}></pi-review-board>`);
      await settle(el);
      expect(text(el, '#practice-title')).to.equal('Changement de jeton');
      expect(actionButtons(el)).to.deep.equal(allowedEvents(p.review.snapshot, chair).map((a) => a.type));
      el.token = 'tok-editor';
      await settle(el);
      expect(actionButtons(el)).to.deep.equal(allowedEvents(p.review.snapshot, editor).map((a) => a.type));
      expect(calls.filter((c) => c.path === '/me').map((c) => c.auth)).to.deep.equal(['Bearer tok-chair', 'Bearer tok-editor']);
      el.token = 'tok-revoked';
      await settle(el);
      expect(q(el, '#token-refused')).not.to.equal(null);
      expect(q(el, '.practice')).to.equal(null);
    });

    it('says when the server could not be asked, and asks again on request', async () => {
      const store = createMemoryStore();
      await practiceIn(store, 'submitted');
      serve(store, { meFails: 1 });
      const el = await fixture<PiReviewBoard>(html`<pi-review-board endpoint=${ENDPOINT} token="tok-chair"></pi-review-board>`);
      await settle(el);
      expect(text(el, '[role=alert]')).to.contain('Base de données indisponible.');
      await axeClean(el, 'identity unavailable');
      q<HTMLButtonElement>(el, '[role=alert] button').click();
      await settle(el);
      expect(text(el, 'button[data-queue=submitted]')).to.equal('Soumise (1)');
    });

    it('with a store, keeps the store mode: the actor given, no question to the server', async () => {
      const store = createMemoryStore();
      await practiceIn(store, 'submitted');
      serve(store);
      const el = await fixture<PiReviewBoard>(html`<pi-review-board .store=${store} endpoint=${ENDPOINT} token="tok-rev" .actor=${chair}></pi-review-board>`);
      await settle(el);
      expect(calls).to.deep.equal([]);
      expect(q(el, 'button[data-queue=submitted]').getAttribute('aria-pressed')).to.equal('true');
      expect(q(el, '#identity-notice')).to.equal(null);
    });
  });

  it('takes a host\'s colours from --pi-* set on an ancestor', async () => {
    const store = createMemoryStore();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--pi-primary: rgb(107, 45, 92)"><pi-review-board .store=${store} .actor=${chair}></pi-review-board></div>`);
    const el = wrapper.querySelector('pi-review-board')!;
    await settle(el);
    expect(getComputedStyle(q(el, 'button[aria-pressed=true]')).backgroundColor).to.equal('rgb(107, 45, 92)');
  });

  it('the CDN file carries the element', async () => {
    const mod = await import('../../dist/cdn/pi-review-board.min.js' as string);
    expect(mod.PiReviewBoard).to.be.a('function');
    customElements.define('pi-review-board-cdn', class extends mod.PiReviewBoard {});
    const store = createMemoryStore();
    await practiceIn(store, 'submitted');
    const el = await fixture<PiReviewBoard>(html`<pi-review-board-cdn .store=${store} .actor=${chair}></pi-review-board-cdn>`);
    await settle(el);
    expect(text(el, 'button[data-queue=submitted]')).to.equal('Soumise (1)');
  });
});
