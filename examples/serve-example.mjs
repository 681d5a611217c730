// `npm run example:cdn` / `npm run example:wordpress`: a partner's page that loads the CDN files, with the reference server
// under /api on the same origin (its HTTP contract over the example practices in memory: nothing to install, nothing kept).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { register } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8' };
export const EXAMPLES = ['cdn', 'wordpress'];

/** Starts the server of one example; resolves to its page's address and a way to stop it. */
export async function startExample(name, { port = 0, host = '127.0.0.1' } = {}) {
  if (!EXAMPLES.includes(name)) throw new Error(`Exemple inconnu : ${name} (${EXAMPLES.join(', ')})`);
  if (!existsSync(join(ROOT, 'dist/cdn/pi-declaration-form.min.js'))) throw new Error('Lancez d’abord « npm run build » : dist/cdn/ manque.');
  register();
  const { createApp } = await import('./server/app.ts');
  const { DEFAULT_CONFIG } = await import('./server/config.ts');
  const { createExampleStore } = await import('./data/index.ts');
  const api = getRequestListener(createApp({ store: createExampleStore(), config: { ...DEFAULT_CONFIG, basePath: '/api' } }).fetch);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/api' || path.startsWith('/api/')) return void api(req, res);
    if (path === '/') return void res.writeHead(302, { Location: `/examples/${name}/` }).end();
    // Only what a partner's site would have: its page, and the package's built files.
    if (!path.startsWith(`/examples/${name}/`) && !path.startsWith('/dist/')) return void res.writeHead(404).end('Introuvable');
    let file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('Introuvable');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${server.address().port}/examples/${name}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2] ?? 'cdn';
  const example = await startExample(name, { port: Number(process.env.PORT ?? 8010) });
  console.log(`\nExemple « ${name} » : ${example.url}\n  API (mémoire, exemples) : ${new URL('/api', example.url)}\n  (Ctrl+C pour arrêter)\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void example.close().then(() => process.exit(0)));
}
