// `npm run bench:server`: submissions and searches per second on the reference server holding 10,000
// practices, on PGlite and on PostgreSQL, with autocannon on loopback; figures into docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { syntheticDeclarations } from '../examples/data/synthetic.js';
import type { Db } from '../examples/server/db.js';
import { startChildServer } from '../test/support/child-server.js';
import { eachBackend, f0, f1, median, publishedPractices, seedDatabase } from './server-data.js';
import { writePerformanceSection } from './lib.mjs';

const STORED = Number(process.env.BENCH_STORED ?? 10_000);
// Bounded in count and in time: whichever ends first.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Submissions per second measured with the earlier repository (2026-11-22), whose submissions held
// the year's reference counter row locked for their whole transaction: kept for the before → after ratio.
const BEFORE = { date: '2026-11-22', submit: { PGlite: 142, PostgreSQL: 127 } as Record<string, number>, search: { PGlite: 525, PostgreSQL: 501 } as Record<string, number> };

const SEARCHES = [
  'text=parentalit%C3%A9', 'text=violences', 'text=acc', 'themes=education', 'themes=sante-mentale&audiences=adolescents',
  'departments=59', 'regions=84&sort=recent', 'text=accueil%20urgence&limit=50', 'featured=true', 'text=m%C3%A9diation&themes=education',
  'scales=locale&offset=40', 'years=2019', 'text=jeunes%20majeurs', 'levels=declared&sort=title', '',
];

interface Figures { requests: number; errors: number; non2xx: number; perSecond: number; p50: number; p99: number; seconds: number }

function run(options: autocannon.Options): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, maxOverallRequests: MAX_REQUESTS, ...options }, (err, r) => {
      if (err) return reject(err);
      const requests = r.requests.total;
      resolve({
        requests,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        perSecond: requests / (r.duration || SECONDS),
        p50: r.latency.p50,
        p99: r.latency.p99,
        seconds: r.duration,
      });
    });
  });
}

let submissions = 0;
const declarations = syntheticDeclarations(2_000, 11);

async function submit(url: string) {
  return run({
    url,
    requests: [{
      method: 'POST',
      path: '/practices',
      // A new key and a declaration for each request: every one is a real write.
      setupRequest: (req) => {
        const n = submissions++;
        return {
          ...req,
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${process.pid}-${n}` },
          body: JSON.stringify({ declaration: declarations[n % declarations.length], source: { partner: 'bench' } }),
        };
      },
    }],
  });
}

let searches = 0;
async function search(url: string) {
  return run({
    url,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search?${SEARCHES[searches++ % SEARCHES.length]}` }) }],
  });
}


interface Row { backend: string; workload: string; rounds: Figures[]; stored: number; counted: number }

async function bench(backend: string, open: (dir: string) => Promise<Db>, env: (dir: string) => Record<string, string>, all: ReturnType<typeof publishedPractices>): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pi-bench-'));
  try {
    const t0 = performance.now();
    const db = await open(dir);
    await seedDatabase(db, all);
    await db.close();
    console.log(`${backend}: ${all.length} practices stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // All load comes from one client (127.0.0.1): the per-client limit is set far above what a run sends.
    const server = await startChildServer({ PI_PARTNER_ORIGINS: '*', PI_SUBMIT_RATE: '100000000', PI_SUBMIT_RATE_WINDOW_SECONDS: '60', ...env(dir) });
    const { url } = server;
    try {
      // The first search builds the public index from the database: not timed.
      const warm = performance.now();
      await fetch(`${url}/search?text=acc`).then((r) => r.text());
      console.log(`${backend}: first search (index built) in ${(performance.now() - warm).toFixed(0)} ms`);
      const rows: Row[] = [{ backend, workload: 'search', rounds: [], stored: 0, counted: 0 }, { backend, workload: 'submit', rounds: [], stored: 0, counted: 0 }];
      const before = submissions;
      for (let round = 0; round < ROUNDS; round++) {
        // Interleaved, so a noisy moment on this shared machine hits both.
        rows[0]!.rounds.push(await search(url));
        rows[1]!.rounds.push(await submit(url));
        console.log(`${backend} round ${round + 1}: search ${rows[0]!.rounds.at(-1)!.perSecond.toFixed(0)}/s, submit ${rows[1]!.rounds.at(-1)!.perSecond.toFixed(0)}/s`);
      }
      // Every acknowledged submission must be stored: count them through the committee's list.
      const ok = rows[1]!.rounds.reduce((n, f) => n + f.requests - f.non2xx - f.errors, 0);
      rows[1]!.stored = ok;
      const list = await fetch(`${url}/practices?state=submitted&limit=1`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } }).then((r) => r.json()) as { total: number };
      rows[1]!.counted = list.total;
      console.log(`${backend}: ${submissions - before} submissions sent, ${ok} acknowledged, ${list.total} stored`);
      return rows;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BENCH_TOKEN = 'bench-chair-token-0123456789';
const TOKENS = JSON.stringify({ [BENCH_TOKEN]: { id: 'bench-chair', role: 'chair' } });

const t0 = performance.now();
const all = publishedPractices(STORED, 'bench');
console.log(`${all.length} practices built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const loadStart = loadavg()[0]!;
const { results, pgSkipped } = await eachBackend((b) => bench(b.name, b.open, (dir) => ({ PI_TOKENS: TOKENS, ...b.env(dir) }), all));
const rows: Row[] = results.flat();
const loadEnd = loadavg()[0]!;

const table = rows.map((r) => {
  const sum = (k: keyof Figures) => r.rounds.reduce((n, f) => n + f[k], 0);
  return `| ${r.backend} | ${r.workload === 'search' ? '`GET /search`' : '`POST /practices`'} | ${r.rounds.length} | ${f0(sum('requests'))} | ${f0(sum('errors') + sum('non2xx'))} | ${f0(median(r.rounds.map((f) => f.perSecond)))} | ${f1(median(r.rounds.map((f) => f.p50)))} | ${f1(median(r.rounds.map((f) => f.p99)))} |`;
});
const byBackend = (b: string, w: string) => rows.find((r) => r.backend === b && r.workload === w);
const ratio = (w: string) => {
  const a = byBackend('PGlite', w);
  const b = byBackend('PostgreSQL', w);
  return a && b ? (median(b.rounds.map((f) => f.perSecond)) / median(a.rounds.map((f) => f.perSecond))).toFixed(1) : undefined;
};
// Requests still in flight when a run's time is up are written but not counted as answered: stored ≥ acknowledged.
const lost = rows.filter((r) => r.workload === 'submit').map((r) => `${r.backend}: ${f0(r.stored)} submissions acknowledged, ${f0(r.counted)} in the \`submitted\` list${r.counted >= r.stored ? '' : ' — **writes were lost**'}`).join('; ');
const beforeAfter = rows.filter((r) => r.workload === 'submit' && BEFORE.submit[r.backend]).map((r) => {
  const now = median(r.rounds.map((f) => f.perSecond));
  return `${r.backend} ${f0(BEFORE.submit[r.backend]!)} → ${f0(now)} submissions/s (×${(now / BEFORE.submit[r.backend]!).toFixed(1)})`;
}).join(', ');
// Searches do not go through the changed code: how much they moved says how much the rest (machine, load, other changes) did.
const searchesMoved = rows.filter((r) => r.workload === 'search' && BEFORE.search[r.backend]).map((r) => `${r.backend} ${f0(BEFORE.search[r.backend]!)} → ${f0(median(r.rounds.map((f) => f.perSecond)))}`).join(', ');
const today = new Date().toISOString().slice(0, 10);
const markdown = `## Reference server

Measured on ${today} with \`npm run bench:server\` (\`bench/server.bench.ts\`): ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, autocannon 9.0.0 on loopback; the server runs in its own process (\`examples/server/main.ts\`), the load generator in the bench's. The machine was shared with other work (1-minute load average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end): read the medians and the ratio, not the last digit.

Data: ${f0(STORED)} published practices (\`syntheticDeclarations(${STORED}, 3)\` replayed through the review machine by \`buildPublishedPractices\`), stored before the server starts. The first search builds the public index from the database and is not timed. Then ${ROUNDS} rounds, each a search run then a submission run, each run ${CONNECTIONS} connections for ${SECONDS} s or ${f0(MAX_REQUESTS)} requests, whichever ends first:
- **search**: \`GET /search\` cycling through ${SEARCHES.length} queries (words, a prefix, typos-free two-word texts, facets, a région, featured, sorts, paging);
- **submit**: \`POST /practices\` with a new \`Idempotency-Key\` and a valid declaration each time (2,000 different ones), so each request is a transaction with its history and outbox rows.

The figures are the medians over the rounds of each run's requests per second and of its p50 and p99 latency (autocannon's HDR histogram). PostgreSQL is Debian's server (a throwaway cluster on a loopback port, \`fsync=off\`, as in the tests), reached through \`pg\` with a pool of 10.

| backend | route | rounds | requests | errors | requests/s (median) | p50 (ms) | p99 (ms) |
|---|---|---:|---:|---:|---:|---:|---:|
${table.join('\n')}
${pgSkipped ? `\nPostgreSQL was not measured: ${pgSkipped}.\n` : ''}
Acknowledged submissions against what the committee's list holds afterwards (requests still in flight when a run's time was up are stored but not counted as answered, so the list may hold more): ${lost}.${ratio('submit') ? ` PostgreSQL / PGlite: ${ratio('submit')}× the submissions per second, ${ratio('search')}× the searches.` : ''}

What this says. Searches are answered from the domain's search index in the server's memory, so they cost the same on both databases. PGlite is one connection in the server's own process: its transactions run one after another, which bounds submissions; PostgreSQL runs them on a pool. PGlite is the embedded default for \`npm start\` and small deployments; a deployment that expects many concurrent submissions should set \`DATABASE_URL\`. The per-client limit on submissions is set out of the way here (all load comes from 127.0.0.1); \`npm run bench:reliability\` measures it under load.
${beforeAfter ? `
Before → after the repository stopped holding the year's reference counter locked for a submission's whole transaction (numbers now taken in one statement of their own, each practice written with its history and outbox rows in one statement; figures of ${BEFORE.date}, same bench): ${beforeAfter}. Searches, which do not touch that code, moved too between the two dates (${searchesMoved} searches/s: other changes, and another load on this shared machine), so only part of the gain is this change's. Submissions alone barely waited for that lock (a transaction held it about 3 ms when the server was not busy with searches); under a mixed load they did, see [reliability.md](reliability.md#load).
` : ''}`;
console.log(markdown);
// BENCH_DRY=1: a trial run with small numbers, which must not replace the published figures.
if (!process.env.BENCH_DRY) console.log(`written to ${writePerformanceSection('Reference server', markdown)}`);
