// The store contract against real IndexedDB in Chromium, plus what only a browser can show: reloads and tabs.
import { expect } from '@open-wc/testing';
import { createBrowserStore, createIndexedDbRepository } from '../../src/store/browser.js';
import type { Practice } from '../../src/model.js';
import { NOW, PERSISTENCE_CONTRACT, STORE_CONTRACT } from '../support/store-contract.js';
import { validInput } from '../support/declarations.js';

let n = 0;
const dbName = () => `pi-test-${Date.now()}-${++n}`;
const chair = { id: 'chair', role: 'chair' } as const;

describe('browser store (IndexedDB)', () => {
  for (const [name, run] of [...STORE_CONTRACT, ...PERSISTENCE_CONTRACT]) {
    it(name, async () => {
      let now = NOW;
      const name = dbName();
      const clock = () => new Date(now);
      await run({ store: createBrowserStore(name, { clock }), setNow: (iso) => (now = iso), reopen: () => createBrowserStore(name, { clock }) });
    });
  }

  it('a second tab sees the first tab\'s publications in its search', async () => {
    const name = dbName();
    const tabA = createBrowserStore(name);
    const tabB = createBrowserStore(name);
    expect((await tabB.search({})).total).to.equal(0); // B builds its index now
    const imported = await tabA.importPractices([{ level: 'onpe', fiche: {
      title: 'Fiche partagée', entityName: 'ONPE', summary: 'Résumé.', objectives: 'O.', means: 'M.', keysToSuccess: 'C.', expectedResults: 'R.', difficulties: 'D.',
      partners: [], coAuthors: [], scale: 'nationale', interventionTypes: ['autre'], interventionTypeOther: 'Recherche', themes: ['education'], audiences: ['enfants'], location: {},
    } }], { actor: { id: 'e', role: 'editor' } });
    expect(imported[0]!.review.state).to.equal('published');
    // BroadcastChannel delivers asynchronously.
    await new Promise((r) => setTimeout(r, 50));
    expect((await tabB.search({ text: 'partagee' })).total).to.equal(1);
  });

  it('two tabs writing the same version: one wins, the other gets a version conflict', async () => {
    const name = dbName();
    const tabA = createBrowserStore(name);
    const tabB = createBrowserStore(name);
    const p = await tabA.submit(validInput(), { idempotencyKey: 'k' });
    const results = await Promise.allSettled([
      tabA.send(p.id, { type: 'START_REVIEW', actor: { id: 'r1', role: 'reviewer' } }, { expectedVersion: 1 }),
      tabB.send(p.id, { type: 'WITHDRAW', actor: { id: 'd', role: 'declarant', token: p.declarantToken } }, { expectedVersion: 1 }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected).to.have.length(1);
    expect(rejected[0]!.reason.code).to.equal('version-conflict');
    expect(((await tabB.get(p.id, { actor: chair })) as Practice).version).to.equal(2);
  });

  it('a batch that fails half-way writes nothing (the transaction is aborted)', async () => {
    const name = dbName();
    const repo = createIndexedDbRepository(name);
    const store = createBrowserStore(name);
    const p = await store.submit(validInput(), { idempotencyKey: 'k' });
    const full = (await store.get(p.id, { actor: chair })) as Practice;
    let failed = false;
    try {
      await repo.insertMany(2026, [
        { build: (n) => ({ practice: { ...full, id: 'written-then-undone', reference: `PI-2026-${n}` } }) },
        { build: () => { throw new Error('disk full'); } },
      ]);
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    expect((await repo.all()).map((r) => r.practice.id)).to.deep.equal([p.id]);
    expect((await store.submit(validInput(), { idempotencyKey: 'k2' })).reference).to.equal('PI-2026-000002');
  });

  it('a database that cannot open rejects with "unavailable" and a French message', async () => {
    const name = dbName();
    // Opening at a higher version first makes our version 1 open fail with a VersionError.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 99);
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    });
    const store = createBrowserStore(name);
    try {
      await store.submit(validInput(), { idempotencyKey: 'x' });
      expect.fail('should reject');
    } catch (e) {
      expect((e as { code: string }).code).to.equal('unavailable');
      expect((e as Error).message).to.match(/réessayez/);
    }
  });
});
