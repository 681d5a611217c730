// The declarant's follow-up page (<pi-declaration-form practice token>), used as a person would, over a real memory store.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { defineDeclarationForm } from '../../widgets/declaration-form/define.js';
import type { PiDeclarationForm } from '../../widgets/declaration-form/declaration-form.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { PracticeStore } from '../../src/store/port.js';
import type { DeclarantPractice, Practice } from '../../src/model.js';
import { validInput } from '../support/declarations.js';
import { declarantDataFile, followUpLink, followUpParams } from '../../widgets/declaration-form/follow-up.js';
import { setFollowUpLoader } from '../../widgets/declaration-form/follow-up-loader.js';

defineDeclarationForm();

declare global {
  interface Window { axe: { run(el: Element, opts?: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }
}

const chair = { id: 'chair-1', role: 'chair' } as const;
const reviewer = { id: 'reviewer-7', role: 'reviewer' } as const;
// Words a reviewer's opinion carries, which the declarant must never read.
const OPINION = 'Avis confidentiel : porteur peu fiable, à surveiller';
const MESSAGE = 'Merci de préciser le public visé et le nombre de familles accompagnées chaque année.';
let n = 0;
const newKey = () => `declarant-${Date.now()}-${++n}`;

type Store = ReturnType<typeof createMemoryStore>;

/** A practice as the committee leaves it: reviewed, an opinion given, complements requested (or stopped earlier). */
async function practiceIn(store: Store, until: 'submitted' | 'inReview' | 'complementsRequested' = 'complementsRequested') {
  const submitted = await store.submit(validInput(), { idempotencyKey: newKey() });
  const id = submitted.id;
  const token = submitted.declarantToken;
  if (until === 'submitted') return { id, token };
  let p = await store.send(id, { type: 'START_REVIEW', actor: chair }, { expectedVersion: submitted.version });
  p = await store.send(id, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'reserve', comment: OPINION }, { expectedVersion: p.version });
  if (until === 'inReview') return { id, token };
  await store.send(id, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: MESSAGE }, { expectedVersion: p.version });
  return { id, token };
}

const committeeView = async (store: PracticeStore, id: string) => (await store.get(id, { actor: chair })) as Practice;

async function waitFor(check: () => unknown, what: string, ms = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const root = (el: PiDeclarationForm) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PiDeclarationForm, selector: string) => root(el).querySelector<T>(selector) as T;
const text = (el: PiDeclarationForm) => root(el).textContent ?? '';
const active = (el: PiDeclarationForm) => root(el).activeElement as HTMLElement | null;
const describe_ = (e: Element | null) => (e ? `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}> ${e.textContent?.trim().slice(0, 40)}` : 'nothing');
/** Compares by description: chai would try to serialise the elements (and the store behind them) and stall the run. */
function expectFocus(el: PiDeclarationForm, target: Element | null | undefined, why = '') {
  expect(describe_(active(el)), why).to.equal(describe_(target ?? null));
  expect(active(el) === target, why).to.equal(true);
}
/** An element that must not be there, named if it is. */
const expectAbsent = (e: Element | null | undefined, why = '') => expect(e ? describe_(e) : 'absent', why).to.equal('absent');
const heading = (el: PiDeclarationForm) => q(el, 'h2')?.textContent?.trim();
const button = (el: PiDeclarationForm, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);

async function mount(store: PracticeStore | undefined, id: string, token: string, lang = 'fr') {
  const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form lang=${lang} practice=${id} token=${token} .store=${store}></pi-declaration-form>`);
  await waitFor(() => q(el, '[aria-busy]') === null, 'the follow-up to load');
  await el.updateComplete;
  return el;
}

async function axeClean(el: PiDeclarationForm, label: string) {
  const { violations } = await window.axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
  expect(violations.map((v) => `${v.id}: ${v.help}`), `axe at ${label}`).to.deep.equal([]);
}

async function tabTo(el: PiDeclarationForm, target: HTMLElement, max = 250) {
  for (let i = 0; i < max; i++) {
    if (active(el) === target) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`not reachable by Tab: ${target.id || target.outerHTML.slice(0, 80)}`);
}

async function press(el: PiDeclarationForm, target: Element | null | undefined, key = 'Enter') {
  expect(!!target, 'the control exists').to.equal(true);
  await tabTo(el, target as HTMLElement);
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Replaces a text field's value with the keyboard: select all, then type. */
async function retype(el: PiDeclarationForm, id: string, value: string) {
  await tabTo(el, q(el, `#${id}`));
  await sendKeys({ press: 'Control+A' });
  await sendKeys({ type: value });
  await el.updateComplete;
}

const nextButton = (el: PiDeclarationForm) => q<HTMLButtonElement>(el, 'button[type=submit]');

/** On the practice step, where complements open: edit the title, walk to the recap by "Suivant", and stop there. */
async function editTitle(el: PiDeclarationForm, title: string) {
  expect(heading(el)).to.equal('Présentation de la pratique');
  await retype(el, 'f-title', title);
  for (let i = 0; i < 3; i++) await press(el, nextButton(el));
  expect(heading(el)).to.equal('Récapitulatif et envoi');
}

/** A store whose `send` fails like a network: `landed` when the write happened before the answer was lost. */
function failingStore(inner: Store, failures: { landed: boolean }[]) {
  const calls: string[] = [];
  const store: PracticeStore = {
    ...inner,
    async send(...args: Parameters<PracticeStore['send']>) {
      calls.push(args[1].type);
      const failure = failures.shift();
      if (failure) {
        if (failure.landed) await inner.send(...args);
        throw Object.assign(new Error('Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.'), { name: 'PracticeStoreError', code: 'unavailable' });
      }
      return inner.send(...args);
    },
  };
  return { store, calls };
}

describe('<pi-declaration-form practice token>: the declarant\'s follow-up', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('shows the request, lets the declarant edit with the keyboard and send complements: the practice is back in review', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const actions: string[] = [];
    const el = await mount(store, id, token);
    el.addEventListener('pi-declarant-action', (e) => actions.push(e.detail.action));
    expect(heading(el)).to.equal('Suivi de votre déclaration');
    expectFocus(el, q(el, 'h2'), 'focus goes to the page heading once loaded');
    expect(text(el)).to.contain((await committeeView(store, id)).reference);
    expect(q(el, '.state').textContent).to.equal('Compléments demandés');
    expect(q(el, '.request h3').textContent).to.equal('Le comité de sélection vous demande des compléments');
    expect(q(el, '.request blockquote p').textContent).to.equal(MESSAGE);
    expect(q(el, '.request blockquote footer').textContent).to.contain('La présidence du comité');
    const history = [...root(el).querySelectorAll('.history li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(history).to.have.length(3, 'the opinion is not in the history');
    expect(history[0]).to.match(/Vous : déclaration envoyée$/);
    expect(history[1]).to.match(/La présidence du comité : examen commencé$/);
    expect(text(el)).not.to.contain(OPINION);
    expect(text(el)).not.to.contain(reviewer.id);
    await axeClean(el, 'follow-up, complements requested');

    await press(el, button(el, 'Apporter les compléments'));
    expect(heading(el), 'the practice\'s own step, prefilled').to.equal('Présentation de la pratique');
    expectFocus(el, q(el, 'h2'));
    expect(q<HTMLInputElement>(el, '#f-title').value).to.equal(validInput().title);
    expect(q<HTMLInputElement>(el, '#f-implementationDate').value, 'the date as typed').to.equal('21/12/2014');
    expect(q<HTMLInputElement>(el, '#f-scale-departementale').checked).to.equal(true);
    expect(q(el, '.request blockquote p').textContent, 'the message stays in sight while editing').to.equal(MESSAGE);
    await axeClean(el, 'complements, practice step');
    await editTitle(el, 'Groupes de parole pour parents, de 11 à 17 ans');
    expect(nextButton(el).textContent).to.equal('Envoyer les compléments');
    expect(q(el, '.request blockquote p').textContent).to.equal(MESSAGE);
    await axeClean(el, 'complements recap');
    await press(el, nextButton(el));
    await waitFor(() => q(el, '#notice'), 'the confirmation');
    expect(q(el, '#notice').textContent).to.contain('Vos compléments sont envoyés');
    expectFocus(el, q(el, '#notice'));
    expect(q(el, '.state').textContent).to.equal('En cours d’examen');

    const stored = await committeeView(store, id);
    expect(stored.review.state).to.equal('inReview');
    expect(stored.declaration!.title).to.equal('Groupes de parole pour parents, de 11 à 17 ans');
    expect(stored.declaration!.description, 'what was not edited is sent as it was').to.equal(validInput().description);
    expect(stored.review.opinions, 'complements keep the round\'s opinions').to.have.length(1);
    expect(actions).to.deep.equal(['PROVIDE_COMPLEMENTS']);
    expect(localStorage.getItem(`pi-declaration-form:complements:${id}`), 'the draft goes once the store confirms').to.equal(null);
    expectAbsent(button(el, 'Apporter les compléments'), 'no longer allowed');
    expect(text(el)).to.contain('Aucune action n’est attendue de vous pour le moment.');
    await axeClean(el, 'complements sent');
  });

  it('a wrong token, a missing token or an unknown practice all say the link is not valid, and what to do', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    // The same length, one character changed.
    const wrong = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    for (const [practice, secret] of [[id, wrong], [id, ''], ['p_inconnue', token]] as const) {
      const el = await mount(store, practice, secret);
      expect(heading(el)).to.equal('Ce lien de suivi n’est pas valide');
      expect(text(el)).to.contain('Vérifiez qu’il a été copié en entier');
      expect(text(el)).to.contain('en indiquant sa référence');
      expect(text(el), 'nothing of the practice shows').not.to.match(/PI-\d{4}/);
      expectFocus(el, q(el, 'h2'));
      await axeClean(el, `invalid link (${practice}, ${secret.length})`);
    }
  });

  it('withdraws after a confirmation that takes focus, and gives it back when cancelled', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store, 'submitted');
    const el = await mount(store, id, token);
    expect(q(el, '.state').textContent).to.equal('Soumise');
    const withdraw = q<HTMLButtonElement>(el, '#withdraw-button');
    expect(withdraw.textContent).to.equal('Retirer la pratique');
    await press(el, withdraw);
    expectFocus(el, q(el, '#confirm-withdraw-text'));
    expect(active(el)!.textContent).to.contain('Ce choix est définitif');
    await axeClean(el, 'withdraw confirmation');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expectAbsent(q(el, '#confirm-withdraw-text'));
    expectFocus(el, q(el, '#withdraw-button'), 'Escape returns to the button');
    expect((await committeeView(store, id)).review.state).to.equal('submitted');

    await press(el, q(el, '#withdraw-button'));
    await tabTo(el, q(el, '#f-withdraw-reason'));
    await sendKeys({ type: 'Le dispositif s’arrête en juin.' });
    await press(el, button(el, 'Oui, retirer la pratique'));
    await waitFor(() => q(el, '#notice'), 'the withdrawal');
    expect(q(el, '#notice').textContent).to.contain('Votre pratique est retirée.');
    expectFocus(el, q(el, '#notice'));
    const stored = await committeeView(store, id);
    expect(stored.review.state).to.equal('withdrawn');
    expect(stored.review.history.at(-1)!.comment).to.equal('Le dispositif s’arrête en juin.');
    expectAbsent(q(el, '#withdraw-button'), 'the domain no longer allows it');
    await axeClean(el, 'withdrawn');
  });

  it('offers only what the domain allows: nothing to do while in review', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store, 'inReview');
    const el = await mount(store, id, token);
    expect(q(el, '.state').textContent).to.equal('En cours d’examen');
    expectAbsent(q(el, '#withdraw-button'));
    expectAbsent(button(el, 'Apporter les compléments'));
    expectAbsent(q(el, '.request'));
    expect(text(el)).to.contain('Aucune action n’est attendue de vous pour le moment.');
    expect(text(el), 'the opinion given in review').not.to.contain(OPINION);
    expect(text(el)).not.to.match(/réservé|favorable/i);
  });

  it('keeps the complements as a draft that survives re-creating the element', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const el = await mount(store, id, token);
    await press(el, button(el, 'Apporter les compléments'));
    await retype(el, 'f-entityName', 'Association Grandir Ensemble (antenne de Roubaix)');
    window.dispatchEvent(new Event('pagehide')); // a reload
    el.remove();

    const again = await mount(store, id, token);
    expect(heading(again)).to.equal('Suivi de votre déclaration');
    expect(q(again, '.request').textContent).to.match(/Vous avez commencé vos compléments le .+\s; ils vous attendent\./);
    await press(again, button(again, 'Reprendre mes compléments'));
    expect(heading(again)).to.equal('Présentation de la pratique');
    expect(q<HTMLInputElement>(again, '#f-entityName').value).to.equal('Association Grandir Ensemble (antenne de Roubaix)');
    // "Revenir au suivi" keeps the draft too.
    await press(again, button(again, 'Revenir au suivi'));
    expect(heading(again)).to.equal('Suivi de votre déclaration');
    expect(JSON.parse(localStorage.getItem(`pi-declaration-form:complements:${id}`)!).data.entityName).to.equal('Association Grandir Ensemble (antenne de Roubaix)');
    expect((await committeeView(store, id)).declaration!.entityName, 'nothing is sent before "Envoyer"').to.equal(validInput().entityName);
  });

  it('a network failure keeps the edits and offers to retry; the retry sends once', async () => {
    const inner = createMemoryStore();
    const { id, token } = await practiceIn(inner);
    const { store, calls } = failingStore(inner, [{ landed: false }]);
    const errors: string[] = [];
    const el = await mount(store, id, token);
    el.addEventListener('pi-declarant-action-error', (e) => errors.push(`${e.detail.action}:${e.detail.code}:${e.detail.retryable}`));
    await press(el, button(el, 'Apporter les compléments'));
    await editTitle(el, 'Titre complété');
    await press(el, nextButton(el));
    await waitFor(() => q(el, '#send-error'), 'the failure');
    expect(q(el, '[role=alert]').textContent).to.contain('L’envoi n’a pas abouti.');
    expect(q(el, '[role=alert]').textContent).to.contain('Rien n’est perdu');
    expectFocus(el, q(el, '#send-error'));
    expect(nextButton(el).textContent).to.equal('Réessayer l’envoi');
    expect(JSON.parse(localStorage.getItem(`pi-declaration-form:complements:${id}`)!).data.title).to.equal('Titre complété');
    expect(errors).to.deep.equal(['PROVIDE_COMPLEMENTS:unavailable:true']);
    await axeClean(el, 'complements failed');

    await press(el, nextButton(el));
    await waitFor(() => q(el, '#notice'), 'the retry');
    expect(q(el, '#notice').textContent).to.contain('Vos compléments sont envoyés');
    expect(calls).to.deep.equal(['PROVIDE_COMPLEMENTS', 'PROVIDE_COMPLEMENTS']);
    const stored = await committeeView(inner, id);
    expect(stored.review.state).to.equal('inReview');
    expect(stored.declaration!.title).to.equal('Titre complété');
    expect(stored.review.history.filter((h) => h.type === 'PROVIDE_COMPLEMENTS')).to.have.length(1);
  });

  it('a retry after a lost answer is refused as stale, and the page recognises its own complements', async () => {
    const inner = createMemoryStore();
    const { id, token } = await practiceIn(inner);
    const { store, calls } = failingStore(inner, [{ landed: true }]);
    const el = await mount(store, id, token);
    await press(el, button(el, 'Apporter les compléments'));
    await editTitle(el, 'Titre complété une fois');
    await press(el, nextButton(el));
    await waitFor(() => q(el, '#send-error'), 'the lost answer');
    await press(el, nextButton(el)); // "Réessayer l'envoi": the store answers version-conflict
    await waitFor(() => q(el, '#notice'), 'the reload');
    expect(q(el, '#notice').textContent).to.contain('Vos compléments avaient bien été enregistrés');
    expect(q(el, '.state').textContent).to.equal('En cours d’examen');
    expect(calls).to.have.length(2);
    const stored = await committeeView(inner, id);
    expect(stored.review.history.filter((h) => h.type === 'PROVIDE_COMPLEMENTS'), 'applied exactly once').to.have.length(1);
    expect(stored.declaration!.title).to.equal('Titre complété une fois');
    expect(localStorage.getItem(`pi-declaration-form:complements:${id}`)).to.equal(null);
  });

  it('after a lost answer and a reload, the page says the complements had been received', async () => {
    const inner = createMemoryStore();
    const { id, token } = await practiceIn(inner);
    const { store } = failingStore(inner, [{ landed: true }]);
    const el = await mount(store, id, token);
    await press(el, button(el, 'Apporter les compléments'));
    await editTitle(el, 'Titre envoyé avant la coupure');
    await press(el, nextButton(el));
    await waitFor(() => q(el, '#send-error'), 'the lost answer');
    el.remove();
    const again = await mount(inner, id, token);
    expect(q(again, '#notice').textContent).to.contain('Vos compléments avaient bien été enregistrés');
    expect(localStorage.getItem(`pi-declaration-form:complements:${id}`)).to.equal(null);
  });

  it('erases the contact after a confirmation, and says what it means', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const el = await mount(store, id, token);
    const actions: string[] = [];
    el.addEventListener('pi-declarant-action', (e) => actions.push(e.detail.action));
    expect(text(el)).to.contain('camille.martin@example.org');
    await press(el, q(el, '#erase-button'));
    expectFocus(el, q(el, '#confirm-erase-text'));
    expect(active(el)!.textContent).to.contain('Le comité ne pourra plus vous contacter');
    await axeClean(el, 'erase confirmation');
    await press(el, button(el, 'Annuler'));
    expectFocus(el, q(el, '#erase-button'));
    await press(el, q(el, '#erase-button'));
    await press(el, button(el, 'Oui, effacer mes coordonnées'));
    await waitFor(() => q(el, '#notice'), 'the erasure');
    expect(q(el, '#notice').textContent).to.match(/Vos coordonnées ont été effacées le \d\d\/\d\d\/\d{4}\./);
    expect(q(el, '#notice').textContent).to.contain('Le comité de sélection ne peut plus vous contacter');
    expect(text(el)).not.to.contain('camille.martin@example.org');
    expectAbsent(q(el, '#erase-button'));
    expect(actions).to.deep.equal(['ERASE_PERSONAL_DATA']);
    const stored = await committeeView(store, id);
    expect(stored.declaration!.declarant.email).to.equal('');
    expect(stored.personalDataErasedAt).to.be.a('string');
    await axeClean(el, 'erased');

    // Complements after an erasure ask for the contact again: the domain's rule, shown where it is typed.
    await press(el, button(el, 'Apporter les compléments'));
    for (let i = 0; i < 3; i++) await press(el, nextButton(el));
    expect(heading(el)).to.equal('Contact et accord du département');
    expectFocus(el, q(el, '.summary'));
    expect(q(el, '.summary').textContent).to.contain('Nom et prénom');
  });

  it('downloads the declarant\'s view as JSON, without any opinion', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const el = await mount(store, id, token);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => { blobs.push(blob as Blob); return original.call(URL, blob); };
    try {
      await press(el, button(el, 'Télécharger mes données'));
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs).to.have.length(1);
    const raw = await blobs[0]!.text();
    const file = JSON.parse(raw) as { format: string; practice: DeclarantPractice };
    expect(file.format).to.equal('pratiques-inspirantes/declarant-data/1');
    expect(file.practice.id).to.equal(id);
    expect(file.practice.declaration!.declarant.email).to.equal('camille.martin@example.org');
    expect(file.practice.review.history.map((h) => h.type)).to.deep.equal(['SUBMIT', 'START_REVIEW', 'REQUEST_COMPLEMENTS']);
    expect(raw).not.to.contain(OPINION);
    expect(raw).not.to.contain('opinions');
    expect(raw).not.to.contain(token);
    await waitFor(() => q(el, '[role=status]').textContent, 'the announcement');
    expect(q(el, '[role=status]').textContent).to.match(/^Le fichier PI-\d{4}-\d{6}-mes-donnees\.json est prêt\.$/);
  });

  it('has no axe violation at 375 px, and no horizontal scrolling', async () => {
    await setViewport({ width: 375, height: 800 });
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const el = await mount(store, id, token);
    await axeClean(el, 'follow-up at 375 px');
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    await press(el, q(el, '#withdraw-button'));
    await axeClean(el, 'withdraw confirmation at 375 px');
    await press(el, button(el, 'Annuler'));
    await press(el, button(el, 'Apporter les compléments'));
    await axeClean(el, 'complements at 375 px');
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    const invalid = await mount(store, id, 'wrong');
    await axeClean(invalid, 'invalid link at 375 px');
  });

  it('speaks English and German', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const en = await mount(store, id, token, 'en');
    expect(heading(en)).to.equal('Follow-up of your declaration');
    expect(q(en, '.state').textContent).to.equal('Complements requested');
    expect(q(en, '.request h3').textContent).to.equal('The selection committee asks you for complements');
    expect(button(en, 'Provide the complements')).to.exist;
    expect(button(en, 'Withdraw')).to.exist;
    expect(button(en, 'Download my data')).to.exist;
    const de = await mount(store, id, token, 'de');
    expect(heading(de)).to.equal('Stand Ihrer Meldung');
    expect(q(de, '.state').textContent).to.equal('Ergänzungen angefordert');
    expect(button(de, 'Meine Kontaktdaten löschen')).to.exist;
    const invalid = await mount(store, id, 'wrong', 'de');
    expect(heading(invalid)).to.equal('Dieser Link ist ungültig');
  });

  it('when the store does not answer, says so and loads on "Réessayer"', async () => {
    const inner = createMemoryStore();
    const { id, token } = await practiceIn(inner);
    let down = true;
    const store: PracticeStore = {
      ...inner,
      async get(...args) {
        if (down) throw Object.assign(new Error('Le serveur des pratiques ne répond pas.'), { name: 'PracticeStoreError', code: 'unavailable' });
        return inner.get(...args);
      },
    };
    const el = await mount(store, id, token);
    expect(heading(el)).to.equal('Le suivi ne peut pas être affiché pour le moment');
    expect(q(el, '[role=alert]').textContent).to.equal('Le serveur des pratiques ne répond pas.');
    await axeClean(el, 'unavailable');
    down = false;
    await press(el, button(el, 'Réessayer'));
    await waitFor(() => q(el, '.state'), 'the reload');
    expect(q(el, '.state').textContent).to.equal('Compléments demandés');
  });

  it('when the follow-up page\'s own code does not arrive, says so and fetches it again on "Réessayer"', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    let attempts = 0;
    setFollowUpLoader(() => {
      attempts++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    });
    try {
      const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form practice=${id} token=${token} .store=${store}></pi-declaration-form>`);
      await waitFor(() => q(el, '[role=alert]'), 'the unavailable state');
      expect(heading(el)).to.equal('Le suivi ne peut pas être affiché pour le moment');
      expect(q(el, '[role=alert]').textContent).to.contain('vérifiez votre connexion');
      expectFocus(el, q(el, 'h2'));
      await axeClean(el, 'follow-up code unavailable');
      await press(el, button(el, 'Réessayer'));
      await waitFor(() => attempts === 2 && q(el, '[role=alert]'), 'the second failure');
      expect(heading(el)).to.equal('Le suivi ne peut pas être affiché pour le moment');

      setFollowUpLoader(); // the network is back
      await press(el, button(el, 'Réessayer'));
      await waitFor(() => q(el, '.state'), 'the follow-up once its code arrives');
      expect(q(el, '.state').textContent).to.equal('Compléments demandés');
      expect(attempts).to.equal(2);
    } finally {
      setFollowUpLoader();
    }
  });

  it('waits for a store set just after the element is on the page; says so when none comes', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const late = await fixture<PiDeclarationForm>(html`<pi-declaration-form practice=${id} token=${token}></pi-declaration-form>`);
    expect(q(late, '[role=status]').textContent).to.equal('Chargement du suivi…');
    await new Promise((r) => setTimeout(r, 100)); // a host awaiting something before it sets the store
    late.store = store;
    await waitFor(() => q(late, '.state'), 'the follow-up once the store is set');
    expect(q(late, '.state').textContent).to.equal('Compléments demandés');

    const alone = await fixture<PiDeclarationForm>(html`<pi-declaration-form practice=${id} token=${token}></pi-declaration-form>`);
    await waitFor(() => q(alone, '[role=alert]'), 'the not-connected message', 4000);
    expect(heading(alone)).to.equal('Le suivi ne peut pas être affiché pour le moment');
    expect(q(alone, '[role=alert]').textContent).to.contain('n’est pas relié à un service d’enregistrement');
  });

  it('reads pratique and jeton from the page address only with follow-up-from-url', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const before = location.href;
    history.replaceState(null, '', followUpLink(id, token, location.href));
    try {
      const opted = await fixture<PiDeclarationForm>(html`<pi-declaration-form follow-up-from-url .store=${store}></pi-declaration-form>`);
      await waitFor(() => q(opted, '.state'), 'the follow-up from the address');
      expect(q(opted, '.state').textContent).to.equal('Compléments demandés');
      const plain = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} .store=${store}></pi-declaration-form>`);
      expect(heading(plain), 'without the attribute, a new declaration').to.equal('Informations préalables');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('with an endpoint, speaks the HTTP contract: the token only in Authorization, If-Match on events', async () => {
    const store = createMemoryStore();
    const { id, token } = await practiceIn(store);
    const calls: { method: string; url: string; auth: string | null; ifMatch: string | null; body: string }[] = [];
    const realFetch = window.fetch;
    // The reference server's routes over the memory store; the actor comes from the bearer token, as on the server.
    window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const headers = new Headers(init.headers);
      const method = init.method ?? 'GET';
      calls.push({ method, url: url.href, auth: headers.get('Authorization'), ifMatch: headers.get('If-Match'), body: String(init.body ?? '') });
      const actor = { id: 'declarant', role: 'declarant' as const, token: headers.get('Authorization')?.replace(/^Bearer /, '') };
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
      try {
        const [, , practiceId, tail] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
        if (method === 'GET') {
          const view = await store.get(practiceId!, { actor });
          return view ? json(200, view) : json(404, { error: { code: 'not-found', message: 'Pratique introuvable.' } });
        }
        if (method === 'POST' && tail === 'events') {
          return json(200, await store.send(practiceId!, { ...JSON.parse(String(init.body)), actor }, { expectedVersion: Number(headers.get('If-Match')) }));
        }
        if (method === 'DELETE' && tail === 'personal-data') return json(200, await store.erasePersonalData(practiceId!, { actor }));
        return json(404, { error: { code: 'not-found', message: 'Route inconnue.' } });
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'unavailable';
        return json(code === 'version-conflict' ? 409 : 400, { error: { code, message: (e as Error).message } });
      }
    }) as typeof fetch;
    try {
      const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form endpoint="https://api.example.org/v1" practice=${id} token=${token}></pi-declaration-form>`);
      await waitFor(() => q(el, '.state'), 'the follow-up over HTTP');
      expect(q(el, '.state').textContent).to.equal('Compléments demandés');
      await press(el, button(el, 'Apporter les compléments'));
      await editTitle(el, 'Titre envoyé par HTTP');
      await press(el, nextButton(el));
      await waitFor(() => q(el, '#notice'), 'the complements over HTTP');
      await press(el, q(el, '#erase-button'));
      await press(el, button(el, 'Oui, effacer mes coordonnées'));
      await waitFor(() => q(el, '#notice')?.textContent?.includes('effacées'), 'the erasure over HTTP');
      expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([
        `GET https://api.example.org/v1/practices/${id}`,
        `POST https://api.example.org/v1/practices/${id}/events`,
        `DELETE https://api.example.org/v1/practices/${id}/personal-data`,
      ]);
      expect(calls.every((c) => c.auth === `Bearer ${token}`)).to.equal(true);
      expect(calls.some((c) => c.url.includes(token) || c.body.includes(token)), 'the secret travels only in the header').to.equal(false);
      expect(calls[1]!.ifMatch).to.equal('4');
      expect(JSON.parse(calls[1]!.body).type).to.equal('PROVIDE_COMPLEMENTS');
      const stored = await committeeView(store, id);
      expect(stored.declaration!.title).to.equal('Titre envoyé par HTTP');
      expect(stored.personalDataErasedAt).to.be.a('string');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('builds follow-up links from a template or from the page, and reads them back', () => {
    expect(followUpLink('p_1', 'a b', 'https://asso.example/declarer?x=1#haut')).to.equal('https://asso.example/declarer?x=1&pratique=p_1&jeton=a+b');
    expect(followUpLink('p_1', 'a&b', 'https://asso.example/declarer', 'https://partenaire.example/suivi?pratique={id}&jeton={token}'))
      .to.equal('https://partenaire.example/suivi?pratique=p_1&jeton=a%26b');
    expect(followUpLink('p_1', 't', 'https://asso.example/a/declarer', '../suivi/{id}?jeton={token}')).to.equal('https://asso.example/suivi/p_1?jeton=t');
    expect(followUpParams('https://asso.example/?pratique=p_1&jeton=a%26b')).to.deep.equal({ practice: 'p_1', token: 'a&b' });
    expect(followUpParams('https://asso.example/?pratique=p_1')).to.deep.equal({ practice: 'p_1', token: '' });
    expect(followUpParams('https://asso.example/?jeton=t')).to.equal(undefined);
    expect(declarantDataFile({ reference: 'PI-2026-000001' } as DeclarantPractice).name).to.equal('PI-2026-000001-mes-donnees.json');
  });
});
