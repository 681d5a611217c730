// <pi-declaration-form> when things fail: the server (through `endpoint`), IndexedDB's quota, a full
// localStorage, and a second tab on the same draft. Each time the person's data is kept and they are told.
import { expect, fixture, html } from '@open-wc/testing';
import { defineDeclarationForm } from '../../widgets/declaration-form/define.js';
import type { DeclarationDraft, PiDeclarationForm } from '../../widgets/declaration-form/declaration-form.js';
import { FORM_STRINGS } from '../../widgets/declaration-form/strings.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { createBrowserStore } from '../../src/store/browser.js';

defineDeclarationForm();

const fr = FORM_STRINGS.fr;
const chair = { id: 'c', role: 'chair' } as const;
const UNAVAILABLE = 'Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.';
let n = 0;
const newKey = () => `faults-${Date.now()}-${++n}`;

const FULL: Partial<DeclarationDraft> = {
  conditionsAccepted: true,
  implementationDate: '21/12/2014',
  entityName: 'Association Grandir Ensemble 59',
  title: 'Groupes de parole pour parents',
  description: 'Des groupes mensuels réunissent parents et professionnels.',
  scale: 'departementale',
  interventionTypes: ['accueil-de-jour'],
  themes: ['education'],
  audiences: ['adolescents'],
  relay: 'association',
  location: { regions: [], departments: ['59'], locality: '' },
  departmentAgreement: { obtained: true, representative: 'Conseil départemental du Nord' },
  declarant: { name: 'Camille Martin', email: 'camille.martin@example.org', phone: '', accuracyCertified: true },
};

const root = (el: PiDeclarationForm) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PiDeclarationForm, selector: string) => root(el).querySelector<T>(selector) as T;
const heading = (el: PiDeclarationForm) => q(el, 'h2').textContent?.trim();
const button = (el: PiDeclarationForm, label: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
const settle = async (el: PiDeclarationForm, ms = 50) => {
  await new Promise((r) => setTimeout(r, ms));
  await el.updateComplete;
};
const stored = (key: string) => JSON.parse(localStorage.getItem(`pi-declaration-form:${key}`) ?? 'null') as { data: DeclarationDraft; idempotencyKey?: string } | null;

/** Walks a prefilled form to its recap with the primary button. */
async function toRecap(el: PiDeclarationForm) {
  for (let i = 0; i < 4 && heading(el) !== 'Récapitulatif et envoi'; i++) {
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    await el.updateComplete;
  }
  expect(heading(el)).to.equal('Récapitulatif et envoi');
}

async function send(el: PiDeclarationForm) {
  q<HTMLButtonElement>(el, 'button[type=submit]').click();
  await settle(el);
}

const created = () => new Response(JSON.stringify({ practice: { id: 'p1', reference: 'PI-2026-000042', review: { state: 'submitted', history: [] } }, declarantToken: 't'.repeat(32) }), { status: 201 });
const brokenStream = () => new ReadableStream<Uint8Array>({
  start(controller) {
    controller.enqueue(new TextEncoder().encode('{"practice": {"id": "p1", "ref'));
    controller.error(new TypeError('network error'));
  },
});

describe('<pi-declaration-form> with an endpoint, when the server fails', () => {
  const FAULTS: [string, () => Promise<Response>, string][] = [
    ['a server that is down (connection refused)', () => Promise.reject(new TypeError('Failed to fetch')), UNAVAILABLE],
    ['a 500 without a body', async () => new Response(null, { status: 500 }), UNAVAILABLE],
    ['a proxy\'s 502 HTML page', async () => new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }), UNAVAILABLE],
    ['a truncated answer (the connection drops mid-body)', async () => new Response(brokenStream(), { status: 201, headers: { 'Content-Type': 'application/json' } }), UNAVAILABLE],
    ['a success whose body is not JSON', async () => new Response('Created', { status: 201 }), UNAVAILABLE],
    ['a success whose JSON is cut short', async () => new Response('{"practice": {"id": "p1"', { status: 201 }), UNAVAILABLE],
    ['a 503 with the server\'s own message', async () => new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Service en maintenance jusqu’à 14 h.' } }), { status: 503 }), 'Service en maintenance jusqu’à 14 h.'],
    ['the server\'s limit per client (429)', async () => new Response(JSON.stringify({ error: { code: 'rate-limited', message: 'Trop de déclarations envoyées depuis cette connexion en peu de temps (30 en 10 minutes) ; rien n’a été enregistré. Réessayez dans 7 minutes.' } }), { status: 429, headers: { 'Retry-After': '412' } }), 'Réessayez dans 7 minutes.'],
  ];

  for (const [label, fault, message] of FAULTS) {
    it(`${label}: says so in French, keeps the draft and its key, and the retry sends under the same key`, async () => {
      const realFetch = window.fetch;
      const keys: (string | null)[] = [];
      let failing = true;
      window.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
        keys.push(new Headers(init?.headers).get('Idempotency-Key'));
        return failing ? fault() : created();
      }) as typeof fetch;
      try {
        const key = newKey();
        const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} endpoint="https://api.example.org" .prefill=${FULL}></pi-declaration-form>`);
        const failures: string[] = [];
        el.addEventListener('pi-submit-error', (e) => failures.push(e.detail.code));
        await toRecap(el);
        await send(el);
        const alert = q(el, '[role=alert]').textContent ?? '';
        expect(alert).to.contain(fr.sendFailed);
        expect(alert).to.contain(message);
        expect(failures).to.deep.equal(['unavailable']);
        expect(heading(el), 'the person stays on the recap, with everything').to.equal('Récapitulatif et envoi');
        expect(stored(key)?.data.title).to.equal(FULL.title);
        expect(stored(key)?.idempotencyKey).to.equal(keys[0]);
        failing = false;
        await send(el); // "Réessayer l'envoi"
        expect(heading(el)).to.equal('Déclaration envoyée');
        expect(keys).to.have.length(2);
        expect(keys[1]).to.equal(keys[0]);
        expect(stored(key), 'the draft goes once the server has confirmed').to.equal(null);
      } finally {
        window.fetch = realFetch;
      }
    });
  }
});

describe('<pi-declaration-form> when the browser\'s storage is full', () => {
  it('a full localStorage: the draft status says it cannot be saved here, nothing typed is lost, sending still works', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    try {
      const store = createMemoryStore();
      const key = newKey();
      const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} .store=${store} .prefill=${FULL}></pi-declaration-form>`);
      q<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      const title = q<HTMLInputElement>(el, '#f-title');
      title.value = 'Titre tapé quand le stockage est plein';
      title.dispatchEvent(new Event('input'));
      window.dispatchEvent(new Event('pagehide'));
      await el.updateComplete;
      expect(q(el, '.draft-status').textContent).to.equal(fr.draftUnavailable);
      expect(localStorage.getItem(`pi-declaration-form:${key}`)).to.equal(null);
      expect(q<HTMLInputElement>(el, '#f-title').value).to.equal('Titre tapé quand le stockage est plein');
      await toRecap(el);
      await send(el);
      expect(heading(el)).to.equal('Déclaration envoyée');
      const { items } = await store.list({}, { actor: chair });
      expect(items.map((p) => p.declaration!.title)).to.deep.equal(['Titre tapé quand le stockage est plein']);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('a full IndexedDB quota in the browser store: "not recorded" in French, the draft kept, the retry records one practice', async () => {
    const add = IDBObjectStore.prototype.add;
    const put = IDBObjectStore.prototype.put;
    const full = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    const store = createBrowserStore(`pi-faults-${Date.now()}-${++n}`);
    const key = newKey();
    const el = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} .store=${store} .prefill=${FULL}></pi-declaration-form>`);
    await toRecap(el);
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = full;
    try {
      await send(el);
      const alert = q(el, '[role=alert]').textContent ?? '';
      expect(alert).to.contain(fr.sendFailed);
      expect(alert).to.contain('rien n’a été enregistré, réessayez dans un instant');
      expect(stored(key)?.data.title).to.equal(FULL.title);
      expect(stored(key)?.idempotencyKey).to.be.a('string');
    } finally {
      IDBObjectStore.prototype.add = add;
      IDBObjectStore.prototype.put = put;
    }
    expect((await store.list({}, { actor: chair })).total, 'nothing was written').to.equal(0);
    await send(el);
    expect(heading(el)).to.equal('Déclaration envoyée');
    expect((await store.list({}, { actor: chair })).total).to.equal(1);
  });
});

describe('the browser store when IndexedDB is full', () => {
  it('a review event under a full quota is "unavailable" in French and changes nothing; once space is back it goes through', async () => {
    const store = createBrowserStore(`pi-faults-${Date.now()}-${++n}`);
    const p = await store.submit({ ...FULL, implementationDate: '2014-12-21' }, { idempotencyKey: 'quota-send' });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    try {
      let error: { code?: string; message?: string } | undefined;
      await store.send(p.id, { type: 'START_REVIEW', actor: { id: 'r1', role: 'reviewer' } }, { expectedVersion: 1 }).catch((e) => (error = e));
      expect(error?.code).to.equal('unavailable');
      expect(error?.message).to.contain('rien n’a été enregistré');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const unchanged = (await store.get(p.id, { actor: chair })) as { version: number; review: { state: string } };
    expect([unchanged.version, unchanged.review.state]).to.deep.equal([1, 'submitted']);
    expect((await store.send(p.id, { type: 'START_REVIEW', actor: { id: 'r1', role: 'reviewer' } }, { expectedVersion: 1 })).version).to.equal(2);
  });
});

describe('<pi-declaration-form> in two tabs on the same draft', () => {
  /** A second page of this origin (a real window, with its own element registry), with the form's module loaded. */
  async function secondTab(): Promise<Window> {
    const tab = window.open('', `pi-second-tab-${++n}`)!;
    expect(tab, 'the second tab opened').to.not.equal(null);
    const script = tab.document.createElement('script');
    script.type = 'module';
    script.textContent = `import { defineDeclarationForm } from '${new URL('/widgets/declaration-form/define.ts', location.href).href}'; defineDeclarationForm();`;
    tab.document.head.append(script);
    await tab.customElements.whenDefined('pi-declaration-form');
    return tab;
  }

  it('the last save wins and the other tab is told; a resumed draft is the latest; both tabs send under one key, so one practice', async () => {
    const store = createMemoryStore();
    const key = newKey();
    const tabB = await secondTab();
    try {
      // Tab A starts the declaration.
      const a = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} .store=${store} .prefill=${FULL}></pi-declaration-form>`);
      q<HTMLButtonElement>(a, 'button[type=submit]').click();
      await a.updateComplete;
      expect(stored(key)?.data.title).to.equal(FULL.title);

      // Tab B opens the same page: it is offered the draft, takes it up and changes the title.
      const b = tabB.document.createElement('pi-declaration-form') as PiDeclarationForm;
      b.setAttribute('draft-key', key);
      b.store = store;
      tabB.document.body.append(b);
      await b.updateComplete;
      expect(heading(b)).to.equal('Un brouillon vous attend');
      button(b, 'Reprendre le brouillon')!.click();
      await b.updateComplete;
      const title = q<HTMLInputElement>(b, '#f-title');
      expect(title.value).to.equal(FULL.title);
      title.value = 'Titre corrigé dans l’onglet B';
      title.dispatchEvent(new Event('input'));
      tabB.dispatchEvent(new Event('pagehide')); // B saves now
      await settle(a);
      expect(stored(key)?.data.title, 'the last save wins').to.equal('Titre corrigé dans l’onglet B');
      expect(q(a, '.draft-status').textContent, 'tab A is told').to.equal(fr.draftElsewhere);

      // A reload of tab A offers the latest version, even if B saved after the offer was shown.
      const reloaded = await fixture<PiDeclarationForm>(html`<pi-declaration-form draft-key=${key} .store=${store}></pi-declaration-form>`);
      expect(heading(reloaded)).to.equal('Un brouillon vous attend');
      title.value = 'Titre final de l’onglet B';
      title.dispatchEvent(new Event('input'));
      tabB.dispatchEvent(new Event('pagehide'));
      await settle(reloaded);
      button(reloaded, 'Reprendre le brouillon')!.click();
      await reloaded.updateComplete;
      expect(q<HTMLInputElement>(reloaded, '#f-title').value).to.equal('Titre final de l’onglet B');

      // Tab B sends; the reloaded tab A is told, then sends too: the same key, so the first practice, not a second one.
      await toRecap(b);
      q<HTMLButtonElement>(b, 'button[type=submit]').click();
      await settle(reloaded, 100);
      expect(heading(b)).to.equal('Déclaration envoyée');
      expect(q(reloaded, '.draft-status').textContent).to.equal(fr.draftGoneElsewhere);
      await toRecap(reloaded);
      await send(reloaded);
      expect(heading(reloaded)).to.equal('Déclaration envoyée');
      const { items } = await store.list({}, { actor: chair });
      expect(items.map((p) => p.declaration!.title)).to.deep.equal(['Titre final de l’onglet B']);
    } finally {
      tabB.close();
    }
  });
});
