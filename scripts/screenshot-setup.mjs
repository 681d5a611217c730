// What every `npm run screenshots*` script starts with: the repository served on a free loopback port
// (the demo pages and dist/) and Debian's Chromium (never a downloaded one).
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `{ base, browser, close }`; `nodeResolve` lets the demo pages import bare package names. */
export async function startScreenshots({ nodeResolve = true } = {}) {
  const server = await startDevServer({ config: { rootDir: '.', port: 0, hostname: '127.0.0.1', nodeResolve }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
  const base = `http://127.0.0.1:${server.server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
