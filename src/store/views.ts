// What each role may see of a practice: the public never sees personal data nor review data; the declarant never sees opinions.
import type { Actor, DeclarantAllowedEvent, DeclarantPractice, Practice, PublicDeclaration, PublicPractice } from '../model.js';
import { allowedEvents } from '../review/review.js';

const COMMITTEE_ROLES = new Set(['reviewer', 'chair', 'editor']);

/** True for the roles of the committee's side, who see everything. */
export const isCommittee = (actor: Actor | undefined): boolean => !!actor && COMMITTEE_ROLES.has(actor.role);

/** The public library's view of a published practice; `undefined` when it is not published. */
export function toPublicPractice(p: Practice): PublicPractice | undefined {
  if (p.review.state !== 'published' || !p.publishedAt) return undefined;
  const view: PublicPractice = {
    id: p.id,
    reference: p.reference,
    level: p.level,
    featured: p.review.featured,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
  };
  if (p.declaration) {
    // Listed field by field: a field added to Declaration later stays private until added here.
    const { declarant: _d, departmentAgreement: _a, ...rest } = p.declaration;
    view.declaration = structuredClone(rest) as PublicDeclaration;
  }
  if (p.fiche) view.fiche = structuredClone(p.fiche);
  if (p.review.featured) {
    // The committee's motivation is what a "Pratiques valorisées" page shows: the latest FEATURE's.
    const feature = [...p.review.history].reverse().find((h) => h.type === 'FEATURE');
    if (feature?.comment) view.highlight = { motivation: feature.comment, at: feature.at };
  }
  if (p.basedOn?.length) view.basedOn = [...p.basedOn];
  if (p.source?.campaign) view.campaign = { id: p.source.campaign.id, name: p.source.campaign.name };
  return view;
}

/**
 * The declarant's view through the secret link: the practice, its state and the committee's
 * requests and decisions, never the opinions. Committee members appear by role, not by name.
 */
export function toDeclarantView(p: Practice): DeclarantPractice {
  const { review, ...rest } = structuredClone(p);
  const history = review.history
    .filter((h) => h.type !== 'GIVE_OPINION')
    .map((h) => (h.actor.role === 'declarant' ? h : { ...h, actor: { id: h.actor.role, role: h.actor.role } }));
  // The machine, not the widget, says what the declarant may do now.
  const allowed = allowedEvents(review.snapshot, { id: 'declarant', role: 'declarant' }) as DeclarantAllowedEvent[];
  return { ...rest, review: { state: review.state, history, allowed } };
}
