// The built self-contained files, as a partner page loads them (run after `npm run build`, as `npm test` does).
import { expect, fixture, html } from '@open-wc/testing';

describe('self-contained bundles', () => {
  it('the form\'s own file registers the element and renders the first step', async () => {
    const mod = await import('../../dist/cdn/pi-declaration-form.min.js' as string);
    expect(mod.PiDeclarationForm).to.be.a('function');
    const el = await fixture(html`<pi-declaration-form draft-key="bundle-test"></pi-declaration-form>`);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Informations préalables');
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
