// <pi-declaration-form> used as a person would: keyboard only, in Chromium, against a real store.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { defineDeclarationForm } from '../../widgets/declaration-form/define.js';
import { PiDeclarationForm } from '../../widgets/declaration-form/declaration-form.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { PracticeStore } from '../../src/store/port.js';
import type { Practice } from '../../src/model.js';

defineDeclarationForm();
defineDeclarationForm(); // a page that loads the script twice

declare global {
  interface Window { axe: { run(el: Element, opts?: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }
}

const chair = { id: 'c', role: 'chair' } as const;
let n = 0;
const newKey = () => `test-${Date.now()}-${++n}`;

async function mount(store?: PracticeStore, key = newKey()) {
  return fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} .store=${store}></pi-declaration-form>`);
}

const root = (el: PiDeclarationForm) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PiDeclarationForm, selector: string) => root(el).querySelector<T>(selector) as T;
const active = (el: PiDeclarationForm) => root(el).activeElement as HTMLElement | null;
const heading = (el: PiDeclarationForm) => q(el, 'h2').textContent?.trim();
const errors = (el: PiDeclarationForm) => [...root(el).querySelectorAll('.error')].map((e) => e.textContent?.trim());

async function axeClean(el: PiDeclarationForm, label: string) {
  const { violations } = await window.axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
  expect(violations.map((v) => `${v.id}: ${v.help}`), `axe at ${label}`).to.deep.equal([]);
}

/** Presses Tab until `target` has focus: the control is reachable by keyboard. */
async function tabTo(el: PiDeclarationForm, target: HTMLElement, max = 250) {
  for (let i = 0; i < max; i++) {
    if (active(el) === target) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`not reachable by Tab: ${target.id || target.outerHTML.slice(0, 80)}`);
}

async function typeInto(el: PiDeclarationForm, id: string, text: string) {
  const input = q(el, `#${id}`);
  await tabTo(el, input);
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function tick(el: PiDeclarationForm, id: string) {
  await tabTo(el, q(el, `#${id}`));
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
}

/** Chooses a radio as a keyboard user does: Tab into the group, then arrows (Space on the first one). */
async function choose(el: PiDeclarationForm, group: string, code: string) {
  const radios = [...root(el).querySelectorAll<HTMLInputElement>(`#f-${group} input[type=radio]`)];
  const index = radios.findIndex((r) => r.id === `f-${group}-${code}`);
  await tabTo(el, radios.find((r) => r.checked) ?? radios[0]!);
  const from = radios.findIndex((r) => r === active(el));
  if (index === from) await sendKeys({ press: 'Space' });
  for (let i = from; i < index; i++) await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
  expect(q<HTMLInputElement>(el, `#f-${group}-${code}`).checked, `${group}: ${code}`).to.equal(true);
}

async function pressNext(el: PiDeclarationForm) {
  await tabTo(el, q(el, 'button[type=submit]'));
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await el.updateComplete;
}

async function fillAllSteps(el: PiDeclarationForm) {
  await tick(el, 'f-conditionsAccepted');
  await pressNext(el);
  await typeInto(el, 'f-implementationDate', '21/12/2014');
  await typeInto(el, 'f-entityName', 'Association Grandir Ensemble 59');
  await typeInto(el, 'f-title', 'Groupes de parole pour parents');
  await typeInto(el, 'f-description', 'Des groupes mensuels réunissent parents et professionnels.');
  await choose(el, 'scale', 'departementale');
  await tick(el, 'f-interventionTypes-accueil-de-jour');
  await tick(el, 'f-themes-education');
  await tick(el, 'f-audiences-adolescents');
  await choose(el, 'relay', 'association');
  await pressNext(el);
  await typeInto(el, 'f-location-departments-search', 'nord');
  await tick(el, 'f-location-departments-59');
  await pressNext(el);
  await tick(el, 'f-departmentAgreement-obtained');
  await typeInto(el, 'f-departmentAgreement-representative', 'Conseil départemental du Nord');
  await typeInto(el, 'f-declarant-name', 'Camille Martin');
  await typeInto(el, 'f-declarant-email', 'camille.martin@example.org');
  await tick(el, 'f-declarant-accuracyCertified');
  await pressNext(el);
}

/** A store that fails `failures` times before letting writes through. */
function flakyStore(failures: number): PracticeStore & { calls: number; inner: ReturnType<typeof createMemoryStore> } {
  const inner = createMemoryStore();
  const store = {
    calls: 0,
    inner,
    async submit(...args: Parameters<PracticeStore['submit']>) {
      store.calls++;
      if (store.calls <= failures) {
        // The write lands but the answer is lost on the way back: the worst case for duplicates.
        if (store.calls === 1) await inner.submit(...args);
        const e = new Error('Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.') as Error & { code: string };
        e.name = 'PracticeStoreError';
        e.code = 'unavailable';
        throw e;
      }
      return inner.submit(...args);
    },
    get: inner.get, list: inner.list, search: inner.search, send: inner.send, importPractices: inner.importPractices, erasePersonalData: inner.erasePersonalData,
  };
  return store;
}

describe('<pi-declaration-form>', () => {
  beforeEach(() => localStorage.clear());

  it('is one class registered once, even when defined twice', () => {
    expect(customElements.get('pi-declaration-form')).to.exist;
    expect(document.createElement('pi-declaration-form')).to.be.instanceOf(PiDeclarationForm);
  });

  it('goes through every step with the keyboard alone and sends exactly one practice', async () => {
    const store = createMemoryStore();
    const el = await mount(store);
    const steps: string[] = [];
    el.addEventListener('pi-step-change', (e) => steps.push(e.detail.name));
    let submitted: unknown;
    el.addEventListener('pi-submitted', (e) => { submitted = e.detail.practice; });
    expect(q(el, '.progress').textContent).to.equal('Étape 1 sur 5');
    await axeClean(el, 'step 1 empty');
    await fillAllSteps(el);
    expect(heading(el)).to.equal('Récapitulatif et envoi');
    expect(root(el).textContent).to.contain('21/12/2014');
    expect(root(el).textContent).to.contain('Nord');
    await axeClean(el, 'recap');
    await pressNext(el); // the submit button
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(heading(el)).to.equal('Déclaration envoyée');
    expect(active(el)).to.equal(q(el, 'h2'), 'focus moves to the confirmation');
    const { items } = await store.list({}, { actor: chair });
    expect(items).to.have.length(1);
    expect(root(el).textContent).to.contain(items[0]!.reference);
    expect((submitted as Practice).reference).to.equal(items[0]!.reference);
    expect(steps).to.deep.equal(['practice', 'location', 'contact', 'summary']);
    expect(items[0]!.declaration?.location.departments).to.deep.equal(['59']);
    await axeClean(el, 'confirmation');
    expect(localStorage.length, 'the draft is cleared once the store confirms').to.equal(0);
  });

  it('after sending, gives a private follow-up link with a copy button, and the link opens the follow-up', async () => {
    const store = createMemoryStore();
    const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} follow-up-from-url .store=${store}></pi-declaration-form>`);
    let token = '';
    el.addEventListener('pi-submitted', (e) => { token = (e.detail.practice as { declarantToken: string }).declarantToken; });
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const [practice] = (await store.list({}, { actor: chair })).items;
    const anchor = q<HTMLAnchorElement>(el, '#follow-up-link');
    const link = new URL(anchor.href);
    expect(anchor.textContent).to.equal(anchor.href);
    expect(link.origin + link.pathname, 'by default, this very page').to.equal(location.origin + location.pathname);
    expect(link.searchParams.get('pratique')).to.equal(practice!.id);
    expect(token).to.have.length(32);
    expect(link.searchParams.get('jeton')).to.equal(token);
    expect(q(el, '[part=follow-up-link]').textContent).to.contain('Gardez-le pour vous');
    await axeClean(el, 'confirmation with the follow-up link');

    const written: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => { written.push(t); } } });
    try {
      const copy = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Copier le lien')!;
      await tabTo(el, copy);
      await sendKeys({ press: 'Enter' });
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    expect(written).to.deep.equal([anchor.href]);
    expect(q(el, '[role=status]').textContent, 'announced politely').to.equal('Lien copié.');

    // The person comes back through the link: the same page, whose element reads the address.
    const before = location.href;
    history.replaceState(null, '', anchor.href);
    try {
      const followUp = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} follow-up-from-url .store=${store}></pi-declaration-form>`);
      for (let i = 0; i < 100 && !q(followUp, '.state'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(heading(followUp)).to.equal('Suivi de votre déclaration');
      expect(q(followUp, '.state').textContent).to.equal('Soumise');
      expect(root(followUp).textContent).to.contain(practice!.reference);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('builds the follow-up link from follow-up-url when the follow-up page is elsewhere', async () => {
    const store = createMemoryStore();
    const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} .store=${store}
      follow-up-url="https://partenaire.example/suivi?pratique={id}&jeton={token}"></pi-declaration-form>`);
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const [practice] = (await store.list({}, { actor: chair })).items;
    expect(q<HTMLAnchorElement>(el, '#follow-up-link').href).to.match(new RegExp(`^https://partenaire\\.example/suivi\\?pratique=${practice!.id}&jeton=[0-9a-z]{32}$`));
  });

  const REFUSALS: [string, string, string, string][] = [
    ['an impossible date', 'f-implementationDate', '31/02/2020', 'Date de mise en œuvre de la pratique inspirante\u00a0: cette date n\'existe pas dans le calendrier.'],
    ['a future date', 'f-implementationDate', '01/01/2099', 'Date de mise en œuvre de la pratique inspirante\u00a0: la date ne peut pas être dans le futur.'],
    ['a 101-character title', 'f-title', 'x'.repeat(101), 'Intitulé de la pratique\u00a0: 100 caractères maximum (101 saisis).'],
    ['a 1001-character description', 'f-description', 'y'.repeat(1001), 'Description de la pratique\u00a0: 1000 caractères maximum (1001 saisis).'],
  ];
  for (const [label, id, value, message] of REFUSALS) {
    it(`refuses ${label} with the schema's French message, linked to the field`, async () => {
      const el = await mount(createMemoryStore());
      await tick(el, 'f-conditionsAccepted');
      await pressNext(el);
      const input = q<HTMLInputElement>(el, `#${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await pressNext(el);
      expect(errors(el)).to.include(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const described = input.getAttribute('aria-describedby')!.split(' ').map((i) => q(el, `#${i}`)?.textContent?.trim());
      expect(described).to.include(message);
      expect(active(el)).to.equal(q(el, '.summary'), 'the error summary takes focus');
      const link = [...root(el).querySelectorAll<HTMLAnchorElement>('.summary a')].find((a) => a.textContent === message)!;
      link.click();
      expect(active(el)).to.equal(input, 'the summary links to the field');
      await axeClean(el, `errors: ${label}`);
    });
  }

  for (const scale of ['', 'nationale', 'regionale', 'departementale', 'locale']) {
    it(`has no axe violation at any step, empty or with errors (scale "${scale || 'none'}")`, async () => {
      const el = await mount(createMemoryStore());
      const form = el as unknown as { data: Record<string, unknown>; step: number };
      form.data = { ...form.data, scale };
      for (let step = 0; step < 5; step++) {
        form.step = step;
        await el.updateComplete;
        await axeClean(el, `step ${step + 1} empty`);
        if (step === 4) break;
        await pressNext(el);
        if (root(el).querySelector('.summary')) await axeClean(el, `step ${step + 1} with errors`);
      }
    });
  }

  it('"Autre" reveals its precision, which is then required', async () => {
    const el = await mount(createMemoryStore());
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    expect(q(el, '#f-themeOther')).to.equal(null);
    await tick(el, 'f-themes-autre');
    expect(q(el, '#f-themeOther')).to.exist;
    await pressNext(el);
    expect(errors(el)).to.include('Précision de la thématique\u00a0: précisez votre choix « Autre ».');
  });

  it('a départementale practice needs a département', async () => {
    const el = await mount(createMemoryStore());
    (el as unknown as { data: object }).data = { ...(el as unknown as { data: object }).data, scale: 'departementale' };
    (el as unknown as { step: number }).step = 2;
    await el.updateComplete;
    await pressNext(el);
    expect(errors(el)).to.include('Département\u00a0: choisissez au moins un département.');
    await typeInto(el, 'f-location-departments-search', '2a');
    expect([...root(el).querySelectorAll('.scroll label')].map((l) => l.textContent)).to.deep.equal(['2A — Corse-du-Sud']);
    await axeClean(el, 'location with errors');
  });

  it('counts what a person sees, live, and announces only near the limit', async () => {
    const el = await mount(createMemoryStore());
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    await typeInto(el, 'f-description', 'e\u0301té');
    expect(q(el, '#f-description-counter').textContent).to.equal('3 sur 1000 caractères max.');
    expect(q(el, '[aria-live=polite]').textContent).to.equal('');
    const area = q<HTMLTextAreaElement>(el, '#f-description');
    area.value = 'a'.repeat(995);
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(q(el, '[aria-live=polite]').textContent).to.equal('Plus que 5 caractères disponibles.');
  });

  it('saves the draft as one types, and offers to resume it after a reload', async () => {
    const key = newKey();
    const el = await mount(createMemoryStore(), key);
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    await typeInto(el, 'f-title', 'Titre à ne pas perdre');
    // A reload or a closed tab fires pagehide, never disconnectedCallback: the pending draft is written then.
    window.dispatchEvent(new Event('pagehide'));
    await el.updateComplete;
    expect(q(el, '.draft-status').textContent).to.match(/^Brouillon enregistré à \d\d:\d\d$/);

    const again = await mount(createMemoryStore(), key);
    expect(heading(again)).to.equal('Un brouillon vous attend');
    await axeClean(again, 'resume offer');
    await tabTo(again, [...root(again).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Reprendre le brouillon')!);
    await sendKeys({ press: 'Enter' });
    await again.updateComplete;
    expect(heading(again)).to.equal('Présentation de la pratique');
    expect(q<HTMLInputElement>(again, '#f-title').value).to.equal('Titre à ne pas perdre');

    const third = await mount(createMemoryStore(), key);
    const button = (label: string) => [...root(third).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!;
    button('Recommencer à zéro').click();
    await third.updateComplete;
    expect(active(third)?.textContent, 'discarding asks first').to.contain('Effacer définitivement');
    await axeClean(third, 'discard confirmation');
    button('Oui, effacer le brouillon').click();
    await third.updateComplete;
    expect(heading(third)).to.equal('Informations préalables');
    expect(localStorage.getItem(`pi-declaration-form:${key}`)).to.equal(null);
  });

  it('saves while someone types without a pause', async () => {
    const key = newKey();
    const el = await mount(createMemoryStore(), key);
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    const area = q<HTMLTextAreaElement>(el, '#f-description');
    for (let i = 1; i <= 20; i++) {
      area.value = 'mot '.repeat(i);
      area.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 150));
    }
    const stored = JSON.parse(localStorage.getItem(`pi-declaration-form:${key}`) ?? '{}');
    expect(stored.data?.description?.length ?? 0, 'saved within 2 s of typing, without waiting for a pause').to.be.greaterThan(20);
  });

  it('a failed send, a reload, then a retry: one practice, with the same key', async () => {
    const key = newKey();
    const store = flakyStore(1);
    const el = await mount(store, key);
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(q(el, '[role=alert]').textContent).to.contain('L’envoi n’a pas abouti.');
    window.dispatchEvent(new Event('pagehide'));
    const again = await mount(store, key); // the reload
    [...root(again).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Reprendre le brouillon')!.click();
    await again.updateComplete;
    expect(heading(again)).to.equal('Récapitulatif et envoi');
    await pressNext(again);
    await new Promise((r) => setTimeout(r, 30));
    await again.updateComplete;
    expect(heading(again)).to.equal('Déclaration envoyée');
    expect((await store.inner.list({}, { actor: chair })).total).to.equal(1);
  });

  it('after a lost answer, edits sent under the same key end on the first version\'s reference, not a dead end', async () => {
    const store = flakyStore(1);
    const el = await mount(store);
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    [...root(el).querySelectorAll<HTMLButtonElement>('.recap-section button')][1]!.click(); // "Modifier" the practice
    await el.updateComplete;
    const title = q<HTMLInputElement>(el, '#f-title');
    title.value = 'Titre corrigé';
    title.dispatchEvent(new Event('input'));
    for (let i = 0; i < 3; i++) await pressNext(el); // back to the recap
    await pressNext(el); // send
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    const [first] = (await store.inner.list({}, { actor: chair })).items;
    expect(heading(el)).to.equal('Déclaration déjà enregistrée');
    expect(root(el).textContent).to.contain(first!.reference);
    expect((await store.inner.list({}, { actor: chair })).total).to.equal(1);
    await axeClean(el, 'already submitted');
  });

  it('a prefill set after a resumed draft does not replace it', async () => {
    const key = newKey();
    const el = await mount(createMemoryStore(), key);
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    await typeInto(el, 'f-title', 'Mon titre');
    window.dispatchEvent(new Event('pagehide'));
    const again = await mount(createMemoryStore(), key);
    [...root(again).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Reprendre le brouillon')!.click();
    await again.updateComplete;
    again.prefill = { title: 'Prérempli par le site' };
    await again.updateComplete;
    expect(q<HTMLInputElement>(again, '#f-title').value).to.equal('Mon titre');
  });

  it('moving the element in the page does not bring back the resume offer', async () => {
    const key = newKey();
    localStorage.setItem(`pi-declaration-form:${key}`, JSON.stringify({ version: 1, step: 1, savedAt: new Date().toISOString(), data: { title: 'Ancien' } }));
    const el = await mount(createMemoryStore(), key);
    [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Reprendre le brouillon')!.click();
    await el.updateComplete;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('Présentation de la pratique');
  });

  it('a draft older than 30 days is not offered (it holds personal data)', async () => {
    const key = newKey();
    localStorage.setItem(`pi-declaration-form:${key}`, JSON.stringify({ version: 1, step: 1, savedAt: new Date(Date.now() - 31 * 864e5).toISOString(), data: { title: 'Vieux' } }));
    const el = await mount(createMemoryStore(), key);
    expect(heading(el)).to.equal('Informations préalables');
    expect(localStorage.getItem(`pi-declaration-form:${key}`)).to.equal(null);
  });

  it('a summary link to a choice group focuses one of its options', async () => {
    const el = await mount(createMemoryStore());
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    await pressNext(el);
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('.summary a')].find((a) => a.textContent?.startsWith('Échelle'))!;
    expect(link.textContent).to.equal('Échelle de l’action\u00a0: ce champ est obligatoire.');
    link.click();
    expect(active(el)).to.equal(q(el, '#f-scale-nationale'));
  });

  it('Enter in the département search searches; it does not send the step', async () => {
    const el = await mount(createMemoryStore());
    const form = el as unknown as { data: Record<string, unknown>; step: number };
    form.data = { ...form.data, scale: 'departementale' };
    form.step = 2;
    await el.updateComplete;
    await typeInto(el, 'f-location-departments-search', '59');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Localisation');
    expect(q(el, '.summary')).to.equal(null);
    expect(q(el, '#f-location-departments-search-count').textContent).to.contain('1 département trouvé.');
  });

  it('coming from départementale with two départements, a local practice can be fixed by one click', async () => {
    const el = await mount(createMemoryStore());
    const form = el as unknown as { data: { location: Record<string, unknown> } & Record<string, unknown>; step: number };
    form.data = { ...form.data, scale: 'locale', location: { regions: [], departments: ['59', '62'], locality: 'Lille' } };
    form.step = 2;
    await el.updateComplete;
    expect([...root(el).querySelectorAll<HTMLInputElement>('.scroll input:checked')]).to.have.length(0);
    await pressNext(el);
    expect(errors(el)).to.include('Département\u00a0: une action locale se rattache à un seul département.');
    await typeInto(el, 'f-location-departments-search', '59');
    await choose(el, 'location-departments', '59');
    expect(errors(el)).to.deep.equal([]);
  });

  it('follows the store\'s minimum practice age when told (min-practice-age-months)', async () => {
    const recent = new Date(Date.now() - 60 * 864e5);
    const typed = `${String(recent.getDate()).padStart(2, '0')}/${String(recent.getMonth() + 1).padStart(2, '0')}/${recent.getFullYear()}`;
    for (const [months, expected] of [[undefined, 1], [0, 0]] as const) {
      const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} min-practice-age-months=${months ?? nothing}></pi-declaration-form>`);
      await tick(el, 'f-conditionsAccepted');
      await pressNext(el);
      const input = q<HTMLInputElement>(el, '#f-implementationDate');
      input.value = typed;
      input.dispatchEvent(new Event('input'));
      await pressNext(el);
      expect(errors(el).filter((e) => e?.startsWith('Date de mise en œuvre')).length, `months=${months}`).to.equal(expected);
    }
  });

  it('keeps everything when the store fails, retries with the same key, and records one practice', async () => {
    const store = flakyStore(2);
    const el = await mount(store);
    const failures: string[] = [];
    el.addEventListener('pi-submit-error', (e) => failures.push(e.detail.code));
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(q(el, '[role=alert]').textContent).to.contain('L’envoi n’a pas abouti.');
    expect(q(el, '[role=alert]').textContent).to.contain('Rien n’est perdu');
    await axeClean(el, 'send failed');
    // A reload between two attempts keeps the draft and its key.
    const key = (el as unknown as { draftKey: string }).draftKey;
    expect(JSON.parse(localStorage.getItem(`pi-declaration-form:${key}`)!).idempotencyKey).to.be.a('string');
    await pressNext(el); // "Réessayer l'envoi": fails again
    await new Promise((r) => setTimeout(r, 30));
    await pressNext(el); // succeeds
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(failures).to.deep.equal(['unavailable', 'unavailable']);
    expect(heading(el)).to.equal('Déclaration envoyée');
    expect(store.calls).to.equal(3);
    expect((await store.inner.list({}, { actor: chair })).total, 'one practice despite the lost answer and two retries').to.equal(1);
  });

  it('a double click sends once', async () => {
    const store = flakyStore(0);
    const el = await mount(store);
    await fillAllSteps(el);
    const button = q<HTMLButtonElement>(el, 'button[type=submit]');
    button.click();
    button.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(store.calls).to.equal(1);
  });

  it('records the partner and the page as the submission\'s source', async () => {
    const store = createMemoryStore();
    const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} partner="asso-59" .store=${store}></pi-declaration-form>`);
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 50));
    const [practice] = (await store.list({}, { actor: chair })).items;
    expect(practice!.source).to.deep.equal({ partner: 'asso-59', page: location.href });
  });

  it('sent through a campaign’s invitation link (invitation-from-url), records the link’s partner and the campaign, not the page’s claim', async () => {
    const store = createMemoryStore();
    const editor = { id: 'e', role: 'editor' } as const;
    const campaign = await store.createCampaign({ name: 'Campagne du Nord', organiser: { kind: 'department', name: 'Département du Nord', department: '59' }, partners: ['Association Horizon'], generic: false }, { actor: editor });
    const before = location.href;
    history.replaceState(null, '', `?invitation=${campaign.invitations[0]!.token}`);
    try {
      const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} partner="se-dit-partenaire" invitation-from-url .store=${store}></pi-declaration-form>`);
      await fillAllSteps(el);
      await pressNext(el);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(heading(el)).to.equal('Déclaration envoyée');
      const [practice] = (await store.list({ campaign: campaign.id }, { actor: chair })).items;
      expect(practice!.source?.partner).to.equal('Association Horizon');
      expect(practice!.source?.campaign).to.deep.equal({ id: campaign.id, name: 'Campagne du Nord' });
      expect(practice!.source?.page, 'the secret token is not recorded with the page').not.to.contain('invitation=');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('a closed campaign’s invitation is refused in French, and the draft is kept for another try', async () => {
    const store = createMemoryStore();
    const editor = { id: 'e', role: 'editor' } as const;
    const campaign = await store.createCampaign({ name: 'Campagne close', organiser: { kind: 'network', name: 'Réseau X' } }, { actor: editor });
    await store.updateCampaign(campaign.id, { status: 'closed' }, { actor: editor });
    const key = newKey();
    const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} invitation=${campaign.invitations[0]!.token} .store=${store}></pi-declaration-form>`);
    await fillAllSteps(el);
    await pressNext(el);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(q(el, '[role=alert]').textContent).to.contain('la campagne « Campagne close » est close');
    expect(JSON.parse(localStorage.getItem(`pi-declaration-form:${key}`)!).data.title).to.equal('Groupes de parole pour parents');
    expect((await store.list({}, { actor: chair })).total).to.equal(0);
    await axeClean(el, 'closed invitation');
  });

  it('takes a prefill by attribute (JSON) or by property', async () => {
    const byAttribute = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} prefill='{"entityName":"Association préremplie"}'></pi-declaration-form>`);
    await tick(byAttribute, 'f-conditionsAccepted');
    await pressNext(byAttribute);
    expect(q<HTMLInputElement>(byAttribute, '#f-entityName').value).to.equal('Association préremplie');
    const byProperty = await mount(undefined);
    byProperty.prefill = { title: 'Intitulé prérempli', conditionsAccepted: true };
    await byProperty.updateComplete;
    await pressNext(byProperty);
    expect(q<HTMLInputElement>(byProperty, '#f-title').value).to.equal('Intitulé prérempli');
  });

  it('with an endpoint, posts to the reference server with an idempotency key, and retries with the same one', async () => {
    const calls: { url: string; key: string | null; body: { declaration: { title: string }; source: { partner?: string } } }[] = [];
    const realFetch = window.fetch;
    let fail = true;
    window.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), key: new Headers(init?.headers).get('Idempotency-Key'), body: JSON.parse(String(init?.body)) });
      if (fail) return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Service en maintenance.' } }), { status: 503 });
      return new Response(JSON.stringify({ practice: { id: 'p1', reference: 'PI-2026-000042', review: { state: 'submitted', history: [] } }, declarantToken: 't'.repeat(32) }), { status: 201 });
    }) as typeof fetch;
    try {
      const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${newKey()} endpoint="https://api.example.org/v1/" partner="asso-59"></pi-declaration-form>`);
      await fillAllSteps(el);
      await pressNext(el);
      await new Promise((r) => setTimeout(r, 30));
      await el.updateComplete;
      expect(q(el, '[role=alert]').textContent).to.contain('Service en maintenance.');
      fail = false;
      await pressNext(el);
      await new Promise((r) => setTimeout(r, 30));
      await el.updateComplete;
      expect(root(el).textContent).to.contain('PI-2026-000042');
      expect(calls.map((c) => c.url)).to.deep.equal(['https://api.example.org/v1/practices', 'https://api.example.org/v1/practices']);
      expect(calls[0]!.key).to.be.a('string').with.length(32);
      expect(calls[1]!.key).to.equal(calls[0]!.key);
      expect(calls[0]!.body.declaration.title).to.equal('Groupes de parole pour parents');
      expect(calls[0]!.body.source.partner).to.equal('asso-59');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('speaks English and German on request', async () => {
    const en = await fixture<PiDeclarationForm>(html`<pi-declaration-form lang="en" draft-key=${newKey()}></pi-declaration-form>`);
    expect(q(en, '.progress').textContent).to.equal('Step 1 of 5');
    const de = await fixture<PiDeclarationForm>(html`<pi-declaration-form lang="de" draft-key=${newKey()}></pi-declaration-form>`);
    expect(heading(de)).to.equal('Vorab-Informationen');
  });

  it('keeps its own look whatever the host page\'s CSS says, and lends none of it out', async () => {
    const style = document.createElement('style');
    style.textContent = 'body { color: #f0f; font: italic 30px serif; letter-spacing: 4px; } h2 { color: #0f0 !important; } button { background: #f00 !important; }';
    document.head.append(style);
    try {
      const el = await mount(createMemoryStore());
      const h2 = q(el, 'h2');
      expect(getComputedStyle(h2).color).to.equal('rgb(22, 22, 22)');
      expect(getComputedStyle(h2).fontStyle).to.equal('normal');
      expect(getComputedStyle(h2).letterSpacing).to.equal('normal');
      expect(getComputedStyle(q(el, 'button.primary')).backgroundColor).to.equal('rgb(0, 0, 145)');
      const outside = document.createElement('h2');
      document.body.append(outside);
      expect(getComputedStyle(outside).color, 'the form\'s CSS stays inside').to.equal('rgb(0, 255, 0)');
      outside.remove();
    } finally {
      style.remove();
    }
  });

  it('takes a partner\'s brand colour from --pi-* set on the element or any ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--pi-primary: rgb(107, 45, 92)"><pi-declaration-form draft-key=${newKey()}></pi-declaration-form></div>`);
    const el = wrapper.querySelector('pi-declaration-form') as PiDeclarationForm;
    await el.updateComplete;
    expect(getComputedStyle(q(el, 'button.primary')).backgroundColor).to.equal('rgb(107, 45, 92)');
    el.style.setProperty('--pi-primary', 'rgb(0, 100, 0)');
    await new Promise((r) => setTimeout(r, 250)); // the button's colour transition
    expect(getComputedStyle(q(el, 'button.primary')).backgroundColor).to.equal('rgb(0, 100, 0)');
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount(createMemoryStore());
    await tick(el, 'f-conditionsAccepted');
    await pressNext(el);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await setViewport({ width: 1280, height: 800 });
  });
});
