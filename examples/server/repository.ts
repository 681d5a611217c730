// The engine's Repository over SQL: each write is one transaction with its history rows and its outbox rows.
import {
  deriveReview, formatReference, notificationsFor, reviewContextOf, toPublicPractice,
  type ListQuery, type ListResult, type Practice, type PublicPractice, type Repository, type ReviewState, type StoredRecord,
} from '../../src/index.js';
import { createSqlCampaignRepository } from './campaigns.js';
import type { Db, Queryable } from './db.js';

/** The SQL repository, with what the server needs besides the engine's five methods. */
export interface SqlRepository extends Repository {
  list(query: ListQuery): Promise<ListResult>;
  /** Published practices as the public sees them, in the library's order: featured, then most recent (the feeds). */
  published(): Promise<PublicPractice[]>;
  /**
   * Stores already-reviewed practices as they are (demo data), skipping ids already stored, so a
   * second run changes nothing. Their references are not handed out again; one already taken is
   * replaced by the next free number. Returns how many were added.
   */
  seed(practices: readonly Practice[]): Promise<number>;
}

interface PracticeRow {
  practice: Practice | string;
  state: string;
  version: number;
  declarant_token: string | null;
  idempotency_key: string | null;
  fingerprint: string | null;
  coauthor_tokens?: Record<string, string> | string | null;
}

const STATES: ReviewState[] = ['draft', 'submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'];
const RECORD_COLUMNS = 'practice, state, version, declarant_token, idempotency_key, fingerprint, coauthor_tokens';

/** Reports a row whose copied columns disagree with its snapshot (only a hand-made SQL edit can do that). */
export type InconsistencyHandler = (id: string, detail: string) => void;

/**
 * A row back to a record. The review is derived again from the persisted snapshot, the source
 * of truth: the stored `opinions`, `history` and `state` copies are never trusted as they are.
 */
function toRecord(row: PracticeRow, onInconsistency: InconsistencyHandler): StoredRecord {
  const practice = (typeof row.practice === 'string' ? JSON.parse(row.practice) : row.practice) as Practice;
  const review = deriveReview(practice.review.snapshot);
  if (review.state !== row.state || Number(row.version) !== practice.version) {
    onInconsistency(practice.id, `state column ${row.state} / snapshot ${review.state}, version column ${row.version} / practice ${practice.version}`);
  }
  practice.review = review;
  const record: StoredRecord = { practice };
  if (row.declarant_token) record.declarantToken = row.declarant_token;
  if (row.idempotency_key) record.idempotencyKey = row.idempotency_key;
  if (row.fingerprint) record.fingerprint = row.fingerprint;
  if (row.coauthor_tokens) record.coauthorTokens = typeof row.coauthor_tokens === 'string' ? JSON.parse(row.coauthor_tokens) : row.coauthor_tokens;
  return record;
}

/** The columns copied from a practice, derived from its snapshot in the same write. */
function columnsOf(p: Practice) {
  const review = deriveReview(p.review.snapshot);
  const { options } = reviewContextOf(p.review.snapshot);
  // What is stored is what a read derives: the snapshot's review, not whatever the caller attached.
  const practice: Practice = { ...p, review };
  return {
    state: review.state,
    minOpinions: options.minOpinions,
    opinionBy: review.opinions.map((o) => o.actor.id),
    json: JSON.stringify(practice),
    practice,
  };
}

/**
 * Inserts a practice with its history rows and, when given, its notifications, in ONE statement
 * (data-modifying CTEs): atomic by itself, one round trip. The history and the outbox rows hang off
 * the practice's `RETURNING`, so a conflict (the row already there) writes none of them.
 */
async function insertPractice(q: Queryable, record: StoredRecord, onConflict: 'idempotency_key' | 'id', notify: boolean): Promise<boolean> {
  const p = record.practice;
  const c = columnsOf(p);
  const notifications = notify ? notificationsFor(undefined, c.practice) : [];
  const r = await q.query(
    `WITH p AS (
       INSERT INTO practices (id, reference, level, state, version, min_opinions, opinion_by, created_at, updated_at, published_at,
         idempotency_key, fingerprint, declarant_token, practice, coauthor_tokens, review_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::timestamptz, $9::timestamptz, $10::timestamptz, $11, $12, $13, $14::jsonb, $15::jsonb, $16::date)
       ON CONFLICT (${onConflict}) DO NOTHING
       RETURNING id
     ), h AS (
       INSERT INTO practice_history (practice_id, position, at, type, actor_role, entry)
       SELECT p.id, e.ord::int - 1, (e.value->>'at')::timestamptz, e.value->>'type', e.value->'actor'->>'role', e.value
       FROM p, jsonb_array_elements($17::jsonb) WITH ORDINALITY AS e(value, ord)
     ), o AS (
       INSERT INTO outbox (practice_id, kind, recipient, payload, created_at, next_attempt_at)
       SELECT p.id, n->>'kind', n->>'recipient', n, $9::timestamptz, $9::timestamptz
       FROM p, jsonb_array_elements($18::jsonb) AS n
     )
     SELECT id FROM p`,
    [p.id, p.reference, p.level, c.state, p.version, c.minOpinions, c.opinionBy, p.createdAt, p.updatedAt, p.publishedAt ?? null,
      record.idempotencyKey ?? null, record.fingerprint ?? null, record.declarantToken ?? null, c.json,
      record.coauthorTokens ? JSON.stringify(record.coauthorTokens) : null, p.reviewDueAt ?? null,
      JSON.stringify(c.practice.review.history), JSON.stringify(notifications)],
  );
  return r.rows.length > 0;
}

const byKey = async (q: Queryable, key: string, onInconsistency: InconsistencyHandler) => {
  const { rows } = await q.query<PracticeRow>(`SELECT ${RECORD_COLUMNS} FROM practices WHERE idempotency_key = $1`, [key]);
  return rows[0] ? toRecord(rows[0], onInconsistency) : undefined;
};

/** Options of {@link createSqlRepository}. */
export interface SqlRepositoryOptions {
  onInconsistency?: InconsistencyHandler;
}

/** The engine's repository over a migrated database. */
export function createSqlRepository(db: Db, options: SqlRepositoryOptions = {}): SqlRepository {
  const onInconsistency: InconsistencyHandler = options.onInconsistency
    ?? ((id, detail) => console.warn(`Pratique ${id} : colonnes en désaccord avec l’instantané de la machine (${detail}) ; l’instantané fait foi.`));
  const record = (row: PracticeRow) => toRecord(row, onInconsistency);

  return {
    campaigns: createSqlCampaignRepository(db),

    async get(id) {
      const { rows } = await db.query<PracticeRow>(`SELECT ${RECORD_COLUMNS} FROM practices WHERE id = $1`, [id]);
      return rows[0] ? record(rows[0]) : undefined;
    },

    async all() {
      const { rows } = await db.query<PracticeRow>(`SELECT ${RECORD_COLUMNS} FROM practices ORDER BY created_at, id COLLATE "C"`);
      return rows.map(record);
    },

    findByKey: (key) => byKey(db, key, onInconsistency),

    async insertMany(year, insertions) {
      // Keys already stored first, outside any transaction or lock: a retry or a re-import takes no number.
      const keys = [...new Set(insertions.flatMap((i) => (i.idempotencyKey ? [i.idempotencyKey] : [])))];
      const stored = new Map<string, StoredRecord>();
      if (keys.length) {
        const { rows } = await db.query<PracticeRow>(`SELECT ${RECORD_COLUMNS} FROM practices WHERE idempotency_key = ANY($1::text[])`, [keys]);
        for (const row of rows) {
          const r = record(row);
          stored.set(r.idempotencyKey!, r);
        }
      }
      // The new ones, each key once (a batch may repeat a key: its first row is the one written).
      const fresh: { index: number; key: string | undefined }[] = [];
      const seen = new Set<string>();
      insertions.forEach((insertion, index) => {
        const key = insertion.idempotencyKey;
        if (key && (stored.has(key) || seen.has(key))) return;
        if (key) seen.add(key);
        fresh.push({ index, key });
      });
      // Numbers for all of them in one short statement of its own: the counter row is locked for that
      // statement only, never across the transaction below, so concurrent submissions do not queue
      // behind one another. A number whose insert then rolls back, or loses its key to a concurrent
      // first attempt, is not handed out again: references may have gaps (docs/server.md).
      let base = 0;
      if (fresh.length) {
        const counter = await db.query<{ last: number }>(
          `INSERT INTO reference_counters (year, last) VALUES ($1, $2)
           ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + EXCLUDED.last
           RETURNING last`,
          [year, fresh.length],
        );
        base = Number(counter.rows[0]!.last) - fresh.length;
      }
      const built = fresh.map(({ index, key }, n) => {
        const record = insertions[index]!.build(base + n + 1);
        return { index, key, record: { ...record, ...(key ? { idempotencyKey: key } : {}) } as StoredRecord };
      });
      // Each practice is one statement with its history and outbox rows; several are one transaction.
      const write = async (q: Queryable) => {
        const created = new Set<number>();
        for (const { index, key, record: r } of built) {
          // The unique key decides in the end: a concurrent first attempt with the same key may have won it.
          if (await insertPractice(q, r, 'idempotency_key', true)) created.add(index);
          else stored.set(key!, (await byKey(q, key!, onInconsistency))!);
        }
        return created;
      };
      const created = built.length === 1 ? await write(db) : built.length ? await db.transaction(write) : new Set<number>();
      const mine = new Map(built.map((b) => [b.index, b.record]));
      for (const b of built) if (b.key && created.has(b.index)) stored.set(b.key, b.record);
      return insertions.map((insertion, index) => (created.has(index)
        ? { record: mine.get(index)!, created: true }
        : { record: stored.get(insertion.idempotencyKey!)!, created: false }));
    },

    replace(next, expectedVersion) {
      return db.transaction(async (tx) => {
        const current = await tx.query<PracticeRow>(`SELECT ${RECORD_COLUMNS} FROM practices WHERE id = $1 FOR UPDATE`, [next.practice.id]);
        const row = current.rows[0];
        if (!row) return 'not-found' as const;
        if (Number(row.version) !== expectedVersion) return 'conflict' as const;
        const before = record(row).practice;
        const c = columnsOf(next.practice);
        if (c.practice.review.history.length < before.review.history.length) {
          throw new Error(`The history of ${before.id} may only grow`);
        }
        const p = next.practice;
        // Compare-and-set: written only if nobody wrote since `expectedVersion` was read. The new
        // history entries and the notifications hang off the update's RETURNING: one round trip.
        const updated = await tx.query(
          `WITH u AS (
             UPDATE practices SET state = $3, version = $4, min_opinions = $5, opinion_by = $6::text[], updated_at = $7::timestamptz,
               published_at = $8::timestamptz, practice = $9::jsonb, coauthor_tokens = $10::jsonb, review_due_at = $11::date
             WHERE id = $1 AND version = $2
             RETURNING id
           ), h AS (
             INSERT INTO practice_history (practice_id, position, at, type, actor_role, entry)
             SELECT u.id, $12::int + (e.ord::int - 1), (e.value->>'at')::timestamptz, e.value->>'type', e.value->'actor'->>'role', e.value
             FROM u, jsonb_array_elements($13::jsonb) WITH ORDINALITY AS e(value, ord)
           ), o AS (
             INSERT INTO outbox (practice_id, kind, recipient, payload, created_at, next_attempt_at)
             SELECT u.id, n->>'kind', n->>'recipient', n, $7::timestamptz, $7::timestamptz
             FROM u, jsonb_array_elements($14::jsonb) AS n
           )
           SELECT id FROM u`,
          [p.id, expectedVersion, c.state, p.version, c.minOpinions, c.opinionBy, p.updatedAt, p.publishedAt ?? null, c.json,
            next.coauthorTokens && Object.keys(next.coauthorTokens).length ? JSON.stringify(next.coauthorTokens) : null, p.reviewDueAt ?? null,
            before.review.history.length, JSON.stringify(c.practice.review.history.slice(before.review.history.length)),
            JSON.stringify(notificationsFor(before, c.practice))],
        );
        if (updated.rows.length !== 1) return 'conflict' as const;
        return 'ok' as const;
      });
    },

    async list(query) {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (v: unknown) => `$${params.push(v)}`;
      if (Array.isArray(query.states) && query.states.length) where.push(`state = ANY(${param(query.states.map(String))}::text[])`);
      if (query.level) where.push(`level = ${param(String(query.level))}`);
      if (query.awaitingOpinionOf) where.push(`state = 'inReview' AND NOT (${param(String(query.awaitingOpinionOf))} = ANY(opinion_by))`);
      if (query.awaitingDecision) where.push(`state = 'inReview' AND cardinality(opinion_by) >= min_opinions`);
      // A campaign is a scope: its list and its counts are the campaign's.
      const scope = query.campaign ? { sql: 'WHERE campaign_id = $1', params: [String(query.campaign)] } : { sql: '', params: [] };
      if (query.campaign) where.push(`campaign_id = ${param(String(query.campaign))}`);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
      for (const r of (await db.query<{ state: ReviewState; n: number }>(`SELECT state, count(*)::int AS n FROM practices ${scope.sql} GROUP BY state`, scope.params)).rows) {
        counts[r.state] = Number(r.n);
      }
      const total = Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM practices ${clause}`, params)).rows[0]!.n);
      const { rows } = await db.query<PracticeRow>(
        `SELECT ${RECORD_COLUMNS} FROM practices ${clause} ORDER BY created_at, id COLLATE "C" OFFSET ${param(query.offset ?? 0)} LIMIT ${param(query.limit ?? 50)}`,
        params,
      );
      return { items: rows.map((r) => record(r).practice), total, counts };
    },

    async published() {
      // The library's order without text: featured first, then the most recently published, then by id,
      // so a library reading /feed.json as its `src` can show the first page before the rest arrives.
      const { rows } = await db.query<PracticeRow>(
        `SELECT ${RECORD_COLUMNS} FROM practices WHERE state = 'published'
         ORDER BY (practice #>> '{review,featured}') = 'true' DESC, published_at DESC, id COLLATE "C"`,
      );
      return rows.map((r) => toPublicPractice(record(r).practice)).filter((p): p is PublicPractice => p !== undefined);
    },

    seed(practices) {
      return db.transaction(async (tx) => {
        let added = 0;
        for (const practice of practices) {
          if ((await tx.query('SELECT 1 FROM practices WHERE id = $1', [practice.id])).rows.length) continue;
          const m = /^PI-(\d{4})-(\d+)$/.exec(practice.reference);
          const year = m ? Number(m[1]) : Number(practice.createdAt.slice(0, 4));
          const taken = (await tx.query('SELECT 1 FROM practices WHERE reference = $1', [practice.reference])).rows.length > 0;
          let reference = practice.reference;
          if (m && !taken) {
            // Seeded references must not be handed out again.
            await tx.query(
              `INSERT INTO reference_counters (year, last) VALUES ($1, $2)
               ON CONFLICT (year) DO UPDATE SET last = GREATEST(reference_counters.last, EXCLUDED.last)`,
              [year, Number(m[2])],
            );
          } else {
            // A database already in use numbered that reference: the example takes the next free one.
            const next = await tx.query<{ last: number }>(
              `INSERT INTO reference_counters (year, last) VALUES ($1, 1)
               ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last`,
              [year],
            );
            reference = formatReference(year, Number(next.rows[0]!.last));
          }
          if (await insertPractice(tx, { practice: { ...practice, reference } }, 'id', false)) added++;
        }
        return added;
      });
    },
  };
}
