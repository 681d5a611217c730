// The built self-contained files, as a partner page loads them (run after `npm run build`, as `npm test` does).
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryStore } from '../../src/store/memory.js';
import { validInput } from '../support/declarations.js';

async function waitFor<T>(check: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
  const start = Date.now();
  for (let value = check(); ; value = check()) {
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('self-contained bundles', () => {
  it('the form\'s own file registers the element and renders the first step', async () => {
    const mod = await import('../../dist/cdn/pi-declaration-form.min.js' as string);
    expect(mod.PiDeclarationForm).to.be.a('function');
    const el = await fixture(html`<pi-declaration-form draft-key="bundle-test"></pi-declaration-form>`);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Informations préalables');
  });

  it('the form\'s own file fetches the follow-up page from its chunk, next to it, and the page works', async () => {
    const form = '../../dist/cdn/pi-declaration-form.min.js';
    await import(form as string);
    const chunks = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/cdn/chunks/'));
    expect(chunks(), 'a page that only declares fetches no chunk').to.deep.equal([]);
    const store = createMemoryStore();
    const submitted = await store.submit(validInput(), { idempotencyKey: `bundle-${Date.now()}` });
    const el = await fixture(html`<pi-declaration-form practice=${submitted.id} token=${submitted.declarantToken} .store=${store}></pi-declaration-form>`);
    const root = el.shadowRoot!;
    const state = await waitFor(() => root.querySelector('.state'), 'the follow-up page');
    expect(state.textContent).to.equal('Soumise');
    expect(chunks()).to.have.length(1);
    expect(chunks()[0]).to.match(/\/dist\/cdn\/chunks\/follow-up-page-[\w-]+\.min\.js$/);
    // An action of the chunk, through the store, announced by an event the chunk dispatches.
    const actions: string[] = [];
    el.addEventListener('pi-declarant-action', (e) => actions.push((e as CustomEvent<{ action: string }>).detail.action));
    root.querySelector<HTMLButtonElement>('#withdraw-button')!.click();
    const yes = await waitFor(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Oui, retirer la pratique'), 'the confirmation');
    yes.click();
    await waitFor(() => root.querySelector('#notice'), 'the withdrawal');
    expect(root.querySelector('#notice')!.textContent).to.contain('Votre pratique est retirée.');
    expect(actions).to.deep.equal(['WITHDRAW']);
    expect(root.querySelector('.state')!.textContent).to.equal('Retirée');
  });

  it('the all-in-one file exports the domain too, and a second load is harmless', async () => {
    const mod = await import('../../dist/pratiques-inspirantes.min.js' as string);
    const again = await import(`../../dist/pratiques-inspirantes.min.js?again=1` as string);
    expect(mod.validateDeclaration({}).ok).to.equal(false);
    const store = mod.createMemoryStore();
    expect((await store.search({})).total).to.equal(0);
    expect(again.PiDeclarationForm).to.be.a('function');
  });

  it('a slotted privacy notice is shown in the contact step', async () => {
    const el = await fixture(html`<pi-declaration-form draft-key="slot-test"><p slot="privacy-notice">Avis RGPD</p></pi-declaration-form>`);
    const form = el as unknown as { step: number; updateComplete: Promise<unknown> };
    form.step = 3;
    await form.updateComplete;
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=privacy-notice]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Avis RGPD');
  });
});
