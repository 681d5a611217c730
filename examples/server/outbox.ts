// Delivery of the outbox to a webhook, with retries and exponential backoff, and the opinion reminders.
import { createHmac } from 'node:crypto';
import { deriveReview, ficheReviewReminder, opinionReminder, type Practice, type PracticeNotification, type Role } from '../../src/index.js';
import type { Db } from './db.js';

/** A committee member the webhook may address (from the tokens configuration; never the token). */
export interface Member {
  id: string;
  role: Role;
  name?: string;
  email?: string;
}

/** What the webhook receives: the domain's notification, and who to tell, resolved at delivery. */
export interface WebhookMessage extends PracticeNotification {
  /** The outbox row's id: a receiver that sees it twice (a retry after a lost answer) can ignore the second. */
  deliveryId: string;
  /** The people to tell: the declarant's contact, or the configured members holding the role. */
  to: { name?: string; email?: string; id?: string }[];
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** Where messages are POSTed as JSON. Without it nothing is delivered (rows wait). */
  webhookUrl?: string | undefined;
  /** When set, each request carries `X-PI-Signature: sha256=<HMAC of the body>`. */
  webhookSecret?: string | undefined;
  clock?: () => Date;
  fetch?: typeof fetch;
  /** Committee members by role, for `to` of committee notifications. */
  members?: readonly Member[];
  /** Attempts before a message is abandoned. Default 10. */
  maxAttempts?: number;
  /** First retry delay; doubles each time. Default 30 s. */
  baseDelayMs?: number;
  /** Longest delay between attempts. Default 6 h. */
  maxDelayMs?: number;
  /** Messages claimed per run. Default 20. */
  batchSize?: number;
  /** A webhook request slower than this fails the attempt. Default 10 s. */
  timeoutMs?: number;
}

/** Outcome of one delivery run. */
export interface DeliveryReport {
  delivered: number;
  failed: number;
  abandoned: number;
}

export interface Outbox {
  /** Delivers the messages that are due now; each either succeeds, is rescheduled, or is abandoned. */
  deliver(): Promise<DeliveryReport>;
  /** Writes a reminder for practices whose opinions are pending after `afterDays`, once per practice and round. Returns how many. */
  remind(afterDays: number): Promise<number>;
  /**
   * Writes a reminder to the editor for published fiches whose review date is reached or comes within
   * `daysBefore` days, once per fiche and due date (an actualisation sets a new date). Returns how many.
   */
  remindFicheReviews(daysBefore: number): Promise<number>;
  /** The delay before attempt `attempts + 1`, after `attempts` failures. */
  backoff(attempts: number): number;
}

interface OutboxRow {
  id: string;
  payload: PracticeNotification | string;
  attempts: number;
  practice: Practice | string | null;
}

// A claimed message is out of reach of other deliverers for this long; longer than any attempt takes.
const LEASE_MS = 5 * 60_000;
// Events after which a new round of opinions begins (as the domain's opinionReminder counts rounds).
const ROUND_STARTS = new Set(['START_REVIEW', 'REOPEN', 'PROVIDE_COMPLEMENTS']);

const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The outbox of a migrated database. */
export function createOutbox(db: Db, options: OutboxOptions = {}): Outbox {
  const clock = options.clock ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 10;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 6 * 3_600_000;
  const backoff = (attempts: number) => Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));

  function recipients(n: PracticeNotification, practice: Practice | undefined): WebhookMessage['to'] {
    if (n.recipient === 'declarant') {
      // Looked up now, not when the row was written: an erased contact is simply not there.
      const d = practice?.declaration?.declarant;
      return d?.email ? [{ name: d.name, email: d.email }] : [];
    }
    return (options.members ?? []).filter((m) => m.role === n.recipient).map(({ id, name, email }) => ({ id, ...(name ? { name } : {}), ...(email ? { email } : {}) }));
  }

  async function post(body: string, deliveryId: string): Promise<void> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': `outbox-${deliveryId}` };
    if (options.webhookSecret) headers['X-PI-Signature'] = `sha256=${createHmac('sha256', options.webhookSecret).update(body).digest('hex')}`;
    const res = await (options.fetch ?? fetch)(options.webhookUrl!, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    // The body is read so the connection can be reused; its content does not matter.
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  }

  return {
    backoff,

    async deliver() {
      const report: DeliveryReport = { delivered: 0, failed: 0, abandoned: 0 };
      if (!options.webhookUrl) return report;
      const now = clock();
      // Claimed by pushing their next attempt past the lease, in one statement: two deliverers never take the same row.
      const { rows } = await db.query<OutboxRow>(
        `WITH due AS (
           SELECT id FROM outbox
           WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= $1::timestamptz
           ORDER BY next_attempt_at, id LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox o SET next_attempt_at = $3::timestamptz
         FROM due WHERE o.id = due.id
         RETURNING o.id::text AS id, o.payload, o.attempts,
           (SELECT p.practice FROM practices p WHERE p.id = o.practice_id) AS practice`,
        [now.toISOString(), options.batchSize ?? 20, new Date(now.getTime() + LEASE_MS).toISOString()],
      );
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      for (const row of rows) {
        const n = parse(row.payload);
        const practice = row.practice ? parse(row.practice) : undefined;
        const to = recipients(n, practice);
        const attempts = Number(row.attempts) + 1;
        if (n.recipient === 'declarant' && to.length === 0) {
          await db.query(`UPDATE outbox SET abandoned_at = $2::timestamptz, last_error = $3 WHERE id = $1::bigint`,
            [row.id, now.toISOString(), 'Les coordonnées du déclarant ont été effacées : personne à prévenir.']);
          report.abandoned++;
          continue;
        }
        const message: WebhookMessage = { ...n, deliveryId: row.id, to };
        try {
          await post(JSON.stringify(message), row.id);
          await db.query(`UPDATE outbox SET delivered_at = $2::timestamptz, attempts = $3, last_error = NULL WHERE id = $1::bigint`, [row.id, clock().toISOString(), attempts]);
          report.delivered++;
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          const giveUp = attempts >= maxAttempts;
          await db.query(
            `UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = $4::timestamptz, abandoned_at = $5::timestamptz WHERE id = $1::bigint`,
            [row.id, attempts, error.slice(0, 500), new Date(now.getTime() + backoff(attempts)).toISOString(), giveUp ? now.toISOString() : null],
          );
          if (giveUp) report.abandoned++;
          else report.failed++;
        }
      }
      return report;
    },

    async remind(afterDays) {
      const now = clock();
      // Only practices in review that still lack opinions can be due; SQL narrows, the domain decides.
      const { rows } = await db.query<{ practice: Practice | string }>(
        `SELECT practice FROM practices WHERE state = 'inReview' AND cardinality(opinion_by) < min_opinions ORDER BY created_at, id COLLATE "C"`,
      );
      let written = 0;
      for (const row of rows) {
        const practice = parse(row.practice);
        // The persisted snapshot is the source of truth, here as on every read.
        practice.review = deriveReview(practice.review.snapshot);
        const reminder = opinionReminder(practice, now, afterDays);
        if (!reminder) continue;
        const round = practice.review.history.filter((h) => ROUND_STARTS.has(h.type)).length;
        const r = await db.query(
          `INSERT INTO outbox (practice_id, kind, recipient, payload, created_at, next_attempt_at, dedupe_key)
           VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $5::timestamptz, $6)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [practice.id, reminder.kind, reminder.recipient, JSON.stringify(reminder), now.toISOString(), `opinion-reminder:${practice.id}:${round}`],
        );
        written += r.rowCount;
      }
      return written;
    },

    async remindFicheReviews(daysBefore) {
      const now = clock();
      const horizon = new Date(now.getTime() + Math.max(0, daysBefore) * 86_400_000).toISOString().slice(0, 10);
      // SQL narrows to fiches due by the horizon; the domain decides.
      const { rows } = await db.query<{ practice: Practice | string }>(
        `SELECT practice FROM practices WHERE level = 'onpe' AND state = 'published' AND review_due_at <= $1::date ORDER BY review_due_at, id COLLATE "C"`,
        [horizon],
      );
      let written = 0;
      for (const row of rows) {
        const practice = parse(row.practice);
        practice.review = deriveReview(practice.review.snapshot);
        const reminder = ficheReviewReminder(practice, now, daysBefore);
        if (!reminder) continue;
        const r = await db.query(
          `INSERT INTO outbox (practice_id, kind, recipient, payload, created_at, next_attempt_at, dedupe_key)
           VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $5::timestamptz, $6)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [practice.id, reminder.kind, reminder.recipient, JSON.stringify(reminder), now.toISOString(), `fiche-review-due:${practice.id}:${practice.reviewDueAt}`],
        );
        written += r.rowCount;
      }
      return written;
    },
  };
}
