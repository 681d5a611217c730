// Browser tests in Debian's Chromium (never a downloaded browser); CHROMIUM_PATH points elsewhere if needed.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { mkdirSync, writeFileSync } from 'node:fs';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Writes the counts that scripts/test-all.mjs adds to the node tests' counts.
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) (t.passed ? passed++ : t.skipped ? 0 : failed++);
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        // A file that failed to load has no tests but errors: count it as a failure.
        if (!s.testResults?.tests?.length && !s.testResults?.suites?.length && (s.errors?.length || !s.passed)) failed++;
      }
      // scripts/test-all.mjs names its run's folder; run alone, wtr writes to .test-results/.
      const dir = process.env.PI_TEST_RESULTS || '.test-results';
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/browser.json`, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), countingReporter()],
};
