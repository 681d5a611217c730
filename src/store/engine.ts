// The store's rules, written once over a small repository interface that the memory and IndexedDB adapters implement.
import type { Actor, DeclarantPractice, Practice, PersistedReview, ReviewState, SubmittedPractice } from '../model.js';
import type { ReviewCommand, ReviewEvent } from '../review/events.js';
import type { Level } from '../taxonomy/lists.js';
import { applyReviewEvent, createReview, deriveReview, reviewContextOf } from '../review/review.js';
import { DEFAULT_REVIEW_OPTIONS, type ReviewOptions } from '../review/rules.js';
import { validateDeclaration } from '../schema/declaration.js';
import { validateFiche } from '../schema/fiche.js';
import type { ValidationError } from '../schema/fields.js';
import { createSearchIndex, type SearchIndex, type SearchQuery, type SearchResult } from '../search/index.js';
import { PracticeStoreError } from './errors.js';
import { formatReference, newPracticeId, newSecretToken, sameSecret } from './ids.js';
import type { ImportRecord, ListQuery, ListResult, PracticeStore, PracticeView, SubmitOptions } from './port.js';
import { isCommittee, toDeclarantView, toPublicPractice } from './views.js';

/** A practice as kept by a repository, with what must never leave it. */
export interface StoredRecord {
  practice: Practice;
  /** The declarant's secret link token. */
  declarantToken?: string;
  idempotencyKey?: string;
}

/** What an adapter provides. Each method is atomic on its own. */
export interface Repository {
  get(id: string): Promise<StoredRecord | undefined>;
  all(): Promise<StoredRecord[]>;
  findByKey(idempotencyKey: string): Promise<StoredRecord | undefined>;
  /**
   * Inserts the record `build` makes from the next reference number of `year`, unless a record
   * with `idempotencyKey` exists: that one is returned instead.
   */
  insert(year: number, idempotencyKey: string | undefined, build: (sequence: number) => StoredRecord): Promise<{ record: StoredRecord; created: boolean }>;
  /** Replaces a record if the stored one still has `expectedVersion`. */
  replace(record: StoredRecord, expectedVersion: number): Promise<'ok' | 'conflict' | 'not-found'>;
}

/** Settings shared by every adapter. */
export interface StoreOptions {
  /** Review settings carried into each new practice's machine. */
  options?: Partial<ReviewOptions>;
  /** The clock that stamps events; tests pass a fixed one. */
  clock?: () => Date;
}

const STATES: ReviewState[] = ['draft', 'submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'];
const STATE_LIMIT = 500;

const clampInt = (n: unknown, min: number, max: number, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : fallback;

const unavailable = (cause: unknown) =>
  new PracticeStoreError('unavailable', 'Le stockage des pratiques ne répond pas ; rien n’a été perdu, réessayez dans un instant.', { cause });

/** Runs a repository call, turning storage failures into `unavailable`. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PracticeStoreError) throw e;
    throw unavailable(e);
  }
}

/** A `PracticeStore` with extra hooks the adapters use. */
export interface EngineStore extends PracticeStore {
  /** Forgets the search index, so the next search rebuilds it (another tab wrote). */
  invalidate(): void;
}

/** Builds the store port over a repository. */
export function createStoreEngine(repo: Repository, settings: StoreOptions = {}): EngineStore {
  const reviewOptions: ReviewOptions = { ...DEFAULT_REVIEW_OPTIONS, ...settings.options };
  const now = () => (settings.clock ?? (() => new Date()))().toISOString();
  let index: SearchIndex | undefined;
  let indexBuild: Promise<SearchIndex> | undefined;

  function syncIndex(p: Practice) {
    if (!index) return;
    const view = toPublicPractice(p);
    index.remove(p.id);
    if (view) index.add(view);
  }

  function stamp(command: ReviewCommand, at: string): ReviewEvent {
    return { ...command, at } as ReviewEvent;
  }

  function refusal(result: ReturnType<typeof applyReviewEvent>): PracticeStoreError {
    if (result.ok) throw new Error('unreachable');
    const { code, message, errors } = result.refusal;
    const invalid = code === 'invalid_declaration' || code === 'invalid_fiche';
    return new PracticeStoreError(invalid ? 'invalid-declaration' : 'illegal-transition', invalid && errors?.length ? `${message} ${errors.map((e) => e.message).join(' ')}` : message, invalid ? { fields: errors ?? [] } : {});
  }

  function newPractice(id: string, reference: string, at: string, review: PersistedReview, extra: Partial<Practice>): Practice {
    const derived = deriveReview(review);
    return { id, reference, level: 'declared', review: derived, version: 1, createdAt: at, updatedAt: at, ...extra };
  }

  /** The stored (normalised) form of what the machine's guard just accepted. */
  function validatedContent(level: Level, record: ImportRecord, at: string): Partial<Practice> {
    if (level === 'onpe') {
      const v = validateFiche((record as { fiche?: unknown }).fiche, { today: at });
      return v.ok ? { fiche: v.value } : {};
    }
    const v = validateDeclaration((record as { declaration?: unknown }).declaration, { today: at, minPracticeAgeMonths: reviewOptions.minPracticeAgeMonths });
    return v.ok ? { declaration: v.value } : {};
  }

  function committeeOnly(actor: Actor | undefined, what: string) {
    if (!isCommittee(actor)) throw new PracticeStoreError('forbidden', `${what} est réservé au comité de sélection et à l’éditeur.`);
  }

  const store: EngineStore = {
    invalidate() {
      index = undefined;
      indexBuild = undefined;
    },

    async submit(declaration, options: SubmitOptions) {
      const key = typeof options?.idempotencyKey === 'string' && options.idempotencyKey.trim() ? options.idempotencyKey.trim() : undefined;
      // A retry (double click, network failure after the write) gets the first practice back.
      const first = key ? await guarded(() => repo.findByKey(key)) : undefined;
      if (first) return { ...structuredClone(first.practice), declarantToken: first.declarantToken ?? '' };
      const at = now();
      const id = newPracticeId();
      // Validate through the machine first: a refused declaration costs no reference number.
      const start = createReview({ practiceId: id, level: 'declared', ...reviewOptions });
      const actor: Actor = { id: `declarant:${id}`, role: 'declarant' };
      const result = applyReviewEvent(start, { type: 'SUBMIT', actor, at, declaration } as ReviewEvent);
      if (!result.ok) throw refusal(result);
      const value = validateDeclaration(declaration, { today: at, minPracticeAgeMonths: reviewOptions.minPracticeAgeMonths });
      if (!value.ok) throw new Error('unreachable: the machine accepted an invalid declaration');
      const token = newSecretToken();
      const year = Number(at.slice(0, 4));
      const { record } = await guarded(() =>
        repo.insert(year, key, (sequence) => ({
          practice: newPractice(id, formatReference(year, sequence), at, result.snapshot, {
            declaration: value.value,
            consentedAt: at,
            ...(options?.source ? { source: { ...options.source } } : {}),
          }),
          declarantToken: token,
          ...(key ? { idempotencyKey: key } : {}),
        })),
      );
      syncIndex(record.practice);
      return { ...structuredClone(record.practice), declarantToken: record.declarantToken ?? '' } satisfies SubmittedPractice;
    },

    async get(id, options = {}): Promise<PracticeView | undefined> {
      const record = await guarded(() => repo.get(String(id)));
      if (!record) return undefined;
      const { actor } = options;
      if (isCommittee(actor)) return structuredClone(record.practice);
      if (actor?.role === 'declarant') {
        return sameSecret(actor.token, record.declarantToken) ? toDeclarantView(record.practice) : undefined;
      }
      return toPublicPractice(record.practice);
    },

    async list(query: ListQuery, { actor }): Promise<ListResult> {
      committeeOnly(actor, 'La liste des pratiques à examiner');
      const records = await guarded(() => repo.all());
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
      for (const r of records) counts[r.practice.review.state]++;
      const states = query.states?.length ? new Set(query.states) : undefined;
      const items = records
        .map((r) => r.practice)
        .filter((p) => !states || states.has(p.review.state))
        .filter((p) => !query.level || p.level === query.level)
        .filter((p) => !query.awaitingOpinionOf || (p.review.state === 'inReview' && !p.review.opinions.some((o) => o.actor.id === query.awaitingOpinionOf)))
        .filter((p) => !query.awaitingDecision || (p.review.state === 'inReview' && p.review.opinions.length >= reviewContextOf(p.review.snapshot).options.minOpinions))
        // A queue is served oldest first.
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const offset = clampInt(query.offset, 0, Number.MAX_SAFE_INTEGER, 0);
      const limit = clampInt(query.limit, 1, STATE_LIMIT, 50);
      return { items: structuredClone(items.slice(offset, offset + limit)), total: items.length, counts };
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      if (!index) {
        indexBuild ??= guarded(async () => {
          const records = await repo.all();
          return createSearchIndex(records.map((r) => toPublicPractice(r.practice)).filter((p) => p !== undefined));
        });
        const built = indexBuild;
        try {
          index = await built;
        } finally {
          if (indexBuild === built) indexBuild = undefined;
        }
      }
      return index.search(query ?? {});
    },

    async send(id, command, options): Promise<Practice | DeclarantPractice> {
      const record = await guarded(() => repo.get(String(id)));
      if (!record) throw new PracticeStoreError('not-found', `Aucune pratique ne porte l’identifiant « ${String(id).slice(0, 40)} ».`);
      const current = record.practice;
      const actor = command?.actor;
      // The declarant acts through the secret link only.
      if (actor?.role === 'declarant' && !sameSecret(actor.token, record.declarantToken)) {
        throw new PracticeStoreError('not-found', 'Ce lien de suivi n’est pas valide pour cette pratique.');
      }
      if (options?.expectedVersion !== current.version) {
        throw new PracticeStoreError('version-conflict', `Cette pratique a été modifiée entre-temps (version ${current.version}, vous aviez la version ${String(options?.expectedVersion)}) ; rechargez-la avant de recommencer.`, { currentVersion: current.version });
      }
      if (command.type === 'MERGE') {
        const target = typeof command.into === 'string' && command.into !== current.id ? await guarded(() => repo.get(command.into)) : undefined;
        if (command.into && command.into !== current.id && (!target || target.practice.review.state === 'merged')) {
          throw new PracticeStoreError('illegal-transition', target ? 'La pratique cible a elle-même été fusionnée ; choisissez la pratique qui la remplace.' : `La pratique cible « ${String(command.into).slice(0, 40)} » n’existe pas.`);
        }
      }
      const at = now();
      const { token: _secret, ...publicActor } = actor ?? ({} as Actor);
      const result = applyReviewEvent(current.review.snapshot, stamp({ ...command, actor: publicActor } as ReviewCommand, at));
      if (!result.ok) throw refusal(result);
      const next: Practice = { ...structuredClone(current), review: result.review, version: current.version + 1, updatedAt: at };
      if (command.type === 'PROVIDE_COMPLEMENTS') {
        const value = validateDeclaration(command.declaration, { today: at, minPracticeAgeMonths: reviewContextOf(current.review.snapshot).options.minPracticeAgeMonths });
        if (value.ok) next.declaration = value.value;
      }
      if (command.type === 'PUBLISH') next.publishedAt = at;
      if (command.type === 'UNPUBLISH') delete next.publishedAt;
      const outcome = await guarded(() => repo.replace({ ...record, practice: next }, current.version));
      if (outcome === 'conflict') {
        throw new PracticeStoreError('version-conflict', 'Cette pratique vient d’être modifiée par quelqu’un d’autre ; rechargez-la avant de recommencer.');
      }
      if (outcome === 'not-found') throw new PracticeStoreError('not-found', 'Cette pratique n’existe plus.');
      syncIndex(next);
      return actor?.role === 'declarant' ? toDeclarantView(next) : structuredClone(next);
    },

    async importPractices(records, { actor }) {
      if (actor?.role !== 'editor') throw new PracticeStoreError('forbidden', 'Seul l’éditeur peut importer des pratiques.');
      if (!Array.isArray(records)) throw new PracticeStoreError('invalid-declaration', 'L’import attend une liste d’enregistrements.');
      const at = now();
      // Everything is checked before anything is written: an import is all or nothing.
      const prepared = records.map((record, i) => {
        const level: Level = record?.level === 'onpe' ? 'onpe' : 'declared';
        const id = newPracticeId();
        const start = createReview({ practiceId: id, level, ...reviewOptions });
        const content = level === 'onpe' ? { fiche: (record as { fiche?: unknown }).fiche } : { declaration: (record as { declaration?: unknown }).declaration };
        const result = applyReviewEvent(start, { type: 'IMPORT', actor: { id: actor.id, role: actor.role }, at, ...content } as ReviewEvent);
        return { i, record, level, id, result };
      });
      const fields: ValidationError[] = prepared.flatMap(({ i, result }) =>
        result.ok ? [] : (result.refusal.errors ?? [{ field: '', code: 'invalid_type', message: result.refusal.message }]).map((e) => ({ ...e, field: e.field ? `${i}.${e.field}` : String(i), message: `Enregistrement ${i + 1} — ${e.message}` })),
      );
      if (fields.length) {
        throw new PracticeStoreError('invalid-declaration', `${fields.length} problème(s) dans l’import ; rien n’a été importé. ${fields.slice(0, 5).map((f) => f.message).join(' ')}`, { fields });
      }
      const year = Number(at.slice(0, 4));
      const out: Practice[] = [];
      for (const { record, level, id, result } of prepared) {
        if (!result.ok) continue;
        const key = record.key ? `import:${level}:${record.key}` : undefined;
        const content = validatedContent(level, record, at);
        const { record: stored } = await guarded(() =>
          repo.insert(year, key, (sequence) => ({
            practice: newPractice(id, formatReference(year, sequence), at, result.snapshot, {
              level,
              ...content,
              ...(level === 'onpe' ? { publishedAt: at } : {}),
              ...(level === 'declared' && 'source' in record && record.source ? { source: { ...record.source } } : {}),
            }),
            ...(key ? { idempotencyKey: key } : {}),
          })),
        );
        syncIndex(stored.practice);
        out.push(structuredClone(stored.practice));
      }
      return out;
    },
  };
  return store;
}
