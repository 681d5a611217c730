// The server's settings: defaults, then a JSON file, then environment variables (docs/server.md lists them).
import { readFileSync } from 'node:fs';
import type { Actor, ReviewOptions, Role } from '../../src/index.js';

/** A committee member known by a token. */
export interface CommitteeMember {
  id: string;
  role: Exclude<Role, 'declarant'>;
  name?: string;
  /** Where committee notifications for this person go (passed to the webhook, never required). */
  email?: string;
}

/** Everything the server can be told. */
export interface ServerConfig {
  /** Listening address. Default `127.0.0.1`. */
  host: string;
  /** Default 8787; `0` picks a free port (tests). */
  port: number;
  /** Where the API is mounted (`/api` under `npm start`); empty for the root. */
  basePath: string;
  /** A PostgreSQL server; when absent, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite's folder; `undefined` keeps the database in memory. Default `.data/pglite`. */
  dataDir?: string | undefined;
  /** Committee tokens: token → member. */
  tokens: Record<string, CommitteeMember>;
  /** Origins of partner sites: submissions, the declarant's link, the public reads. `*` allows any. */
  partnerOrigins: string[];
  /** Origins of the committee's board: everything, lists and imports included. */
  boardOrigins: string[];
  /** Largest request body in bytes. Default 256 KB. */
  bodyLimit: number;
  /** Largest import file (`POST /imports`) in bytes. Default 2 MB. */
  importBodyLimit?: number | undefined;
  /** Days an ended (rejected, withdrawn, merged) practice keeps its declarant's contact. Default 365. */
  retentionDays: number;
  /** Hours between two runs of the retention purge (one runs at start). Default 24. */
  purgeIntervalHours: number;
  /** Days without enough opinions before reviewers are reminded. Default 14. */
  reminderDays: number;
  /** Hours between two reminder runs. Default 6. */
  reminderIntervalHours: number;
  /** Where notifications are POSTed; without it they wait in the outbox. */
  webhookUrl?: string | undefined;
  /** Signs each webhook request (`X-PI-Signature: sha256=…`). */
  webhookSecret?: string | undefined;
  /** Seconds between two delivery runs. Default 15. */
  deliveryIntervalSeconds: number;
  /** Review settings of new practices. */
  review: Partial<ReviewOptions>;
  /** Months after its publication or actualisation when an ONPE fiche is due for review. Default 24. */
  ficheReviewMonths: number;
  /** Days before a fiche's due date when the editor is reminded. Default 30. */
  ficheReminderDaysBefore: number;
  /** Loads the example practices, and declarations at every stage of the review, on start (the demo); a second start adds nothing. */
  seedExamples: boolean;
  /** The public URL of the API, for the Atom feed's links; default: from the request. */
  publicUrl?: string | undefined;
  /** The library's page, linked from the Atom feed. */
  libraryUrl?: string | undefined;
  /**
   * Submissions (`POST /practices`) one client may make per window; `limit: 0` turns the limit off.
   * Default 30 per 600 s. The count is kept in the process's memory (one server per database).
   */
  submitRate: { limit: number; windowSeconds: number };
  /**
   * A header set by the reverse proxy in front of the server that names the client
   * (`X-Forwarded-For`, `X-Real-IP`); its last address is taken. Off by default: without a proxy
   * that overwrites it, anyone could send it and pick a new identity per request.
   */
  trustedProxyHeader?: string | undefined;
}

export const DEFAULT_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  basePath: '',
  dataDir: '.data/pglite',
  tokens: {},
  partnerOrigins: [],
  boardOrigins: [],
  bodyLimit: 256 * 1024,
  retentionDays: 365,
  purgeIntervalHours: 24,
  reminderDays: 14,
  reminderIntervalHours: 6,
  deliveryIntervalSeconds: 15,
  review: {},
  ficheReviewMonths: 24,
  ficheReminderDaysBefore: 30,
  seedExamples: false,
  submitRate: { limit: 30, windowSeconds: 600 },
};

/** A configuration the server refuses to start with, said in French. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const COMMITTEE_ROLES = new Set(['reviewer', 'chair', 'editor']);
// A token is a password: short ones can be guessed over the network.
const MIN_TOKEN_LENGTH = 16;

/** Checks a token table (`{ "<token>": { id, role, name? } }`) and returns it. */
export function parseTokens(value: unknown, where: string): Record<string, CommitteeMember> {
  const table = value && typeof value === 'object' && 'tokens' in value ? (value as { tokens: unknown }).tokens : value;
  if (!table || typeof table !== 'object' || Array.isArray(table)) throw new ConfigError(`${where} : un objet { "jeton": { "id", "role", "name" } } est attendu.`);
  const out: Record<string, CommitteeMember> = {};
  for (const [token, raw] of Object.entries(table as Record<string, unknown>)) {
    const m = raw as Partial<Actor & { email: string }> | null;
    if (token.length < MIN_TOKEN_LENGTH) throw new ConfigError(`${where} : un jeton doit compter au moins ${MIN_TOKEN_LENGTH} caractères (celui de « ${String(m?.id)} » est trop court).`);
    if (!m || typeof m.id !== 'string' || !m.id || !COMMITTEE_ROLES.has(String(m.role))) {
      throw new ConfigError(`${where} : chaque jeton désigne { "id", "role" } avec un rôle parmi reviewer, chair, editor.`);
    }
    out[token] = {
      id: m.id,
      role: m.role as CommitteeMember['role'],
      ...(typeof m.name === 'string' ? { name: m.name } : {}),
      ...(typeof m.email === 'string' ? { email: m.email } : {}),
    };
  }
  return out;
}

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim().replace(/\/+$/, '')).filter(Boolean);

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new ConfigError(`${name} : un nombre ≥ ${min} est attendu, « ${raw} » reçu.`);
  return n;
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${what} « ${path} » illisible : ${(e as Error).message}`);
  }
}

/**
 * The configuration from `PI_CONFIG` (a JSON file with any of {@link ServerConfig}'s keys), then
 * the environment variables, which win. Committee tokens come from `PI_TOKENS` (JSON) or the file
 * `PI_TOKENS_FILE`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const file = env.PI_CONFIG ? (readJson(env.PI_CONFIG, 'Fichier de configuration') as Partial<ServerConfig>) : {};
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...file, review: { ...DEFAULT_CONFIG.review, ...file.review }, submitRate: { ...DEFAULT_CONFIG.submitRate, ...file.submitRate } };
  if (file.tokens) config.tokens = parseTokens(file.tokens, 'PI_CONFIG.tokens');
  if (env.PI_TOKENS_FILE) config.tokens = parseTokens(readJson(env.PI_TOKENS_FILE, 'Fichier des jetons'), env.PI_TOKENS_FILE);
  if (env.PI_TOKENS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.PI_TOKENS);
    } catch {
      throw new ConfigError('PI_TOKENS : du JSON est attendu, { "jeton": { "id", "role", "name" } }.');
    }
    config.tokens = parseTokens(parsed, 'PI_TOKENS');
  }
  if (env.HOST) config.host = env.HOST;
  config.port = number(env, 'PORT', config.port);
  if (env.PI_BASE_PATH !== undefined) config.basePath = env.PI_BASE_PATH.replace(/\/+$/, '');
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.PI_DATA_DIR !== undefined) config.dataDir = env.PI_DATA_DIR === 'memory' ? undefined : env.PI_DATA_DIR;
  if (env.PI_PARTNER_ORIGINS !== undefined) config.partnerOrigins = list(env.PI_PARTNER_ORIGINS);
  if (env.PI_BOARD_ORIGINS !== undefined) config.boardOrigins = list(env.PI_BOARD_ORIGINS);
  config.bodyLimit = number(env, 'PI_BODY_LIMIT', config.bodyLimit, 1024);
  if (env.PI_IMPORT_BODY_LIMIT) config.importBodyLimit = number(env, 'PI_IMPORT_BODY_LIMIT', 2 * 1024 * 1024, 1024);
  config.retentionDays = number(env, 'PI_RETENTION_DAYS', config.retentionDays);
  config.purgeIntervalHours = number(env, 'PI_PURGE_INTERVAL_HOURS', config.purgeIntervalHours, 0.001);
  config.reminderDays = number(env, 'PI_REMINDER_DAYS', config.reminderDays);
  config.reminderIntervalHours = number(env, 'PI_REMINDER_INTERVAL_HOURS', config.reminderIntervalHours, 0.001);
  if (env.PI_WEBHOOK_URL) config.webhookUrl = env.PI_WEBHOOK_URL;
  if (env.PI_WEBHOOK_SECRET) config.webhookSecret = env.PI_WEBHOOK_SECRET;
  config.deliveryIntervalSeconds = number(env, 'PI_DELIVERY_INTERVAL_SECONDS', config.deliveryIntervalSeconds, 0.1);
  if (env.PI_MIN_OPINIONS) config.review = { ...config.review, minOpinions: number(env, 'PI_MIN_OPINIONS', 2, 1) };
  if (env.PI_MIN_PRACTICE_AGE_MONTHS) config.review = { ...config.review, minPracticeAgeMonths: number(env, 'PI_MIN_PRACTICE_AGE_MONTHS', 12) };
  config.ficheReviewMonths = number(env, 'PI_FICHE_REVIEW_MONTHS', config.ficheReviewMonths, 1);
  config.ficheReminderDaysBefore = number(env, 'PI_FICHE_REMINDER_DAYS_BEFORE', config.ficheReminderDaysBefore);
  if (env.PI_SEED_EXAMPLES !== undefined) config.seedExamples = env.PI_SEED_EXAMPLES === 'true' || env.PI_SEED_EXAMPLES === '1';
  if (env.PI_PUBLIC_URL) config.publicUrl = env.PI_PUBLIC_URL.replace(/\/+$/, '');
  if (env.PI_LIBRARY_URL) config.libraryUrl = env.PI_LIBRARY_URL;
  config.submitRate = {
    limit: Math.floor(number(env, 'PI_SUBMIT_RATE', config.submitRate.limit)),
    windowSeconds: number(env, 'PI_SUBMIT_RATE_WINDOW_SECONDS', config.submitRate.windowSeconds, 1),
  };
  if (env.PI_TRUSTED_PROXY_HEADER !== undefined) config.trustedProxyHeader = env.PI_TRUSTED_PROXY_HEADER.trim() || undefined;
  if (config.trustedProxyHeader && !/^[A-Za-z0-9-]{1,100}$/.test(config.trustedProxyHeader)) throw new ConfigError('PI_TRUSTED_PROXY_HEADER : un nom d’en-tête est attendu (X-Forwarded-For, X-Real-IP).');
  if (config.webhookUrl && !/^https?:\/\//.test(config.webhookUrl)) throw new ConfigError('PI_WEBHOOK_URL : une adresse http(s) est attendue.');
  return config;
}
