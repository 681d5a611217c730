// Which language the elements speak: their own `lang`, else the page's (closest `[lang]`, then `<html lang>`), else French.
import { expect, fixture, html } from '@open-wc/testing';
import { defineDeclarationForm } from '../../widgets/declaration-form/define.js';
import { definePracticeLibrary } from '../../widgets/practice-library/define.js';
import type { PiDeclarationForm } from '../../widgets/declaration-form/declaration-form.js';
import type { PiPracticeLibrary } from '../../widgets/practice-library/practice-library.js';
import { FORM_STRINGS } from '../../widgets/declaration-form/strings.js';
import { LIBRARY_STRINGS } from '../../widgets/practice-library/strings.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { inheritedLang } from '../../widgets/shared/lang.js';

defineDeclarationForm();
definePracticeLibrary();

const formHeading = (el: PiDeclarationForm) => el.shadowRoot!.querySelector('h2')?.textContent?.trim();
// The search field's label, without its hint.
const libraryLabel = (el: PiPracticeLibrary) =>
  [...(el.shadowRoot!.querySelector('label[for="q"]')?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
const settle = async (el: HTMLElement & { updateComplete: Promise<unknown> }) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};
let key = 0;
const form = (lang?: string) => html`<pi-declaration-form draft-key=${`lang-${++key}`} lang=${lang ?? (undefined as never)}></pi-declaration-form>`;

describe('language of the elements', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
  });

  it('is French when neither the element nor the page says otherwise', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<PiDeclarationForm>(form());
    expect(formHeading(el)).to.equal(FORM_STRINGS.fr.steps[0]);
  });

  it('follows the closest lang attribute around the element, and the page’s when there is none', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de-DE">${form()}</div>`);
    const inDe = wrapper.querySelector('pi-declaration-form') as PiDeclarationForm;
    await settle(inDe);
    expect(formHeading(inDe)).to.equal(FORM_STRINGS.de.steps[0]);

    document.documentElement.setAttribute('lang', 'en');
    const inPage = await fixture<PiDeclarationForm>(form());
    expect(formHeading(inPage)).to.equal(FORM_STRINGS.en.steps[0]);
  });

  it('its own lang wins over the page’s', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await fixture<PiDeclarationForm>(form('de'));
    expect(formHeading(el)).to.equal(FORM_STRINGS.de.steps[0]);
    el.removeAttribute('lang');
    await settle(el);
    expect(formHeading(el)).to.equal(FORM_STRINGS.en.steps[0], 'without its own, the page’s again');
  });

  it('follows a change of the page’s language (a site’s language switcher)', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library .store=${createMemoryStore()}></pi-practice-library>`);
    await settle(el);
    expect(libraryLabel(el)).to.equal(LIBRARY_STRINGS.fr.searchLabel);
    document.documentElement.setAttribute('lang', 'en-GB');
    await settle(el);
    expect(libraryLabel(el)).to.equal(LIBRARY_STRINGS.en.searchLabel);
    expect(el.shadowRoot!.querySelector('[lang]')?.getAttribute('lang')).to.equal('en', 'the shadow content says which language it is in');
  });

  it('falls back to French for a language without a catalogue', async () => {
    document.documentElement.setAttribute('lang', 'es');
    const el = await fixture<PiDeclarationForm>(form());
    expect(formHeading(el)).to.equal(FORM_STRINGS.fr.steps[0]);
  });

  it('crosses shadow roots to find the language of the host page', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(inheritedLang(inner)).to.equal('en');
  });
});
