// Builds already-reviewed practices by replaying the committee's path through the machine, so seeded data obeys every rule.
import type { Actor, PersistedReview, Practice, Source } from '../model.js';
import type { ReviewEvent } from '../review/events.js';
import { applyReviewEvent, createReview, deriveReview } from '../review/review.js';
import { DEFAULT_REVIEW_OPTIONS } from '../review/rules.js';
import { validateDeclaration } from '../schema/declaration.js';
import { validateFiche } from '../schema/fiche.js';
import { formatReference } from './ids.js';
import { ficheChanges, reviewDueDate } from '../schema/fiche-authoring.js';

/** A declaration that went through the committee and was published. */
export interface PublishedDeclarationSeed {
  id: string;
  declaration: unknown;
  submittedAt: string;
  publishedAt: string;
  featured?: { motivation: string };
  source?: Source;
}

/** An ONPE fiche imported and published by the editor. */
export interface PublishedFicheSeed {
  id: string;
  fiche: unknown;
  publishedAt: string;
  /** Ids of the seeded declared practices the fiche was written from. */
  basedOn?: string[];
  featured?: { motivation: string };
}

const DEMO: Record<'reviewer1' | 'reviewer2' | 'chair' | 'editor', Actor> = {
  reviewer1: { id: 'demo-reviewer-1', role: 'reviewer', name: 'Membre du comité 1' },
  reviewer2: { id: 'demo-reviewer-2', role: 'reviewer', name: 'Membre du comité 2' },
  chair: { id: 'demo-chair', role: 'chair', name: 'Présidence du comité' },
  editor: { id: 'demo-editor', role: 'editor', name: 'Éditeur' },
};

// Spreads the committee's steps between submission and publication.
const between = (from: string, to: string, fraction: number) => {
  const a = Date.parse(from);
  return new Date(a + (Date.parse(to) - a) * fraction).toISOString();
};

function replay(id: string, level: 'declared' | 'onpe', events: ReviewEvent[]): PersistedReview {
  let snapshot = createReview({ practiceId: id, level, ...DEFAULT_REVIEW_OPTIONS });
  for (const event of events) {
    const result = applyReviewEvent(snapshot, event);
    if (!result.ok) {
      const detail = result.refusal.errors?.map((e) => e.message).join(' ') ?? '';
      throw new Error(`Seed ${id}: ${event.type} refused: ${result.refusal.message} ${detail}`);
    }
    snapshot = result.snapshot;
  }
  return snapshot;
}

/**
 * Published practices from seeds, numbered in order of submission. Throws on an invalid seed:
 * example data that breaks a rule is a bug to fix, not to hide.
 */
export function buildPublishedPractices(declarations: readonly PublishedDeclarationSeed[], fiches: readonly PublishedFicheSeed[] = []): Practice[] {
  const sequences = new Map<number, number>();
  const reference = (at: string) => {
    const year = Number(at.slice(0, 4));
    const next = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, next);
    return formatReference(year, next);
  };
  const practices: Practice[] = [];
  const ordered = [...declarations].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  for (const seed of ordered) {
    const { submittedAt: s, publishedAt: p } = seed;
    const declarant: Actor = { id: `declarant:${seed.id}`, role: 'declarant' };
    const events = [
      { type: 'SUBMIT', actor: declarant, at: s, declaration: seed.declaration },
      { type: 'START_REVIEW', actor: DEMO.reviewer1, at: between(s, p, 0.1) },
      { type: 'GIVE_OPINION', actor: DEMO.reviewer1, at: between(s, p, 0.3), opinion: 'favorable', comment: 'Pratique claire et transposable.' },
      { type: 'GIVE_OPINION', actor: DEMO.reviewer2, at: between(s, p, 0.5), opinion: 'favorable' },
      { type: 'ACCEPT', actor: DEMO.chair, at: between(s, p, 0.8), comment: 'Retenue par le comité de sélection : pratique pertinente et documentée.' },
      { type: 'PUBLISH', actor: DEMO.editor, at: p },
      ...(seed.featured ? [{ type: 'FEATURE', actor: DEMO.editor, at: p, comment: seed.featured.motivation }] : []),
    ] as ReviewEvent[];
    const snapshot = replay(seed.id, 'declared', events);
    const value = validateDeclaration(seed.declaration, { today: s });
    if (!value.ok) throw new Error(`Seed ${seed.id}: invalid declaration`);
    practices.push({
      id: seed.id,
      reference: reference(s),
      level: 'declared',
      declaration: value.value,
      review: deriveReview(snapshot),
      ...(seed.source ? { source: seed.source } : {}),
      consentedAt: s,
      version: events.length + 1,
      createdAt: s,
      updatedAt: p,
      publishedAt: p,
    });
  }
  for (const seed of [...fiches].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))) {
    const events = [
      { type: 'IMPORT', actor: DEMO.editor, at: seed.publishedAt, fiche: seed.fiche },
      ...(seed.featured ? [{ type: 'FEATURE', actor: DEMO.editor, at: seed.publishedAt, comment: seed.featured.motivation }] : []),
    ] as ReviewEvent[];
    const snapshot = replay(seed.id, 'onpe', events);
    const value = validateFiche(seed.fiche, { today: seed.publishedAt });
    if (!value.ok) throw new Error(`Seed ${seed.id}: invalid fiche`);
    practices.push({
      id: seed.id,
      reference: reference(seed.publishedAt),
      level: 'onpe',
      fiche: value.value,
      review: deriveReview(snapshot),
      version: events.length,
      createdAt: seed.publishedAt,
      updatedAt: seed.publishedAt,
      publishedAt: seed.publishedAt,
      reviewDueAt: reviewDueDate(value.value.lastReviewedAt ?? seed.publishedAt),
      // Its first version is the one published, so the history of versions starts with it.
      ficheVersions: [{ number: 1, kind: 'publish', at: seed.publishedAt, author: { id: DEMO.editor.id, role: 'editor', name: DEMO.editor.name! }, changes: ficheChanges(undefined, value.value) }],
      ...(seed.basedOn?.length ? { basedOn: [...seed.basedOn] } : {}),
    });
  }
  return practices;
}
