// `npm run bench:reliability`: the reference server held under a bounded mixed load on loopback — many
// clients submitting, searches, the committee's review events, and one client flooding past its limit —
// then checked: no 5xx, every acknowledged write stored, histories consistent; figures into docs/reliability.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pgDriver from 'pg';
import { syntheticDeclarations } from '../examples/data/synthetic.js';
import type { Db } from '../examples/server/db.js';
import { startChildServer } from '../test/support/child-server.js';
import { eachBackend, f0, f1, median, publishedPractices, seedDatabase } from './server-data.js';
import { writeDocSection } from './lib.mjs';

const STORED = Number(process.env.BENCH_STORED ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SUBMIT_CONNECTIONS = Number(process.env.BENCH_SUBMIT_CONNECTIONS ?? 16);
const SEARCH_CONNECTIONS = Number(process.env.BENCH_SEARCH_CONNECTIONS ?? 16);
const REVIEWERS = Number(process.env.BENCH_REVIEW_WORKERS ?? 4);
// The limit as a deployment would set it; the flooding client goes far past it, the others stay under.
const RATE = { limit: 20, windowSeconds: 60 };
const CLIENTS = 60_000;
// Practices sent before each round for the committee to review: more than it can take in a round.
const QUEUED = Number(process.env.BENCH_QUEUED ?? 250);

const TOKENS = {
  'bench-reviewer-1-0123456789': { id: 'rev-1', role: 'reviewer' },
  'bench-reviewer-2-0123456789': { id: 'rev-2', role: 'reviewer' },
  'bench-chair-token-0123456789': { id: 'chair', role: 'chair' },
  'bench-editor-token-012345678': { id: 'editor', role: 'editor' },
} as const;
const TOKEN = Object.fromEntries(Object.entries(TOKENS).map(([t, m]) => [m.id, t])) as Record<string, string>;
const REVIEW = [
  { type: 'START_REVIEW', as: 'rev-1' },
  { type: 'GIVE_OPINION', as: 'rev-1', opinion: 'favorable' },
  { type: 'GIVE_OPINION', as: 'rev-2', opinion: 'favorable' },
  { type: 'ACCEPT', as: 'chair', comment: 'Retenue par le comité.' },
  { type: 'PUBLISH', as: 'editor' },
] as const;
const ORDER = ['SUBMIT', ...REVIEW.map((s) => s.type)];
const STATE_AT = ['submitted', 'inReview', 'inReview', 'inReview', 'accepted', 'published'];

const SEARCHES = [
  'text=parentalit%C3%A9', 'text=violences', 'text=acc', 'themes=education', 'themes=sante-mentale&audiences=adolescents',
  'departments=59', 'regions=84&sort=recent', 'text=accueil%20urgence&limit=50', 'featured=true', 'scales=locale&offset=40', '',
];

interface Workload { requests: number; ok: number; rateLimited: number; clientErrors: number; serverErrors: number; errors: number; perSecond: number; p50: number; p99: number }
interface Round { submit: Workload; flood: Workload; search: Workload; review: Workload }

const declarations = syntheticDeclarations(2_000, 17);
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0);

function workload(r: autocannon.Result): Workload {
  const count = (test: (status: number) => boolean) => Object.entries(r.statusCodeStats ?? {}).reduce((n, [s, v]) => n + (test(Number(s)) ? (v as { count: number }).count : 0), 0);
  return {
    requests: r.requests.total,
    ok: count((s) => s >= 200 && s < 300),
    rateLimited: count((s) => s === 429),
    clientErrors: count((s) => s >= 400 && s < 500 && s !== 429),
    serverErrors: count((s) => s >= 500),
    errors: r.errors + r.timeouts,
    perSecond: r.requests.total / (r.duration || SECONDS),
    p50: r.latency.p50,
    p99: r.latency.p99,
  };
}

const cannon = (options: autocannon.Options) => new Promise<autocannon.Result>((resolve, reject) => {
  autocannon({ duration: SECONDS, ...options }, (err, r) => (err ? reject(err) : resolve(r)));
});

let sent = 0;
/** Submissions from many clients (one address each few requests, as behind the proxy), each acknowledged id kept. */
function submissions(url: string, acked: Set<string>, connections: number, client: (n: number) => string) {
  return cannon({
    url,
    connections,
    requests: [{
      method: 'POST',
      path: '/practices',
      setupRequest: (req) => {
        const n = sent++;
        return {
          ...req,
          headers: { 'content-type': 'application/json', 'idempotency-key': `load-${process.pid}-${n}`, 'x-forwarded-for': client(n) },
          body: JSON.stringify({ declaration: declarations[n % declarations.length], source: { partner: 'bench' } }),
        };
      },
      onResponse: (status, body) => {
        if (status === 201) acked.add((JSON.parse(body) as { practice: { id: string } }).practice.id);
      },
    }],
  });
}

/** The committee takes practices through the review to publication, `REVIEWERS` at a time, until the time is up. */
async function reviews(url: string, queue: string[], acked: { id: string; type: string; version: number }[]): Promise<Workload> {
  const latencies: number[] = [];
  const counts = { ok: 0, rateLimited: 0, clientErrors: 0, serverErrors: 0, errors: 0 };
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const id = queue.shift();
      if (!id) return;
      let version = 1;
      for (const { type, as, ...fields } of REVIEW) {
        if (performance.now() >= end) return;
        const t0 = performance.now();
        try {
          const res = await fetch(`${url}/practices/${id}/events`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN[as]}`, 'If-Match': String(version) },
            body: JSON.stringify({ type, ...fields }),
          });
          const body = (await res.json()) as { version: number };
          latencies.push(performance.now() - t0);
          if (res.ok) {
            counts.ok++;
            version = body.version;
            acked.push({ id, type, version });
          } else {
            counts[res.status >= 500 ? 'serverErrors' : res.status === 429 ? 'rateLimited' : 'clientErrors']++;
            break;
          }
        } catch {
          counts.errors++;
          break;
        }
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: REVIEWERS }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { requests: latencies.length + counts.errors, ...counts, perSecond: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

/** What PostgreSQL's sessions of the server were doing, sampled during the rounds: mean sessions per sample. */
interface Sessions { samples: number; lockWait: number; idleInTransaction: number; active: number }

/**
 * Samples pg_stat_activity every 50 ms until `stop()`: sessions waiting on a lock (a row lock shows as
 * `Lock`/`transactionid` or `tuple`), sessions inside a transaction waiting for the server's next
 * statement (`idle in transaction`: the server's event loop has not sent it yet), and sessions at work.
 */
function sampleSessions(url: string) {
  const client = new pgDriver.Client({ connectionString: url });
  const totals: Sessions = { samples: 0, lockWait: 0, idleInTransaction: 0, active: 0 };
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ lock: number; idle_tx: number; active: number }>(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock,
                count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_tx,
                count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS active
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      totals.samples++;
      totals.lockWait += rows[0]!.lock;
      totals.idleInTransaction += rows[0]!.idle_tx;
      totals.active += rows[0]!.active;
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.end();
  })();
  return {
    async stop(): Promise<Sessions> {
      running = false;
      await done;
      const n = totals.samples || 1;
      return { samples: totals.samples, lockWait: totals.lockWait / n, idleInTransaction: totals.idleInTransaction / n, active: totals.active / n };
    },
  };
}

interface Stored { id: string; version: number; review: { state: string; history: { type: string }[] } }

async function listAll(url: string): Promise<Stored[]> {
  const items: Stored[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await (await fetch(`${url}/practices?limit=500&offset=${offset}`, { headers: { Authorization: `Bearer ${TOKEN.chair}` } })).json()) as { items: Stored[]; total: number };
    items.push(...page.items);
    if (items.length >= page.total || !page.items.length) return items;
  }
}

interface Result { backend: string; rounds: Round[]; sessions?: Sessions; checks: string[]; lost: number; inconsistent: number; acknowledged: number; stored: number; events: number }

async function bench(backend: string, open: (dir: string) => Promise<Db>, env: (dir: string) => Record<string, string>, all: ReturnType<typeof publishedPractices>, sampleUrl?: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'pi-load-'));
  try {
    const db = await open(dir);
    await seedDatabase(db, all);
    await db.close();
    const server = await startChildServer({
      PI_TOKENS: JSON.stringify(TOKENS), PI_SUBMIT_RATE: String(RATE.limit), PI_SUBMIT_RATE_WINDOW_SECONDS: String(RATE.windowSeconds),
      // The load plays many clients, as a reverse proxy would name them.
      PI_TRUSTED_PROXY_HEADER: 'X-Forwarded-For', ...env(dir),
    });
    try {
      await fetch(`${server.url}/search?text=acc`).then((r) => r.text()); // builds the public index: not timed
      const acked = new Set<string>();
      const events: { id: string; type: string; version: number }[] = [];
      const rounds: Round[] = [];
      let precreated = 0;
      const sessions: Sessions[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Practices for the committee to review during the round, sent beforehand from their own clients.
        const queue: string[] = [];
        for (let from = 0; from < QUEUED; from += 16) {
          await Promise.all(Array.from({ length: Math.min(16, QUEUED - from) }, async (_, j) => {
            const i = from + j;
            const res = await fetch(`${server.url}/practices`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `queue-${round}-${i}`, 'X-Forwarded-For': `192.168.${round}.${i}` },
              body: JSON.stringify({ declaration: declarations[(i * 7) % declarations.length] }),
            });
            if (res.status !== 201) throw new Error(`a practice for the committee was refused: ${res.status} ${await res.text()}`);
            queue.push(((await res.json()) as { practice: { id: string } }).practice.id);
            precreated++;
          }));
        }
        let seq = 0;
        const sampler = sampleUrl ? sampleSessions(sampleUrl) : undefined;
        const [submit, flood, search, review] = await Promise.all([
          submissions(server.url, acked, SUBMIT_CONNECTIONS, () => address(round * 20_000 + (seq++ % CLIENTS))),
          // One client sending as fast as two connections allow: past its limit at once.
          submissions(server.url, acked, 2, () => `172.16.0.${round + 1}`),
          cannon({ url: server.url, connections: SEARCH_CONNECTIONS, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search?${SEARCHES[Math.floor(Math.random() * SEARCHES.length)]}` }) }] }),
          reviews(server.url, queue, events),
        ]);
        if (sampler) sessions.push(await sampler.stop());
        rounds.push({ submit: workload(submit), flood: workload(flood), search: workload(search), review });
        const r = rounds.at(-1)!;
        const s = sessions.at(-1);
        console.log(`${backend} round ${round + 1}: submit ${r.submit.perSecond.toFixed(0)}/s (p99 ${r.submit.p99} ms), search ${r.search.perSecond.toFixed(0)}/s (p99 ${r.search.p99} ms), review ${r.review.perSecond.toFixed(0)}/s (p99 ${r.review.p99.toFixed(0)} ms), flood ${r.flood.rateLimited} × 429${s ? `; sessions: ${s.lockWait.toFixed(1)} waiting on a lock, ${s.idleInTransaction.toFixed(1)} idle in transaction, ${s.active.toFixed(1)} active (${s.samples} samples)` : ''}`);
      }
      // Afterwards: every acknowledged write is stored, with a history that agrees with its version and state.
      const stored = await listAll(server.url);
      const byId = new Map(stored.map((p) => [p.id, p]));
      const lost = [...acked].filter((id) => !byId.has(id)).length + events.filter((e) => byId.get(e.id)?.review.history[e.version - 1]?.type !== e.type).length;
      // The seeded practices have their own history (published from the start): the load's practices are checked.
      const inconsistent = stored.filter((p) => !p.id.startsWith('load-')).filter((p) => p.review.history.length !== p.version
        || p.review.history.some((h, i) => h.type !== ORDER[i]) || p.review.state !== STATE_AT[p.version - 1]).length;
      const published = (await (await fetch(`${server.url}/search?limit=1`)).json()) as { total: number };
      const publishedByCommittee = events.filter((e) => e.type === 'PUBLISH').length;
      const newPractices = stored.length - STORED;
      const checks = [
        `${acked.size} submissions acknowledged, ${precreated} sent beforehand for the committee; ${newPractices} new practices stored (requests in flight when a run ended may be stored unacknowledged: ${newPractices - acked.size - precreated})`,
        `${events.length} review events acknowledged, each found at its place in its practice's history`,
        `the public search holds ${published.total} practices: the ${STORED} seeded plus the ${publishedByCommittee} published during the load`,
      ];
      if (published.total !== STORED + publishedByCommittee) checks.push('**the search does not hold what was published**');
      const mid = (k: keyof Sessions) => median(sessions.map((x) => x[k]));
      return { backend, rounds, ...(sessions.length ? { sessions: { samples: sessions.reduce((n, x) => n + x.samples, 0), lockWait: mid('lockWait'), idleInTransaction: mid('idleInTransaction'), active: mid('active') } } : {}), checks, lost, inconsistent, acknowledged: acked.size, stored: newPractices, events: events.length };
    } finally {
      await server.stop('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const t0 = performance.now();
const all = publishedPractices(STORED, 'load');
console.log(`${all.length} practices built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const loadStart = loadavg()[0]!;
const { results, pgSkipped } = await eachBackend((b) => bench(b.name, b.open, b.env, all, b.url));
const loadEnd = loadavg()[0]!;

const LABEL: Record<keyof Round, string> = {
  submit: `\`POST /practices\`, ${SUBMIT_CONNECTIONS} connections, many clients`,
  flood: '`POST /practices`, 2 connections, one client',
  search: `\`GET /search\`, ${SEARCH_CONNECTIONS} connections`,
  review: `review events, ${REVIEWERS} committee members`,
};
const rows = results.flatMap((r) => (Object.keys(LABEL) as (keyof Round)[]).map((w) => {
  const sum = (k: keyof Workload) => r.rounds.reduce((n, x) => n + x[w][k], 0);
  const med = (k: keyof Workload) => median(r.rounds.map((x) => x[w][k]));
  return `| ${r.backend} | ${LABEL[w]} | ${f0(sum('requests'))} | ${f0(sum('ok'))} | ${f0(sum('rateLimited'))} | ${f0(sum('serverErrors'))} | ${f0(sum('errors'))} | ${f0(sum('clientErrors'))} | ${f0(med('perSecond'))} | ${f1(med('p50'))} | ${f1(med('p99'))} |`;
}));
const verdict = results.map((r) => `- **${r.backend}**: ${r.checks.join('; ')}. Lost writes: **${r.lost}**; practices whose history disagrees with their version or state: **${r.inconsistent}**.`).join('\n');
const today = new Date().toISOString().slice(0, 10);
// The same load measured with the earlier repository, whose submissions held the year's reference
// counter row locked for their whole transaction (commit 44f2a3d's bench, 2026-11-29; sessions
// sampled on that code the same day, BENCH_ROUNDS=2): kept for the before → after comparison.
const BEFORE = { date: '2026-11-29', PGlite: { submit: 137, p50: 104, p99: 314, search: 116, review: 33 }, PostgreSQL: { submit: 6, p50: 1_734, p99: 5_937, search: 913, review: 4 }, lockWait: 8.0, idleInTransaction: 1.5 };
const medianOf = (r: Result, w: keyof Round, k: keyof Workload) => median(r.rounds.map((x) => x[w][k]));
const comparison = results.map((r) => {
  const b = BEFORE[r.backend as 'PGlite' | 'PostgreSQL'];
  const now = (w: keyof Round) => medianOf(r, w, 'perSecond');
  return `- **${r.backend}**: submissions ${f0(b.submit)}/s → ${f0(now('submit'))}/s (×${(now('submit') / b.submit).toFixed(1)}; p50 ${f0(b.p50)} → ${f1(medianOf(r, 'submit', 'p50'))} ms, p99 ${f0(b.p99)} → ${f1(medianOf(r, 'submit', 'p99'))} ms), review events ${f0(b.review)}/s → ${f0(now('review'))}/s, searches ${f0(b.search)}/s → ${f0(now('search'))}/s.`;
}).join('\n');
const pgSessions = results.find((r) => r.sessions)?.sessions;
const markdown = `## Load

Measured on ${today} with \`npm run bench:reliability\` (\`bench/reliability.bench.ts\`): ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, autocannon 9.0.0 on loopback. The server runs in its own process (\`examples/server/main.ts\`), the load in the bench's. The machine was shared with other work (1-minute load average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end): read the medians, not the last digit.

${f0(STORED)} published practices are stored before the server starts. Then ${ROUNDS} rounds of ${SECONDS} s, each running four loads **at once**:
- **many clients submitting**: \`POST /practices\` with a new key and a valid declaration each time, each request from one of ${f0(CLIENTS)} client addresses (\`X-Forwarded-For\`, the server started with \`PI_TRUSTED_PROXY_HEADER=X-Forwarded-For\` as behind a proxy), so each client stays under its limit;
- **one client flooding**: the same requests from a single address, past the limit (\`PI_SUBMIT_RATE=${RATE.limit}\` per \`PI_SUBMIT_RATE_WINDOW_SECONDS=${RATE.windowSeconds}\`) within a second; its \`429\`s are counted apart, they are the limiter working;
- **searches**: \`GET /search\` over ${SEARCHES.length} queries (words, a prefix, facets, a région, featured, sorts, paging);
- **the committee**: ${REVIEWERS} members each taking a practice sent before the round through \`START_REVIEW\`, two opinions, \`ACCEPT\` and \`PUBLISH\`, with \`If-Match\`.

Requests/s, p50 and p99 (ms) are medians over the rounds; the counts are totals. "Network errors" are connection errors and timeouts; "other 4xx" would be refusals of valid requests.

| backend | load | requests | 2xx | 429 | 5xx | network errors | other 4xx | requests/s | p50 | p99 |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
${pgSkipped ? `\nPostgreSQL was not measured: ${pgSkipped}.\n` : ''}
Checked afterwards, through the committee's list and the public search:

${verdict}

PostgreSQL is Debian's server in a throwaway cluster on a loopback port with \`fsync=off\` (as in the tests), reached through \`pg\` with a pool of 10; PGlite is one connection inside the server's process.
${pgSessions ? `
What PostgreSQL's sessions of the server were doing during the rounds, sampled from \`pg_stat_activity\` every 50 ms (${f0(pgSessions.samples)} samples; mean sessions per sample, median of the rounds): **${pgSessions.lockWait.toFixed(1)} waiting on a lock**, ${pgSessions.idleInTransaction.toFixed(1)} idle in a transaction (waiting for the server's next statement), ${pgSessions.active.toFixed(1)} at work. With the earlier repository: ${BEFORE.lockWait.toFixed(1)} waiting on a lock, ${BEFORE.idleInTransaction.toFixed(1)} idle in a transaction.
` : ''}
Before → after the change to the repository (${BEFORE.date}, same bench, same machine; each submission then held its year's reference counter locked for its whole transaction):

${comparison}

What this says. The server holds: no \`5xx\`, no network error, no refusal of a valid request, no lost write and no inconsistent history on either database, and a client past its limit gets \`429\` while the others do not. Everything runs in one Node event loop on a 2-core machine that also runs the load generator (and PostgreSQL), so under the mix each round trip to the database waits its turn behind the searches answered from memory.

Why PostgreSQL submissions collapsed, and what changed. Measured on the earlier code under this load: 8 of the pool's 10 sessions were waiting on a lock at any moment, one or two held it while idle in their transaction, none was working; in the server, a submission waited about 1,000 ms (median) for the counter row and then held it about 85 ms, five round trips of about 15 ms each to the event loop (its delay was 10 ms on average), against 3 ms when the server was not loaded. Every submission took the year's \`reference_counters\` row lock first and kept it for its whole transaction (key lookup, practice, history, outbox, counter update, commit), so submissions ran one at a time, and the waiting ones held pool connections the review events needed. Searches are short: at 2,000 practices a query takes between the 0.25 ms and 1.9 ms medians that [Search](performance.md#search) gives for 1,000 and 10,000, and during the rounds (after the change) the server's event loop was delayed 17 ms on average and at most about 50 ms (\`monitorEventLoopDelay\`, one trial round). The cost is the number of requests, not one long search: making searches yield to writes would not help, and was not done. Now \`insertMany\` looks the keys up first, takes the numbers in one statement of their own (\`INSERT … ON CONFLICT (year) DO UPDATE SET last = last + n RETURNING last\`: the row is locked for that statement only, inside the database, with no round trip to the server while it is held), and writes each practice with its history and outbox rows in one statement; a review event's update, history and outbox rows are one statement too. A submission is four round trips, none under a shared lock. The price: a number taken by a submission that then fails, or that loses its key to a concurrent first attempt, is not handed out again, so references may have gaps ([server.md](server.md#storage)). With PGlite the database runs in the server's own event loop and its transactions take turns anyway: fewer round trips help it a little. A deployment expecting heavy search traffic during a campaign can still cache the public reads in front of the server (\`/feed.json\` and the library's \`src\` are cacheable) or serve them from another process.
`;
console.log(markdown);
if (!process.env.BENCH_DRY) console.log(`written to ${writeDocSection('reliability.md', '# Reliability\n', 'Load', markdown)}`);
