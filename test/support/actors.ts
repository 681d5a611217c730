// Who acts in the store contracts, the idempotency keys they send, and the committee's way to publication:
// shared by store-contract.ts and fiche-contract.ts (which store-contract.ts imports, so neither can import the other).
import type { Actor, Practice } from '../../src/model.js';
import type { PracticeStore } from '../../src/store/port.js';

export const reviewer: Actor = { id: 'rev-1', role: 'reviewer' };
export const reviewer2: Actor = { id: 'rev-2', role: 'reviewer' };
export const chair: Actor = { id: 'chair', role: 'chair' };
export const editor: Actor = { id: 'editor', role: 'editor' };

let keys = 0;
/** A fresh idempotency key. */
export const key = () => `key-${Date.now()}-${++keys}`;

/** Takes a submitted practice to `published` through the committee. */
export async function publish(store: PracticeStore, practice: { id: string; version: number }): Promise<Practice> {
  let p = practice as Practice;
  const steps = [
    { type: 'START_REVIEW', actor: reviewer },
    { type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable' },
    { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable', comment: 'Transposable.' },
    { type: 'ACCEPT', actor: chair, comment: 'Pertinente et documentée.' },
    { type: 'PUBLISH', actor: editor },
  ] as const;
  for (const step of steps) p = (await store.send(p.id, step as never, { expectedVersion: p.version })) as Practice;
  return p;
}
