// Debian's Chromium driven from node tests (never a downloaded browser), and a static file server on 127.0.0.1 for the pages they open.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml',
};

/** Serves `root` on a free loopback port; `url` ends with a slash. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Collects a page's uncaught errors and console errors, so a test can say what went wrong in the browser. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A failed load is reported with its address (the console only says "Failed to load resource"); the browser's own favicon request is not the page's.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  return errors;
}

/** Text inside an element's shadow root (and its nested shadow roots), as a person would read it. */
export async function shadowText(page: Page, selector: string): Promise<string> {
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  return page.evaluate(`(() => {
    const walk = (root) => {
      let out = '';
      for (const n of root.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
        else if (n instanceof Element) out += (n.shadowRoot ? walk(n.shadowRoot) : '') + walk(n);
      }
      return out;
    };
    const el = document.querySelector(${JSON.stringify(selector)});
    return el && el.shadowRoot ? walk(el.shadowRoot).replace(/\\s+/g, ' ') : '';
  })()`);
}
