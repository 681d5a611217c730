// <pi-fiche-editor> used as the observatory's editor and an invited co-author would, in Chromium, over the memory store.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { defineFicheEditor } from '../../widgets/fiche-editor/define.js';
import type { PiFicheEditor } from '../../widgets/fiche-editor/fiche-editor.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { EngineStore } from '../../src/store/engine.js';
import { PracticeStoreError } from '../../src/store/errors.js';
import { buildExamplePractices } from '../../examples/data/index.js';
import type { Actor, Practice } from '../../src/model.js';

defineFicheEditor();

const editor: Actor = { id: 'demo-editor', role: 'editor', name: 'Éditeur' };
const practices = buildExamplePractices();
const newStore = () => createMemoryStore({ seed: practices });

const root = (el: PiFicheEditor) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PiFicheEditor, s: string) => root(el).querySelector<T>(s) as T;
const all = <T extends Element = HTMLElement>(el: PiFicheEditor, s: string) => [...root(el).querySelectorAll<T>(s)];
const settle = async (el: PiFicheEditor, ms = 30) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, ms));
    await el.updateComplete;
  }
};
async function until(ok: () => boolean, what: string, ms = 3000) {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
async function axeClean(el: PiFicheEditor, label: string) {
  const { violations } = await (window as unknown as { axe: { run(e: Element, o: object): Promise<{ violations: { id: string; help: string }[] }> } }).axe
    .run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
  expect(violations.map((v) => `${v.id}: ${v.help}`), `axe at ${label}`).to.deep.equal([]);
}
function type(el: PiFicheEditor, selector: string, value: string) {
  const field = q<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}
const activeId = (el: PiFicheEditor) => (root(el).activeElement as HTMLElement | null)?.id ?? 'nothing';

const SECTIONS = {
  objectives: 'Donner aux jeunes accueillis un accès régulier au sport pour renforcer leur santé et leur confiance.',
  means: 'Une convention avec les clubs, un éducateur référent et une enveloppe pour les licences.',
  keysToSuccess: 'Des créneaux adaptés et des clubs formés à l’accueil des enfants protégés.',
  expectedResults: 'Une pratique sportive durable pour la moitié des jeunes accompagnés.',
  difficulties: 'Les trajets vers les clubs, en zone rurale.',
};

async function mountEditor(store: EngineStore, attrs: { fiche?: string; basedOn?: string } = {}) {
  const el = await fixture<PiFicheEditor>(html`<pi-fiche-editor .store=${store} .actor=${editor} fiche=${attrs.fiche ?? ''} based-on=${attrs.basedOn ?? ''}></pi-fiche-editor>`);
  if (!attrs.fiche) el.removeAttribute('fiche');
  if (!attrs.basedOn) el.removeAttribute('based-on');
  await el.load();
  await settle(el);
  return el;
}

describe('<pi-fiche-editor>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('a fiche’s life: the editor starts it from a practice, a co-author edits it by link, the editor publishes and actualises it', async () => {
    const store = newStore();
    const source = practices.find((p) => p.id === 'ex-peps-sport')!;
    const el = await mountEditor(store, { basedOn: source.id });
    expect(q<HTMLInputElement>(el, '#f-title').value, 'prefilled from the practice').to.equal(source.declaration!.title);
    expect(q<HTMLTextAreaElement>(el, '#f-summary').value).to.equal(source.declaration!.description);
    expect(q(el, '.meta').textContent).to.contain(source.declaration!.title);
    await axeClean(el, 'new fiche from a practice');
    for (const [k, v] of Object.entries(SECTIONS)) type(el, `#f-${k}`, v);
    let saved: { kind: string; practice: Practice } | undefined;
    el.addEventListener('pi-fiche-saved', (e) => { saved = e.detail; });
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await until(() => !!saved, 'creation confirmed');
    await settle(el);
    expect(saved!.kind).to.equal('create');
    expect(saved!.practice.basedOn).to.deep.equal([source.id]);
    expect(q(el, '#notice').textContent).to.contain('La fiche est créée');
    expect(all(el, 'ol.versions > li')).to.have.length(1);
    const id = saved!.practice.id;

    // The editor invites a co-author; the link is the page with the fiche and the secret token.
    type(el, '#f-invite-name', 'Nadia Colin');
    type(el, '#f-invite-organisation', 'Club omnisports');
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'section[part=coauthors] form button').click();
    await until(() => !!q(el, '#invitation-link'), 'the invitation link');
    const url = new URL(q<HTMLInputElement>(el, '#invitation-link').value);
    expect(url.searchParams.get('fiche')).to.equal(id);
    const token = url.searchParams.get('lien')!;
    expect(token.length).to.be.greaterThan(31);
    expect(activeId(el), 'focus on the new link').to.equal('invitation-link');
    await axeClean(el, 'draft with a co-author link');

    // The co-author, from their link: no publication, no co-authors' section.
    const co = await fixture<PiFicheEditor>(html`<pi-fiche-editor coauthor .store=${store} fiche=${id} token=${token}></pi-fiche-editor>`);
    await co.load();
    await settle(co);
    expect(q(co, 'section[part=lifecycle]')).to.equal(null);
    expect(q(co, 'section[part=coauthors]')).to.equal(null);
    type(co, '#f-difficulties', 'Les trajets vers les clubs, en zone rurale, et le coût des équipements.');
    type(co, '#f-comment', 'Ajout du coût des équipements.');
    q<HTMLButtonElement>(co, 'form button[type=submit]').click();
    await until(() => !!q(co, '#notice'), 'co-author’s version saved');
    await settle(co);
    const coVersion = all(co, 'ol.versions > li')[0]!.textContent!;
    expect(coVersion).to.contain('Version 2').and.to.contain('par Nadia Colin');
    expect(coVersion).to.contain('Ajout du coût des équipements.');
    await axeClean(co, 'co-author mode');

    // The editor reloads, sees the co-author's version, publishes, then actualises.
    await el.load();
    await settle(el);
    expect(all(el, 'ol.versions > li')).to.have.length(2);
    const changes = all(el, 'ol.versions > li')[0]!.querySelector('details')!.textContent!;
    expect(changes).to.contain('Difficultés').and.to.contain('coût des équipements');
    q<HTMLButtonElement>(el, '#publish').click();
    await until(() => !!q(el, '#actualise'), 'published: actualise offered');
    expect(q(el, '#notice').textContent).to.contain('publiée');
    expect(q(el, '.meta').textContent).to.contain('À actualiser avant le');
    type(el, '#f-lifecycle-comment', 'Relue avec le club.');
    q<HTMLButtonElement>(el, '#actualise').click();
    await until(() => (q(el, '#notice')?.textContent ?? '').includes('actualisée'), 'actualised');
    await settle(el);
    expect(all(el, 'ol.versions > li').map((li) => li.querySelector('strong')!.textContent)).to.deep.equal(['Version 4', 'Version 3', 'Version 2', 'Version 1']);
    expect(((await store.get(id)) as { fiche?: { title: string } } | undefined)?.fiche?.title).to.equal(source.declaration!.title);

    // Revoked, the link opens nothing.
    q<HTMLButtonElement>(el, 'section[part=coauthors] ul.links button').click();
    await until(() => (q(el, '#notice')?.textContent ?? '').includes('révoqué'), 'revoked');
    const gone = await fixture<PiFicheEditor>(html`<pi-fiche-editor coauthor .store=${store} fiche=${id} token=${token}></pi-fiche-editor>`);
    await gone.load();
    await settle(gone);
    expect(q(gone, '[role=alert]').textContent).to.contain('ce lien n’est plus valide');
  });

  it('after a creation, keeps the form on screen (no reload) and puts the focus on the confirmation', async () => {
    const store = newStore();
    let gets = 0;
    const counting = Object.assign(Object.create(store) as EngineStore, {
      get: (...args: Parameters<EngineStore['get']>) => { gets++; return store.get(...args); },
    });
    const el = await mountEditor(counting);
    for (const [k, v] of Object.entries({ ...SECTIONS, title: 'Une fiche créée sans rechargement', entityName: 'Observatoire', summary: 'Résumé.' })) type(el, `#f-${k}`, v);
    q<HTMLSelectElement>(el, '#f-scale').value = 'nationale';
    q<HTMLSelectElement>(el, '#f-scale').dispatchEvent(new Event('change'));
    for (const c of ['c-interventionTypes-accueil-de-jour', 'c-themes-education', 'c-audiences-adolescents']) q<HTMLInputElement>(el, `#${c}`).click();
    await el.updateComplete;
    const form = q(el, 'form[part=form]');
    const statuses: string[] = [];
    const seen = new MutationObserver(() => {
      for (const s of all(el, 'p[role=status]')) statuses.push(s.textContent ?? '');
    });
    seen.observe(root(el), { childList: true, subtree: true, characterData: true });
    const getsBefore = gets;
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await until(() => !!q(el, '#notice'), 'creation confirmed');
    await settle(el);
    seen.disconnect();
    expect(statuses.filter((s) => s.includes('Chargement')), 'no loading state after the creation').to.deep.equal([]);
    expect(gets - getsBefore, 'what createFiche returned is not fetched again').to.equal(0);
    expect(q(el, 'form[part=form]'), 'the same form stays on screen').to.equal(form);
    expect(activeId(el), 'focus on the confirmation').to.equal('notice');
    expect(q<HTMLInputElement>(el, '#f-title').value).to.equal('Une fiche créée sans rechargement');
    expect(q(el, '#notice').textContent).to.contain('La fiche est créée');
  });

  it('shows the domain’s French messages, a summary that takes the focus, and links to each field', async () => {
    const el = await mountEditor(newStore());
    type(el, '#f-title', 'Une fiche incomplète');
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await settle(el);
    expect(activeId(el)).to.equal('errors');
    const summary = q(el, '#errors').textContent!;
    expect(summary).to.contain('Objectifs').and.to.contain('Nom de l’entité');
    expect(q<HTMLInputElement>(el, '#f-entityName').getAttribute('aria-invalid')).to.equal('true');
    expect(q<HTMLInputElement>(el, '#f-entityName').getAttribute('aria-describedby')).to.contain('e-entityName');
    await axeClean(el, 'errors shown');
    const link = all<HTMLAnchorElement>(el, '#errors a').find((a) => a.getAttribute('href') === '#f-entityName')!;
    link.click();
    expect(activeId(el)).to.equal('f-entityName');
    type(el, '#f-entityName', 'Observatoire');
    await el.updateComplete;
    expect(q(el, '#e-entityName'), 'a corrected field loses its message').to.equal(null);
  });

  it('keeps the text across a reload and a failed network, and a retry of a creation does not make two fiches', async () => {
    const store = newStore();
    const created = await store.createFiche({ ...draftFiche(), title: 'Fiche à relire' }, { actor: editor });
    const first = await mountEditor(store, { fiche: created.id });
    type(first, '#f-means', 'Deux éducateurs et un local prêté par la mairie.');
    first.remove();

    const again = await mountEditor(store, { fiche: created.id });
    expect(q<HTMLTextAreaElement>(again, '#f-means').value, 'restored after a reload').to.equal('Deux éducateurs et un local prêté par la mairie.');
    expect(q(again, '[part=notice]').textContent).to.contain('brouillon');

    // The network fails: the text stays, and it is still there on the next reload.
    const failing = Object.assign(Object.create(store) as EngineStore, {
      editFiche: () => Promise.reject(new PracticeStoreError('unavailable', 'Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.')),
    });
    again.store = failing;
    await again.load();
    await settle(again);
    q<HTMLButtonElement>(again, 'form button[type=submit]').click();
    await until(() => !!q(again, '#alert'), 'the failure said');
    expect(q(again, '#alert').textContent).to.contain('ne répond pas');
    again.remove();
    const third = await mountEditor(store, { fiche: created.id });
    expect(q<HTMLTextAreaElement>(third, '#f-means').value).to.equal('Deux éducateurs et un local prêté par la mairie.');
    q<HTMLButtonElement>(third, 'form button[type=submit]').click();
    await until(() => !!q(third, '#notice'), 'saved at last');
    expect(((await store.get(created.id, { actor: editor })) as Practice).fiche?.means).to.equal('Deux éducateurs et un local prêté par la mairie.');
    expect(localStorage.length, 'a confirmed save clears the draft').to.equal(0);

    // A creation whose answer was lost: the retry returns the same fiche.
    let calls = 0;
    const lossy = Object.assign(Object.create(store) as EngineStore, {
      createFiche: async (f: unknown, o: never) => {
        const p = await store.createFiche(f, o);
        if (++calls === 1) throw new PracticeStoreError('unavailable', 'Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.');
        return p;
      },
    });
    const fresh = await fixture<PiFicheEditor>(html`<pi-fiche-editor .store=${lossy} .actor=${editor}></pi-fiche-editor>`);
    await fresh.load();
    await settle(fresh);
    for (const [k, v] of Object.entries({ ...SECTIONS, title: 'Une fiche envoyée deux fois', entityName: 'Observatoire', summary: 'Résumé.' })) type(fresh, `#f-${k}`, v);
    q<HTMLSelectElement>(fresh, '#f-scale').value = 'nationale';
    q<HTMLSelectElement>(fresh, '#f-scale').dispatchEvent(new Event('change'));
    for (const c of ['c-interventionTypes-accueil-de-jour', 'c-themes-education', 'c-audiences-adolescents']) q<HTMLInputElement>(fresh, `#${c}`).click();
    await fresh.updateComplete;
    q<HTMLButtonElement>(fresh, 'form button[type=submit]').click();
    await until(() => !!q(fresh, '#alert'), 'first answer lost');
    q<HTMLButtonElement>(fresh, 'form button[type=submit]').click();
    await until(() => !!q(fresh, '#notice'), 'retry confirmed');
    const list = await store.list({ level: 'onpe', states: ['draft'] }, { actor: editor });
    expect(list.items.filter((p) => p.fiche?.title === 'Une fiche envoyée deux fois')).to.have.length(1);
  });

  it('forgets a draft older than a month (it names co-authors), as the form and the board do', async () => {
    const store = newStore();
    const created = await store.createFiche({ ...draftFiche(), title: 'Fiche oubliée' }, { actor: editor });
    const first = await mountEditor(store, { fiche: created.id });
    type(first, '#f-means', 'Texte d’il y a longtemps.');
    first.remove();
    const [key] = Object.keys(localStorage);
    const stored = JSON.parse(localStorage.getItem(key!)!);
    localStorage.setItem(key!, JSON.stringify({ ...stored, savedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString() }));
    const again = await mountEditor(store, { fiche: created.id });
    expect(q<HTMLTextAreaElement>(again, '#f-means').value).to.not.contain('longtemps');
    expect(localStorage.getItem(key!), 'the stale draft is removed').to.equal(null);
  });

  it('can be used with the keyboard alone: Tab to a field, type, Enter saves; Enter on a summary link reaches the field', async () => {
    const store = newStore();
    const created = await store.createFiche(draftFiche(), { actor: editor });
    const el = await mountEditor(store, { fiche: created.id });
    q<HTMLInputElement>(el, '#f-title').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' (version clavier)' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, '#notice'), 'saved by keyboard');
    expect(activeId(el), 'focus on the confirmation').to.equal('notice');
    expect(((await store.get(created.id, { actor: editor })) as Practice).fiche?.title).to.contain('(version clavier)');
    // Empty a required field, send by keyboard, follow the summary's link by keyboard.
    q<HTMLTextAreaElement>(el, '#f-objectives').focus();
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ press: 'Delete' });
    q<HTMLInputElement>(el, '#f-title').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(activeId(el)).to.equal('errors');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(activeId(el)).to.equal('f-objectives');
  });

  it('has zero axe violations at 375 px on a published fiche with versions and co-authors, and fits the screen', async () => {
    await setViewport({ width: 375, height: 800 });
    const store = newStore();
    const created = await store.createFiche(draftFiche(), { actor: editor });
    await store.inviteCoauthor(created.id, { name: 'Lou Martin' }, { actor: editor });
    await store.send(created.id, { type: 'PUBLISH', actor: editor } as never, { expectedVersion: 2 });
    const el = await mountEditor(store, { fiche: created.id });
    expect(q(el, '#actualise')).to.not.equal(null);
    await axeClean(el, '375 px');
    expect(el.scrollWidth <= el.clientWidth + 1, `no horizontal scroll (${el.scrollWidth} > ${el.clientWidth})`).to.equal(true);
    const en = await fixture<PiFicheEditor>(html`<pi-fiche-editor lang="en" .store=${store} .actor=${editor} fiche=${created.id}></pi-fiche-editor>`);
    await en.load();
    await settle(en);
    expect(q(en, '#versions-title').textContent).to.equal('History of versions');
  });
});

function draftFiche(): Record<string, unknown> {
  return {
    title: 'Un accueil de jour pour adolescents', entityName: 'Observatoire', summary: 'Un accueil de jour.',
    ...SECTIONS, partners: [], coAuthors: [], scale: 'nationale', interventionTypes: ['accueil-de-jour'], themes: ['education'], audiences: ['adolescents'], location: {},
  };
}
