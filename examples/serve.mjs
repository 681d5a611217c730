// `npm start`: the demo pages, and the reference server under /api of the same origin, on an embedded PGlite (nothing to install).
import { startDevServer } from '@web/dev-server';
import { getRequestListener } from '@hono/node-server';
import { register } from 'tsx/esm/api';
import config from '../web-dev-server.config.mjs';

// The server is TypeScript run as is (docs/server.md); tsx compiles it on import.
register();
const { createServer } = await import('./server/server.ts');
const { loadConfig } = await import('./server/config.ts');
const { DEMO_TOKENS } = await import('./server/demo.ts');

const API = '/api';
const settings = loadConfig();
const demoTokens = Object.keys(settings.tokens).length === 0;
const api = await createServer(
  {
    ...settings,
    basePath: API,
    // The demo committee, unless tokens are configured: published in the repository, demo only.
    tokens: demoTokens ? DEMO_TOKENS : settings.tokens,
    // Loaded once: a restart finds them and adds nothing.
    seedExamples: true,
  },
  { listen: false },
);
const handle = getRequestListener(api.app.fetch);

// Koa middleware of the dev server: /api/* goes to the reference server, the rest to the static pages.
async function apiMiddleware(ctx, next) {
  if (ctx.path !== API && !ctx.path.startsWith(`${API}/`)) return next();
  ctx.respond = false;
  await handle(ctx.req, ctx.res);
}

const server = await startDevServer({
  config: { ...config, middleware: [apiMiddleware, ...(config.middleware ?? [])] },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const origin = `http://${config.hostname}:${config.port}`;
const storage = settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : settings.dataDir ? `PGlite dans ${settings.dataDir}` : 'PGlite en mémoire';
console.log(`\nPratiques inspirantes — démonstration\n  pages : ${origin}/examples/\n  API   : ${origin}${API}  (${storage})`);
if (demoTokens) {
  console.log('\n  Jetons du comité de DÉMONSTRATION (publics, à ne jamais utiliser pour de vraies données) :');
  for (const [token, member] of Object.entries(DEMO_TOKENS)) console.log(`    ${member.role.padEnd(9)} ${member.name.padEnd(22)} ${token}`);
}
console.log('\n  (Ctrl+C pour arrêter)\n');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await api.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
