// The reference server assembled: database, migrations, store engine, HTTP app, and its scheduled jobs.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { createStoreEngine, type EngineStore } from '../../src/index.js';
import { buildExamplePractices } from '../data/index.js';
import { createApp } from './app.js';
import type { Identify } from './auth.js';
import { DEFAULT_CONFIG, type ServerConfig } from './config.js';
import { addDemoCampaigns, addDemoCommitteeWork } from './demo.js';
import { openDb, type Db } from './db.js';
import { migrate } from './migrate.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createSqlRepository, type SqlRepository } from './repository.js';

/** What a test or an embedding program may replace. */
export interface ServerDependencies {
  /** An open database to use instead of opening one from the configuration; the caller closes it. */
  db?: Db;
  /** The clock of the store, the jobs and the outbox. */
  clock?: () => Date;
  identify?: Identify;
  /** The `fetch` used to call the webhook. */
  fetch?: typeof fetch;
  /** `false`: do not listen (the caller serves `app.fetch` itself, as `npm start` does). Default `true`. */
  listen?: boolean;
  /** `false`: no timers; the caller runs `jobs.*` when it wants. Default `true`. */
  schedule?: boolean;
  /** Where the server says what it does. Default `console.log`. */
  log?: (message: string) => void;
  /** Where request failures are reported. Default `console.error`. */
  logError?: (message: string, error: unknown) => void;
}

/** A running server. */
export interface ReferenceServer {
  /** The API's base URL (`http://127.0.0.1:8787`, with the base path). Empty when not listening. */
  url: string;
  app: Hono;
  db: Db;
  store: EngineStore;
  repository: SqlRepository;
  outbox: Outbox;
  /** The scheduled jobs, to run by hand (tests, a cron). */
  jobs: {
    /** Erases the contact of ended practices past the retention period; returns their ids. */
    purge(): Promise<string[]>;
    /** Writes the reminders that are due (opinions awaited, fiches to actualise); returns how many. */
    remind(): Promise<number>;
    /** Delivers what the outbox holds that is due. */
    deliver(): ReturnType<Outbox['deliver']>;
  };
  /** Stops listening and the jobs, and closes the database if the server opened it. */
  close(): Promise<void>;
}

/** Runs `job` every `ms`, never twice at once, without keeping the process alive. */
function every(ms: number, job: () => Promise<unknown>, log: (m: string) => void, name: string): NodeJS.Timeout {
  let running = false;
  // setInterval cannot wait longer than 2^31 - 1 ms (about 24.8 days): beyond, Node would fire every millisecond.
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job().catch((e) => log(`${name} : échec (${e instanceof Error ? e.message : String(e)}) ; nouvel essai au prochain passage.`)).finally(() => {
      running = false;
    });
  }, Math.min(Math.max(ms, 100), 2_147_483_647));
  timer.unref();
  return timer;
}

/**
 * Opens (or takes) the database, applies the migrations, seeds the examples if asked, runs the
 * retention purge once, then serves the HTTP contract and schedules the jobs.
 *
 * @example
 * const server = await createServer({ ...loadConfig(), port: 0, dataDir: undefined });
 * const store = createHttpStore(server.url);
 * await server.close();
 */
export async function createServer(partial: Partial<ServerConfig> = {}, deps: ServerDependencies = {}): Promise<ReferenceServer> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...partial };
  const log = deps.log ?? ((m: string) => console.log(m));
  const clock = deps.clock ?? (() => new Date());
  const db = deps.db ?? (await openDb(config));
  const timers: NodeJS.Timeout[] = [];
  let listener: ServerType | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}.`);
    const repository = createSqlRepository(db);
    const store = createStoreEngine(repository, { options: config.review, clock, ficheReviewMonths: config.ficheReviewMonths });
    if (config.seedExamples) {
      const added = await repository.seed(buildExamplePractices());
      if (added) log(`${added} pratiques d’exemple chargées.`);
      const work = await addDemoCommitteeWork(store);
      if (work) log(`${work} déclarations d’exemple en cours d’examen ajoutées pour le tableau du comité.`);
      const campaigns = await addDemoCampaigns(store);
      if (campaigns) log(`${campaigns} campagnes de collecte d’exemple ajoutées, avec des déclarations reçues par leurs liens d’invitation.`);
    }
    const members = Object.values(config.tokens);
    const outbox = createOutbox(db, { webhookUrl: config.webhookUrl, webhookSecret: config.webhookSecret, clock, members, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    const jobs: ReferenceServer['jobs'] = {
      purge: () => store.purgeExpiredPersonalData({ retentionDays: config.retentionDays }),
      remind: async () => (await outbox.remind(config.reminderDays)) + (await outbox.remindFicheReviews(config.ficheReminderDaysBefore)),
      deliver: () => outbox.deliver(),
    };
    const erased = await jobs.purge();
    if (erased.length) log(`Coordonnées effacées (durée de conservation de ${config.retentionDays} jours dépassée) : ${erased.length} pratique(s).`);

    const app = createApp({
      store,
      config,
      published: () => repository.published(),
      health: async () => {
        await db.query('SELECT 1');
      },
      clock,
      ...(deps.logError ? { logError: deps.logError } : {}),
      ...(deps.identify ? { identify: deps.identify } : {}),
    });

    let url = '';
    if (deps.listen !== false) {
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
      listener = server;
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      const { port } = server.address() as AddressInfo;
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${config.basePath}`;
    }

    if (deps.schedule !== false) {
      timers.push(every(config.purgeIntervalHours * 3_600_000, jobs.purge, log, 'Purge des coordonnées'));
      timers.push(every(config.reminderIntervalHours * 3_600_000, jobs.remind, log, 'Rappels d’avis'));
      // Also once now: a server restarted more often than the interval would otherwise never remind.
      jobs.remind().catch((e) => log(`Rappels d’avis : échec (${e instanceof Error ? e.message : String(e)}).`));
      if (config.webhookUrl) timers.push(every(config.deliveryIntervalSeconds * 1000, jobs.deliver, log, 'Envoi des notifications'));
    }

    return {
      url, app, db, store, repository, outbox, jobs,
      async close() {
        for (const t of timers) clearInterval(t);
        if (listener) {
          const l = listener;
          // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
          if ('closeIdleConnections' in l) l.closeIdleConnections();
          await new Promise<void>((resolve) => l.close(() => resolve()));
        }
        if (!deps.db) await db.close();
      },
    };
  } catch (e) {
    for (const t of timers) clearInterval(t);
    listener?.close();
    if (!deps.db) await db.close().catch(() => undefined);
    throw e;
  }
}
