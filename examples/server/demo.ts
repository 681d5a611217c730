// Demo-only committee tokens for `npm start`: published in the repository, so never for real data.
import type { Actor, Declaration, PracticeStore } from '../../src/index.js';
import { syntheticDeclarations } from '../data/index.js';
import type { CommitteeMember } from './config.js';

/**
 * The demo committee, with the ids the example practices' histories use. Anyone who reads this
 * file can act as the committee: a real deployment configures its own tokens (docs/server.md).
 */
export const DEMO_TOKENS: Readonly<Record<string, CommitteeMember>> = Object.freeze({
  'demo-relecteur-1-jeton-public': { id: 'demo-reviewer-1', role: 'reviewer', name: 'Membre du comité 1' },
  'demo-relecteur-2-jeton-public': { id: 'demo-reviewer-2', role: 'reviewer', name: 'Membre du comité 2' },
  'demo-presidence-jeton-public': { id: 'demo-chair', role: 'chair', name: 'Présidence du comité' },
  'demo-editeur-jeton-public': { id: 'demo-editor', role: 'editor', name: 'Éditeur' },
});

/**
 * Declarations at every stage of the review, so that the board's queues are not empty on a first
 * `npm start`: submitted, in review with one or two opinions, complements asked and answered,
 * complements awaited, accepted (to publish), merged. Idempotency keys make a second run add nothing.
 * The same stages as the board's demo page over the memory store (examples/review.html).
 */
export async function addDemoCommitteeWork(store: PracticeStore): Promise<number> {
  const actor = (token: string): Actor => {
    const m = DEMO_TOKENS[token]!;
    return { id: m.id, role: m.role, token };
  };
  const reviewer1 = actor('demo-relecteur-1-jeton-public');
  const reviewer2 = actor('demo-relecteur-2-jeton-public');
  const chair = actor('demo-presidence-jeton-public');
  const declarations = syntheticDeclarations(9, 2026);
  const ids: { id: string; token: string; declaration: Declaration; version: number }[] = [];
  for (const [i, declaration] of declarations.entries()) {
    const p = await store.submit(declaration, { idempotencyKey: `demo-committee-work-${i}`, source: { partner: 'démonstration' } });
    ids.push({ id: p.id, token: p.declarantToken, declaration, version: p.version });
  }
  // A second run finds the practices already moved on: nothing more to do.
  if (ids.some((x) => x.version > 1)) return 0;
  const send = async (x: (typeof ids)[number], event: Record<string, unknown>) => {
    x.version = (await store.send(x.id, event as never, { expectedVersion: x.version })).version;
  };
  type Item = (typeof ids)[number];
  // 0–2 stay submitted.
  const [one, two, answered, waiting, accepted, merged] = ids.slice(3) as [Item, Item, Item, Item, Item, Item];
  for (const x of [one, two, answered, waiting, accepted]) await send(x, { type: 'START_REVIEW', actor: reviewer1 });
  await send(one, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable', comment: 'Clair et transposable.' });
  await send(two, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
  await send(two, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'reserve', comment: 'Le coût par famille n’est pas indiqué.' });
  await send(answered, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Précisez le public et le nombre de personnes accompagnées.' });
  const before = answered.declaration;
  await send(answered, {
    type: 'PROVIDE_COMPLEMENTS',
    actor: { id: 'declarant', role: 'declarant', token: answered.token },
    declaration: {
      ...before,
      title: `${before.title} (version complétée)`.slice(0, 100),
      description: `${before.description}\n\nPublic : une quarantaine de familles par an, orientées par l’aide sociale à l’enfance.`.slice(0, 1000),
    },
  });
  await send(waiting, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Joignez l’accord écrit du département.' });
  await send(accepted, { type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
  await send(accepted, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable' });
  await send(accepted, { type: 'ACCEPT', actor: chair, comment: 'Pratique pertinente, deux avis favorables.' });
  await send(merged, { type: 'MERGE', actor: chair, into: ids[0]!.id, comment: 'Déclarée deux fois par la même structure.' });
  return ids.length;
}

/** The two demo campaigns: a département's, with a generic link and one per partner, and a network's, one link per member. */
export const DEMO_CAMPAIGNS = [
  {
    name: 'Appel à pratiques 2026 du Nord',
    organiser: { kind: 'department' as const, name: 'Département du Nord', department: '59' },
    partners: ['Association Horizon Famille', 'Maison des adolescents de Lille'],
    generic: true,
  },
  {
    name: 'Recueil du réseau des lieux d’accueil parents-enfants',
    organiser: { kind: 'network' as const, name: 'Réseau national des lieux d’accueil parents-enfants' },
    partners: ['LAEP Les Petits Pas (Rennes)', 'LAEP La Maison Verte (Marseille)', 'LAEP Trait d’union (Dijon)'],
    generic: false,
  },
];

/**
 * Campaigns with declarations received through their invitation links, at several stages (submitted,
 * in review, published), so the board's campaign view has counts on a first `npm start`. A second run
 * finds the campaigns by name and adds nothing.
 */
export async function addDemoCampaigns(store: PracticeStore): Promise<number> {
  const actor = (token: string): Actor => ({ id: DEMO_TOKENS[token]!.id, role: DEMO_TOKENS[token]!.role, token });
  const editor = actor('demo-editeur-jeton-public');
  const chair = actor('demo-presidence-jeton-public');
  const reviewer1 = actor('demo-relecteur-1-jeton-public');
  const reviewer2 = actor('demo-relecteur-2-jeton-public');
  if (!store.createCampaign || !store.listCampaigns) return 0;
  const existing = await store.listCampaigns({ actor: editor });
  if (DEMO_CAMPAIGNS.every((c) => existing.some((e) => e.name === c.name))) return 0;
  const declarations = syntheticDeclarations(7, 2027);
  let added = 0;
  for (const [n, input] of DEMO_CAMPAIGNS.entries()) {
    if (existing.some((e) => e.name === input.name)) continue;
    const campaign = await store.createCampaign(input, { actor: editor });
    added++;
    // The Nord: four declarations (one published, one in review, two submitted); the network: three (one published, two submitted).
    const through = n === 0 ? declarations.slice(0, 4) : declarations.slice(4);
    for (const [i, declaration] of through.entries()) {
      const invitation = campaign.invitations[i % campaign.invitations.length]!;
      const p = await store.submit(declaration, { idempotencyKey: `demo-campaign-${n}-${i}`, invitation: invitation.token });
      if (i > 1) continue;
      let version = p.version;
      const send = async (event: Record<string, unknown>) => {
        version = (await store.send(p.id, event as never, { expectedVersion: version })).version;
      };
      await send({ type: 'START_REVIEW', actor: reviewer1 });
      if (i === 1) continue;
      await send({ type: 'GIVE_OPINION', actor: reviewer1, opinion: 'favorable' });
      await send({ type: 'GIVE_OPINION', actor: reviewer2, opinion: 'favorable' });
      await send({ type: 'ACCEPT', actor: chair, comment: 'Pratique reçue par la campagne, deux avis favorables.' });
      await send({ type: 'PUBLISH', actor: editor });
    }
  }
  return added;
}
