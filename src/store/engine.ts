// The store's rules, written once over a small repository interface that the memory and IndexedDB adapters implement.
import type { Actor, CoauthorInvitation, CoauthorLink, DeclarantPractice, Fiche, FicheVersion, FicheVersionKind, Practice, PersistedReview, ReviewState, SubmittedPractice } from '../model.js';
import type { ReviewEvent } from '../review/events.js';
import { applyReviewEvent, createReview, deriveReview, reviewContextOf } from '../review/review.js';
import { DEFAULT_REVIEW_OPTIONS, type ReviewOptions } from '../review/rules.js';
import { validateDeclaration } from '../schema/declaration.js';
import { validateCoAuthor, validateFiche } from '../schema/fiche.js';
import { DEFAULT_FICHE_REVIEW_MONTHS, ficheChanges, reviewDueDate } from '../schema/fiche-authoring.js';
import { dateInParis, toIsoDate } from '../schema/dates.js';
import { isPlainRecord, type ValidationError } from '../schema/fields.js';
import { validateSource } from '../schema/source.js';
import { createSearchIndex, type SearchIndex, type SearchQuery, type SearchResult } from '../search/index.js';
import type { Level } from '../taxonomy/lists.js';
import { createCampaignMethods, type CampaignRepository } from './campaigns.js';
import { PracticeStoreError } from './errors.js';
import { formatReference, newPracticeId, newSecretToken, sameSecret } from './ids.js';
import { fichesByPractice } from './links.js';
import type { CreateFicheOptions, FicheAuthoring, ImportReport, ImportRowReport, ImportRowStatus, ListQuery, ListResult, PracticeStore, PracticeView, SubmitOptions } from './port.js';
import { isCommittee, toDeclarantView, toPublicPractice } from './views.js';

/** A practice as kept by a repository, with what must never leave it. */
export interface StoredRecord {
  practice: Practice;
  /** The declarant's secret link token. */
  declarantToken?: string;
  /** Namespaced by the engine: `submit:…` or `import:…`. */
  idempotencyKey?: string;
  /** The validated content first stored under the key, so a reused key with other content is refused. */
  fingerprint?: string;
  /** A fiche's co-author link tokens, by link id; never part of the practice. */
  coauthorTokens?: Record<string, string>;
}

/** One record to insert, built from the reference number the repository hands out. */
export interface Insertion {
  idempotencyKey?: string;
  build: (sequence: number) => StoredRecord;
}

/** What an adapter provides. Each method is atomic on its own. */
export interface Repository {
  get(id: string): Promise<StoredRecord | undefined>;
  all(): Promise<StoredRecord[]>;
  findByKey(idempotencyKey: string): Promise<StoredRecord | undefined>;
  /**
   * Inserts every record, numbered in order within `year`, in one atomic step: all are written or
   * none. An insertion whose key is already stored is not written; the stored record is returned
   * in its place (`created: false`).
   */
  insertMany(year: number, insertions: readonly Insertion[]): Promise<{ record: StoredRecord; created: boolean }[]>;
  /** Replaces a record if the stored one still has `expectedVersion`. */
  replace(record: StoredRecord, expectedVersion: number): Promise<'ok' | 'conflict' | 'not-found'>;
  /**
   * The committee's lists, when the repository can answer them itself (SQL); otherwise the engine
   * filters `all()`. Same semantics: counts by state over everything, oldest first, `limit` 1..500.
   */
  list?(query: ListQuery): Promise<ListResult>;
  /** Where collection campaigns are kept; without it the store has no campaigns. */
  campaigns?: CampaignRepository;
}

/** Settings shared by every adapter. */
export interface StoreOptions {
  /** Review settings carried into each new practice's machine. */
  options?: Partial<ReviewOptions>;
  /** The clock that stamps events; tests pass a fixed one. */
  clock?: () => Date;
  /** Months after its publication or last actualisation when a fiche is due for review. Default 24. */
  ficheReviewMonths?: number;
}

const STATES: ReviewState[] = ['draft', 'submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'];
const LIST_LIMIT = 500;
// A search index built while writes keep arriving is rebuilt this many times before it is used as is.
const INDEX_ATTEMPTS = 3;

const clampInt = (n: unknown, min: number, max: number, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : fallback;

const unavailable = (cause: unknown) =>
  new PracticeStoreError('unavailable', 'Le stockage des pratiques ne répond pas ; rien n’a été enregistré, réessayez dans un instant.', { cause });

/** Runs a repository call, turning storage failures into `unavailable`. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PracticeStoreError) throw e;
    throw unavailable(e);
  }
}

const text = (v: unknown, max = 40) => String(v).slice(0, max);

/** The port's optional campaign methods, which every engine store has. */
type CampaignMethodName = 'createCampaign' | 'listCampaigns' | 'getCampaign' | 'updateCampaign' | 'getInvitation';

/** A `PracticeStore` with extra hooks the adapters use. */
export interface EngineStore extends Omit<PracticeStore, keyof FicheAuthoring | CampaignMethodName>, FicheAuthoring, Required<Pick<PracticeStore, CampaignMethodName>> {
  runImport: NonNullable<PracticeStore['runImport']>;
  /** Forgets the search index, so the next search rebuilds it (another tab wrote). */
  invalidate(): void;
  /**
   * Erases the declarant's contact from practices that ended (rejected, withdrawn, merged) and
   * have not changed for `retentionDays`. Returns the ids erased. Run by the server on a schedule.
   */
  purgeExpiredPersonalData(options: { retentionDays: number }): Promise<string[]>;
}

/** States after which the committee no longer needs the declarant's contact. */
export const ENDED_STATES: readonly ReviewState[] = ['rejected', 'withdrawn', 'merged'];

/** The practice without the declarant's contact: what erasure leaves. */
function withoutPersonalData(p: Practice, at: string): Practice {
  const next = structuredClone(p);
  const blank = (d: Practice['declaration']) => {
    if (!d) return;
    d.declarant = { name: '', email: '', accuracyCertified: d.declarant?.accuracyCertified ?? true };
  };
  blank(next.declaration);
  blank(next.previousDeclaration);
  next.personalDataErasedAt = at;
  next.version = p.version + 1;
  next.updatedAt = at;
  return next;
}


/** A fiche is written from at most this many declared practices. */
const MAX_BASED_ON = 10;

/** The fiche as a co-author sees it: everything but the other links. */
function toCoauthorView(p: Practice): Practice {
  const { coauthorLinks: _links, ...rest } = structuredClone(p);
  return rest;
}

/** Builds the store port over a repository. */
export function createStoreEngine(repo: Repository, settings: StoreOptions = {}): EngineStore {
  const reviewOptions: ReviewOptions = { ...DEFAULT_REVIEW_OPTIONS, ...settings.options };
  const now = () => (settings.clock ?? (() => new Date()))().toISOString();
  const reviewMonths = clampInt(settings.ficheReviewMonths, 1, 240, DEFAULT_FICHE_REVIEW_MONTHS);
  let index: SearchIndex | undefined;
  let indexBuild: Promise<SearchIndex> | undefined;
  // Bumped by every write and invalidation: an index built from older data is not installed.
  let generation = 0;

  // Published fiches and the declared practices they were written from, kept with the index: the link
  // is stored on the fiche only, and a practice's public view gets its fiches from here.
  let ficheLinks: Map<string, string[]> | undefined;
  // The same links by declared practice, derived on demand and dropped whenever ficheLinks changes.
  let linksByPractice: Map<string, string[]> | undefined;

  function noteLinks(p: Practice) {
    if (!ficheLinks || p.level !== 'onpe') return;
    if (p.review.state === 'published' && p.basedOn?.length) ficheLinks.set(p.id, [...p.basedOn]);
    else ficheLinks.delete(p.id);
    linksByPractice = undefined;
  }

  /** A public view with the published fiches written from it (a declared practice). */
  function withFiches<T extends { id: string; level: string; fiches?: string[] }>(view: T): T {
    if (view.level !== 'declared' || !ficheLinks) return view;
    linksByPractice ??= fichesByPractice(ficheLinks);
    const fiches = linksByPractice.get(view.id);
    return fiches?.length ? { ...view, fiches: [...fiches] } : view;
  }

  async function currentIndex(): Promise<SearchIndex> {
    if (index) return index;
    indexBuild ??= guarded(buildIndex);
    const build = indexBuild;
    try {
      return await build;
    } finally {
      if (indexBuild === build) indexBuild = undefined;
    }
  }

  function written(p: Practice) {
    generation++;
    noteLinks(p);
    if (!index) return;
    const view = toPublicPractice(p);
    index.remove(p.id);
    if (view) index.add(view);
  }

  async function buildIndex(): Promise<SearchIndex> {
    for (let attempt = 1; ; attempt++) {
      const startedAt = generation;
      const records = await repo.all();
      const built = createSearchIndex(records.map((r) => toPublicPractice(r.practice)).filter((p) => p !== undefined));
      const links = new Map<string, string[]>();
      for (const { practice: p } of records) if (p.level === 'onpe' && p.review.state === 'published' && p.basedOn?.length) links.set(p.id, [...p.basedOn]);
      if (startedAt === generation || attempt >= INDEX_ATTEMPTS) {
        if (startedAt === generation) {
          index = built;
          ficheLinks = links;
          linksByPractice = undefined;
        }
        return built;
      }
    }
  }

  function refusal(result: ReturnType<typeof applyReviewEvent>): PracticeStoreError {
    if (result.ok) throw new Error('unreachable');
    const { code, message, errors } = result.refusal;
    const invalid = code === 'invalid_declaration' || code === 'invalid_fiche';
    if (!invalid) return new PracticeStoreError('illegal-transition', message);
    return new PracticeStoreError('invalid-declaration', errors?.length ? `${message} ${errors.map((e) => e.message).join(' ')}` : message, { fields: errors ?? [] });
  }

  function newPractice(id: string, reference: string, at: string, review: PersistedReview, extra: Partial<Practice>): Practice {
    return { id, reference, level: 'declared', review: deriveReview(review), version: 1, createdAt: at, updatedAt: at, ...extra };
  }

  /** The stored (normalised) form of what the machine's guard just accepted. */
  function validatedContent(level: Level, record: Record<string, unknown>, at: string): Partial<Practice> {
    if (level === 'onpe') {
      const v = validateFiche(record.fiche, { today: at });
      return v.ok ? { fiche: v.value } : {};
    }
    const v = validateDeclaration(record.declaration, { today: at, minPracticeAgeMonths: reviewOptions.minPracticeAgeMonths });
    return v.ok ? { declaration: v.value } : {};
  }

  function committeeOnly(actor: Actor | undefined, what: string) {
    if (!isCommittee(actor)) throw new PracticeStoreError('forbidden', `${what} est réservé au comité de sélection et à l’éditeur.`);
  }

  /** What a submitter gets back, on the first attempt or a retry: their own view and their token, never the committee's. */
  const submitted = (r: StoredRecord): SubmittedPractice => ({ ...toDeclarantView(r.practice), declarantToken: r.declarantToken ?? '' });

  // The key's holder is the first submitter: telling them the reference reveals nothing new.
  const keyConflict = (first: StoredRecord) =>
    new PracticeStoreError('already-submitted', `Une première version de cette déclaration est déjà enregistrée sous la référence ${first.practice.reference} ; les modifications faites depuis n’ont pas été envoyées.`, { reference: first.practice.reference });


  /** The link of a co-author's token on a fiche, if it is valid and not revoked. */
  function coauthorLinkOf(record: StoredRecord, actor: Actor | undefined): CoauthorLink | undefined {
    if (actor?.role !== 'declarant' || record.practice.level !== 'onpe') return undefined;
    return record.practice.coauthorLinks?.find((l) => !l.revokedAt && sameSecret(actor.token, record.coauthorTokens?.[l.id]));
  }

  /** Appends a version to a fiche's history of versions. */
  function addVersion(p: Practice, kind: FicheVersionKind, at: string, author: Actor, before: Partial<Fiche> | undefined, comment?: unknown) {
    const version: FicheVersion = {
      number: (p.ficheVersions?.length ?? 0) + 1,
      kind,
      at,
      author: { id: author.id, role: author.role, ...(author.name ? { name: author.name } : {}) },
      changes: ficheChanges(before, p.fiche),
    };
    if (typeof comment === 'string' && comment.trim()) version.comment = comment.trim();
    p.ficheVersions = [...(p.ficheVersions ?? []), version];
  }

  /** Publication and actualisation: the fiche was reviewed today, and is due again in `reviewMonths`. */
  function markReviewed(p: Practice, at: string) {
    const today = toIsoDate(dateInParis(at));
    if (p.fiche) p.fiche = { ...p.fiche, lastReviewedAt: today };
    p.reviewDueAt = reviewDueDate(today, reviewMonths);
  }

  /** The record of a fiche, or not-found. */
  async function ficheRecord(id: unknown): Promise<StoredRecord> {
    const record = await guarded(() => repo.get(String(id)));
    if (!record || record.practice.level !== 'onpe') throw new PracticeStoreError('not-found', `Aucune fiche ne porte l’identifiant « ${text(id)} ».`);
    return record;
  }

  /** Writes a changed fiche if nobody wrote since `expectedVersion`. */
  async function replaceFiche(record: StoredRecord, next: Practice, expectedVersion: number): Promise<void> {
    const outcome = await guarded(() => repo.replace({ ...record, practice: next }, expectedVersion));
    if (outcome === 'conflict') throw new PracticeStoreError('version-conflict', 'Cette fiche vient d’être modifiée par quelqu’un d’autre ; rechargez-la avant de recommencer.');
    if (outcome === 'not-found') throw new PracticeStoreError('not-found', 'Cette fiche n’existe plus.');
    written(next);
  }

  function editorOnly(actor: Actor | undefined, what: string) {
    if (actor?.role !== 'editor') throw new PracticeStoreError('forbidden', `${what} est réservé à l’éditeur.`);
  }

  const staleVersion = (current: number, expected: unknown) =>
    new PracticeStoreError('version-conflict', `Cette fiche a été modifiée entre-temps (version ${current}, vous aviez la version ${text(expected, 12)}) ; rechargez-la avant de recommencer.`, { currentVersion: current });

  const campaigns = createCampaignMethods({
    repo: repo.campaigns,
    practices: async () => (await repo.all()).map((r) => r.practice),
    now,
    newId: () => newPracticeId().slice(2),
  });
  const { resolveForSubmit: _resolve, ...campaignMethods } = campaigns;
  const guardedCampaigns = Object.fromEntries(
    Object.entries(campaignMethods).map(([name, method]) => [name, (...args: unknown[]) => guarded(() => (method as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as typeof campaignMethods;

  /** A review command on a record already read (send, editFiche): who may act, the version, the machine, then the write. */
  async function applyCommand(record: StoredRecord, command: Record<string, unknown> & { type: string }, options: unknown): Promise<Practice | DeclarantPractice> {
    const current = record.practice;
    const actor = isPlainRecord(command.actor) ? (command.actor as unknown as Actor) : undefined;
    const coauthor = current.level === 'onpe' && actor?.role === 'declarant' ? coauthorLinkOf(record, actor) : undefined;
    if (current.level === 'onpe' && actor?.role === 'declarant' && !coauthor) {
      throw new PracticeStoreError('not-found', 'Ce lien de co-auteur n’est pas valide pour cette fiche (il a pu être révoqué).');
    }
    // The declarant acts through the secret link only.
    if (actor?.role === 'declarant' && !coauthor && !sameSecret(actor.token, record.declarantToken)) {
      throw new PracticeStoreError('not-found', 'Ce lien de suivi n’est pas valide pour cette pratique.');
    }
    const expectedVersion = isPlainRecord(options) ? options.expectedVersion : undefined;
    if (expectedVersion !== current.version) {
      throw new PracticeStoreError('version-conflict', `Cette pratique a été modifiée entre-temps (version ${current.version}, vous aviez la version ${text(expectedVersion, 12)}) ; rechargez-la avant de recommencer.`, { currentVersion: current.version });
    }
    if (command.type === 'MERGE' && typeof command.into === 'string' && command.into && command.into !== current.id) {
      const target = await guarded(() => repo.get(command.into as string));
      if (!target) throw new PracticeStoreError('illegal-transition', `La pratique cible « ${text(command.into)} » n’existe pas.`);
      if (target.practice.review.state === 'merged') {
        throw new PracticeStoreError('illegal-transition', 'La pratique cible a elle-même été fusionnée ; choisissez la pratique qui la remplace.');
      }
    }
    const at = now();
    // The secret token is checked above and never stored in the history.
    const { token: _secret, ...given } = actor ?? ({} as Actor);
    const recorded: Actor = coauthor ? { id: `coauthor:${coauthor.id}`, role: 'declarant', name: coauthor.name } : given;
    const result = applyReviewEvent(current.review.snapshot, { ...command, actor: actor ? recorded : undefined, at } as unknown as ReviewEvent);
    if (!result.ok) throw refusal(result);
    const next: Practice = { ...structuredClone(current), review: result.review, version: current.version + 1, updatedAt: at };
    if (command.type === 'PROVIDE_COMPLEMENTS') {
      // Kept so the committee can see, side by side, what the complements changed.
      if (current.declaration) next.previousDeclaration = structuredClone(current.declaration);
      Object.assign(next, validatedContent('declared', command, at));
      // New contact details were given: they are no longer erased.
      delete next.personalDataErasedAt;
    }
    if (command.type === 'PUBLISH') next.publishedAt = at;
    if (command.type === 'UNPUBLISH') {
      delete next.publishedAt;
      delete next.reviewDueAt;
    }
    if (current.level === 'onpe') {
      const before = current.fiche;
      if (command.type === 'EDIT') {
        const { fiche: edited } = validatedContent('onpe', command, at);
        // Only publication and actualisation say when the fiche was last reviewed.
        if (edited) {
          const { lastReviewedAt: _ignored, ...content } = edited;
          next.fiche = { ...content, ...(before?.lastReviewedAt ? { lastReviewedAt: before.lastReviewedAt } : {}) } as Fiche;
        }
        addVersion(next, 'edit', at, recorded, before, command.comment);
      }
      if (command.type === 'PUBLISH' || command.type === 'ACTUALISE') {
        markReviewed(next, at);
        addVersion(next, command.type === 'PUBLISH' ? 'publish' : 'actualise', at, recorded, before, command.comment);
      }
    }
    const outcome = await guarded(() => repo.replace({ ...record, practice: next }, current.version));
    if (outcome === 'conflict') {
      throw new PracticeStoreError('version-conflict', 'Cette pratique vient d’être modifiée par quelqu’un d’autre ; rechargez-la avant de recommencer.');
    }
    if (outcome === 'not-found') throw new PracticeStoreError('not-found', 'Cette pratique n’existe plus.');
    written(next);
    if (coauthor) return toCoauthorView(next);
    return actor?.role === 'declarant' ? toDeclarantView(next) : structuredClone(next);
  }

  const store: EngineStore = {
    ...guardedCampaigns,
    invalidate() {
      generation++;
      index = undefined;
      ficheLinks = undefined;
      linksByPractice = undefined;
      indexBuild = undefined;
    },

    async submit(declaration, options: SubmitOptions) {
      const rawKey = isPlainRecord(options) && typeof options.idempotencyKey === 'string' ? options.idempotencyKey.trim() : '';
      // Submission keys have their own namespace: a key can never reach an imported record.
      const key = rawKey ? `submit:${rawKey}` : undefined;
      const at = now();
      const id = newPracticeId();
      const actor: Actor = { id: `declarant:${id}`, role: 'declarant' };
      const result = applyReviewEvent(createReview({ practiceId: id, level: 'declared', ...reviewOptions }), { type: 'SUBMIT', actor, at, declaration } as ReviewEvent);
      if (!result.ok) throw refusal(result);
      const value = validateDeclaration(declaration, { today: at, minPracticeAgeMonths: reviewOptions.minPracticeAgeMonths });
      if (!value.ok) throw new Error('unreachable: the machine accepted an invalid declaration');
      const source = options?.source === undefined ? undefined : validateSource(options.source);
      if (source && !source.ok) {
        throw new PracticeStoreError('invalid-declaration', source.errors.map((e) => e.message).join(' '), { fields: source.errors });
      }
      const fingerprint = JSON.stringify(value.value);
      // A retry (double click, network failure after the write) gets the first practice back, if it is the same declaration.
      const first = key ? await guarded(() => repo.findByKey(key)) : undefined;
      if (first) {
        if (first.fingerprint !== fingerprint) throw keyConflict(first);
        return submitted(first);
      }
      // The campaign and the partner come from the invitation the store resolves, never from the input.
      const invited = isPlainRecord(options) && options.invitation !== undefined ? await guarded(() => campaigns.resolveForSubmit(options.invitation)) : undefined;
      const recordedSource = { ...(source?.ok ? source.value : {}), ...(invited ?? {}) };
      const token = newSecretToken();
      const year = Number(at.slice(0, 4));
      const [inserted] = await guarded(() =>
        repo.insertMany(year, [{
          ...(key ? { idempotencyKey: key } : {}),
          build: (sequence) => ({
            practice: newPractice(id, formatReference(year, sequence), at, result.snapshot, {
              declaration: value.value,
              consentedAt: at,
              ...(Object.keys(recordedSource).length ? { source: recordedSource } : {}),
            }),
            declarantToken: token,
            fingerprint,
            ...(key ? { idempotencyKey: key } : {}),
          }),
        }]),
      );
      const { record, created } = inserted!;
      // Two first attempts at once: the other one won the key.
      if (!created && record.fingerprint !== fingerprint) throw keyConflict(record);
      if (created) written(record.practice);
      return submitted(record);
    },

    async get(id, options): Promise<PracticeView | undefined> {
      const record = await guarded(() => repo.get(String(id)));
      if (!record) return undefined;
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      if (isCommittee(actor)) return structuredClone(record.practice);
      if (actor?.role === 'declarant' && record.practice.level === 'onpe') {
        return coauthorLinkOf(record, actor) ? toCoauthorView(record.practice) : undefined;
      }
      if (actor?.role === 'declarant') {
        return sameSecret(actor.token, record.declarantToken) ? toDeclarantView(record.practice) : undefined;
      }
      const view = toPublicPractice(record.practice);
      if (!view || view.level !== 'declared') return view;
      // The links to its fiches come with the index; a practice asked for before any search builds it.
      await currentIndex().catch(() => undefined);
      return withFiches(view);
    },

    async list(query, options): Promise<ListResult> {
      committeeOnly(isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined, 'La liste des pratiques à examiner');
      const q: ListQuery = isPlainRecord(query) ? query : {};
      if (repo.list) {
        const listed = repo.list;
        return guarded(() => listed({ ...q, offset: clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER, 0), limit: clampInt(q.limit, 1, LIST_LIMIT, 50) }));
      }
      // A campaign is a scope: its list and its counts are the campaign's.
      const records = (await guarded(() => repo.all())).filter((r) => !q.campaign || r.practice.source?.campaign?.id === q.campaign);
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
      for (const r of records) counts[r.practice.review.state]++;
      const states = Array.isArray(q.states) && q.states.length ? new Set(q.states) : undefined;
      const items = records
        .map((r) => r.practice)
        .filter((p) => !states || states.has(p.review.state))
        .filter((p) => !q.level || p.level === q.level)
        .filter((p) => !q.awaitingOpinionOf || (p.review.state === 'inReview' && !p.review.opinions.some((o) => o.actor.id === q.awaitingOpinionOf)))
        .filter((p) => !q.awaitingDecision || (p.review.state === 'inReview' && p.review.opinions.length >= reviewContextOf(p.review.snapshot).options.minOpinions))
        // A queue is served oldest first.
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER, 0);
      const limit = clampInt(q.limit, 1, LIST_LIMIT, 50);
      return { items: structuredClone(items.slice(offset, offset + limit)), total: items.length, counts };
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const current = await currentIndex();
      // Copies: a caller changing a result must not change the index.
      const result = structuredClone(current.search(isPlainRecord(query) ? query : {}));
      return { ...result, items: result.items.map(withFiches) };
    },

    async send(id, command, options): Promise<Practice | DeclarantPractice> {
      if (!isPlainRecord(command) || typeof command.type !== 'string') {
        throw new PracticeStoreError('illegal-transition', 'L’action envoyée est illisible : elle doit indiquer son type.');
      }
      const record = await guarded(() => repo.get(String(id)));
      if (!record) throw new PracticeStoreError('not-found', `Aucune pratique ne porte l’identifiant « ${text(id)} ».`);
      return applyCommand(record, command, options);
    },

    async createFiche(fiche, options: CreateFicheOptions) {
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      editorOnly(actor, 'La rédaction d’une nouvelle fiche');
      const at = now();
      const id = newPracticeId();
      const author: Actor = { id: actor!.id, role: 'editor', ...(actor!.name ? { name: actor!.name } : {}) };
      const result = applyReviewEvent(createReview({ practiceId: id, level: 'onpe', ...reviewOptions }), { type: 'EDIT', actor: author, at, fiche } as ReviewEvent);
      if (!result.ok) throw refusal(result);
      const { fiche: accepted } = validatedContent('onpe', { fiche }, at);
      if (!accepted) throw new Error('unreachable: the machine accepted an invalid fiche');
      const { lastReviewedAt: _set, ...content } = accepted;
      const basedOn: string[] = Array.isArray(options.basedOn) ? [...new Set(options.basedOn.map((x: unknown) => String(x)))] : [];
      if (basedOn.length > MAX_BASED_ON) throw new PracticeStoreError('illegal-transition', `Une fiche s’appuie sur ${MAX_BASED_ON} pratiques au plus.`);
      for (const source of basedOn) {
        const target = await guarded(() => repo.get(source));
        if (!target || target.practice.level !== 'declared' || target.practice.review.state !== 'published') {
          throw new PracticeStoreError('illegal-transition', `La pratique « ${text(source)} » n’est pas une pratique déclarée publiée : une fiche ne peut s’appuyer que sur une pratique publiée.`);
        }
      }
      const rawKey = typeof options.idempotencyKey === 'string' ? options.idempotencyKey.trim() : '';
      const key = rawKey ? `fiche:${rawKey}` : undefined;
      const fingerprint = JSON.stringify({ content, basedOn });
      // A retry after a lost answer gets the fiche it created; the same key with other content is refused.
      const first = key ? await guarded(() => repo.findByKey(key)) : undefined;
      if (first) {
        if (first.fingerprint !== fingerprint) throw new PracticeStoreError('already-submitted', `Cette fiche a déjà été créée sous la référence ${first.practice.reference} ; ouvrez-la pour la modifier.`, { reference: first.practice.reference });
        return structuredClone(first.practice);
      }
      const year = Number(at.slice(0, 4));
      const [inserted] = await guarded(() => repo.insertMany(year, [{
        ...(key ? { idempotencyKey: key } : {}),
        build: (sequence) => {
          const practice = newPractice(id, formatReference(year, sequence), at, result.snapshot, { level: 'onpe', fiche: content as Fiche, ...(basedOn.length ? { basedOn } : {}) });
          addVersion(practice, 'create', at, author, undefined);
          return { practice, fingerprint, ...(key ? { idempotencyKey: key } : {}) };
        },
      }]));
      const { record, created } = inserted!;
      if (!created && record.fingerprint !== fingerprint) throw new PracticeStoreError('already-submitted', `Cette fiche a déjà été créée sous la référence ${record.practice.reference}.`, { reference: record.practice.reference });
      if (created) written(record.practice);
      return structuredClone(record.practice);
    },

    async editFiche(id, fiche, options) {
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      const record = await ficheRecord(id);
      // The editor, or a co-author whose link applyCommand checks (with the same refusal as any command on a fiche).
      if (actor?.role !== 'editor' && actor?.role !== 'declarant') {
        throw new PracticeStoreError('forbidden', 'Seuls l’éditeur et les co-auteurs invités peuvent modifier une fiche.');
      }
      const command = { type: 'EDIT', actor, fiche, ...(typeof options?.comment === 'string' ? { comment: options.comment } : {}) };
      return (await applyCommand(record, command, { expectedVersion: options?.expectedVersion as number })) as Practice;
    },

    async inviteCoauthor(id, coauthor, options) {
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      editorOnly(actor, 'L’invitation d’un co-auteur');
      const checked = validateCoAuthor(coauthor);
      if (!checked.ok) throw new PracticeStoreError('invalid-declaration', checked.errors.map((e) => e.message).join(' '), { fields: checked.errors });
      const record = await ficheRecord(id);
      const current = record.practice;
      if (!['draft', 'published'].includes(current.review.state)) {
        throw new PracticeStoreError('illegal-transition', 'On ne peut inviter un co-auteur que sur une fiche en brouillon ou publiée.');
      }
      const expected = options?.expectedVersion;
      if (expected !== undefined && expected !== current.version) throw staleVersion(current.version, expected);
      const at = now();
      const token = newSecretToken();
      const link: CoauthorLink = { id: newSecretToken().slice(0, 12), ...checked.value, createdAt: at, createdBy: actor!.id };
      const next: Practice = { ...structuredClone(current), coauthorLinks: [...(current.coauthorLinks ?? []), link], version: current.version + 1, updatedAt: at };
      await replaceFiche({ ...record, coauthorTokens: { ...record.coauthorTokens, [link.id]: token } }, next, current.version);
      return { link: structuredClone(link), token, practice: structuredClone(next) } satisfies CoauthorInvitation;
    },

    async revokeCoauthor(id, linkId, options) {
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      editorOnly(actor, 'La révocation d’un lien de co-auteur');
      const record = await ficheRecord(id);
      const current = record.practice;
      const link = current.coauthorLinks?.find((l) => l.id === String(linkId));
      if (!link) throw new PracticeStoreError('not-found', `Aucun lien de co-auteur « ${text(linkId)} » sur cette fiche.`);
      // Revoking twice changes nothing: the link is already dead.
      if (link.revokedAt) return structuredClone(current);
      const at = now();
      const next: Practice = {
        ...structuredClone(current),
        coauthorLinks: current.coauthorLinks!.map((l) => (l.id === link.id ? { ...l, revokedAt: at } : l)),
        version: current.version + 1,
        updatedAt: at,
      };
      // The token itself is forgotten: nothing is left that could open the fiche.
      const { [link.id]: _gone, ...tokens } = record.coauthorTokens ?? {};
      await replaceFiche({ ...record, coauthorTokens: tokens }, next, current.version);
      return structuredClone(next);
    },

    async erasePersonalData(id, options) {
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      const isDeclarant = actor?.role === 'declarant';
      if (!isDeclarant && actor?.role !== 'editor') {
        throw new PracticeStoreError('forbidden', 'Seuls le déclarant, par son lien de suivi, et l’éditeur peuvent effacer les coordonnées du déclarant.');
      }
      // A concurrent write only means another try: erasure does not depend on what changed.
      for (let attempt = 0; attempt < 3; attempt++) {
        const record = await guarded(() => repo.get(String(id)));
        if (!record || (isDeclarant && !sameSecret(actor.token, record.declarantToken))) {
          throw new PracticeStoreError('not-found', isDeclarant ? 'Ce lien de suivi n’est pas valide pour cette pratique.' : `Aucune pratique ne porte l’identifiant « ${text(id)} ».`);
        }
        const current = record.practice;
        if (current.level !== 'declared') throw new PracticeStoreError('illegal-transition', 'Une fiche de l’observatoire ne contient pas de coordonnées de déclarant.');
        const next = withoutPersonalData(current, now());
        const outcome = await guarded(() => repo.replace({ ...record, practice: next }, current.version));
        if (outcome === 'not-found') throw new PracticeStoreError('not-found', 'Cette pratique n’existe plus.');
        if (outcome === 'ok') {
          written(next);
          return isDeclarant ? toDeclarantView(next) : structuredClone(next);
        }
      }
      throw new PracticeStoreError('version-conflict', 'Cette pratique est modifiée en ce moment ; réessayez dans un instant.');
    },

    async purgeExpiredPersonalData(options) {
      const days = clampInt(options?.retentionDays, 0, 100 * 365, 365);
      const at = now();
      const cutoff = new Date(Date.parse(at) - days * 86_400_000).toISOString();
      const erased: string[] = [];
      for (const record of await guarded(() => repo.all())) {
        const p = record.practice;
        if (p.level !== 'declared' || p.personalDataErasedAt || !ENDED_STATES.includes(p.review.state) || p.updatedAt > cutoff) continue;
        const next = withoutPersonalData(p, at);
        // A practice changed meanwhile is left for the next run.
        if ((await guarded(() => repo.replace({ ...record, practice: next }, p.version))) === 'ok') {
          written(next);
          erased.push(p.id);
        }
      }
      return erased;
    },

    async importPractices(records, options) {
      return (await store.runImport(records, { ...(isPlainRecord(options) ? options : {}), dryRun: false } as never)).items;
    },

    async runImport(records, options) {
      const actor = isPlainRecord(options) ? (options.actor as Actor | undefined) : undefined;
      const dryRun = isPlainRecord(options) && options.dryRun === true;
      if (actor?.role !== 'editor') throw new PracticeStoreError('forbidden', 'Seul l’éditeur peut importer des pratiques.');
      if (!Array.isArray(records)) throw new PracticeStoreError('invalid-declaration', 'L’import attend une liste d’enregistrements.', { fields: [] });
      const at = now();
      // Everything is checked before anything is written, and everything is written in one step: all or nothing.
      // A dry run goes through the very same checks and stops before the write.
      const prepared = records.map((raw, i) => {
        const record: Record<string, unknown> = isPlainRecord(raw) ? raw : {};
        const level: Level = record.level === 'onpe' ? 'onpe' : 'declared';
        const id = newPracticeId();
        const content = level === 'onpe' ? { fiche: record.fiche } : { declaration: record.declaration };
        const result = applyReviewEvent(createReview({ practiceId: id, level, ...reviewOptions }), { type: 'IMPORT', actor: { id: actor.id, role: actor.role }, at, ...content } as ReviewEvent);
        const source = level === 'declared' && record.source !== undefined ? validateSource(record.source) : undefined;
        const problems: ValidationError[] = [
          ...(result.ok ? [] : (result.refusal.errors ?? [{ field: '', code: 'invalid_type' as const, message: result.refusal.message }])),
          ...(source && !source.ok ? source.errors : []),
        ];
        const key = typeof record.key === 'string' && record.key ? `import:${level}:${record.key}` : undefined;
        return { i, record, level, id, result, source, problems, key };
      });
      const fields: ValidationError[] = prepared.flatMap(({ i, problems }) =>
        problems.map((e) => ({ ...e, field: e.field ? `${i}.${e.field}` : String(i), message: `Enregistrement ${i + 1} — ${e.message}` })));
      const titleOf = (r: Record<string, unknown>, level: Level) => {
        const content = (level === 'onpe' ? r.fiche : r.declaration) as Record<string, unknown> | undefined;
        return typeof content?.title === 'string' ? content.title.slice(0, 150) : undefined;
      };
      const row = (p: (typeof prepared)[number], status: ImportRowStatus, found?: StoredRecord): ImportRowReport => ({
        index: p.i, level: p.level, status, problems: p.problems,
        ...(typeof p.record.key === 'string' && p.record.key ? { key: p.record.key } : {}),
        ...(titleOf(p.record, p.level) ? { title: titleOf(p.record, p.level)! } : {}),
        ...(found ? { id: found.practice.id, reference: found.practice.reference } : {}),
      });
      const report = (rows: ImportRowReport[], items: Practice[]): ImportReport => ({
        dryRun, ok: rows.every((r) => r.status !== 'invalid'), rows, items,
        counts: {
          total: rows.length,
          created: rows.filter((r) => r.status === 'new' || r.status === 'created').length,
          present: rows.filter((r) => r.status === 'present').length,
          invalid: rows.filter((r) => r.status === 'invalid').length,
        },
      });
      if (dryRun) {
        const seen = new Set<string>();
        const rows: ImportRowReport[] = [];
        for (const p of prepared) {
          if (p.problems.length) {
            rows.push(row(p, 'invalid'));
            continue;
          }
          const found = p.key ? await guarded(() => repo.findByKey(p.key!)) : undefined;
          rows.push(row(p, found || (p.key && seen.has(p.key)) ? 'present' : 'new', found));
          if (p.key) seen.add(p.key);
        }
        return report(rows, []);
      }
      if (fields.length) {
        throw new PracticeStoreError('invalid-declaration', `${fields.length} problème(s) dans l’import ; rien n’a été importé. ${fields.slice(0, 5).map((f) => f.message).join(' ')}`, { fields });
      }
      const year = Number(at.slice(0, 4));
      const insertions: Insertion[] = prepared.map(({ record, level, id, result, source, key }) => {
        const content = validatedContent(level, record, at);
        return {
          ...(key ? { idempotencyKey: key } : {}),
          build: (sequence) => ({
            practice: newPractice(id, formatReference(year, sequence), at, result.ok ? result.snapshot : createReview(), {
              level,
              ...structuredClone(content),
              // An imported fiche is due for review two years (reviewMonths) after its last actualisation, or now.
              ...(level === 'onpe' ? { publishedAt: at, reviewDueAt: reviewDueDate(content.fiche?.lastReviewedAt ?? at, reviewMonths) } : {}),
              ...(source?.ok && Object.keys(source.value).length ? { source: source.value } : {}),
            }),
            ...(key ? { idempotencyKey: key } : {}),
          }),
        };
      });
      const stored = await guarded(() => repo.insertMany(year, insertions));
      for (const { record, created } of stored) if (created) written(record.practice);
      return report(
        stored.map(({ record, created }, i) => row(prepared[i]!, created ? 'created' : 'present', record)),
        stored.map(({ record }) => structuredClone(record.practice)),
      );
    },
  };
  return store;
}
