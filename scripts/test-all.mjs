// `npm test`: typecheck, build, node tests, browser tests; ends with one line "N passed, N failed" over both runners.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// One folder per run: two runs in the same tree (two terminals) must not clear each other's results.
const results = join(process.cwd(), '.test-results', String(process.pid));
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  return r.status ?? 1;
}

const failedSteps = [];
let passed = 0;
let failed = 0;

// The territories are generated from the data package: everything below needs them, a fresh clone has none.
if (run('generate', 'npm', ['run', 'generate', '--silent'])) process.exit(1);

if (!only) {
  if (run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) failedSteps.push('typecheck');
  // The node tests import the built bundle too: a failed build fails the run here.
  if (run('build', 'npm', ['run', 'build', '--silent'])) {
    console.error('Build failed: tests not run.');
    process.exit(1);
  }
}

if (!only || only === 'node') {
  const files = readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/node', f));
  const tap = join(results, 'node.tap');
  const status = run('node tests', process.execPath, [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail');
  if (status && count('fail') === 0) failedSteps.push('node tests (a file failed to load)');
}

if (!only || only === 'browser') {
  const status = run('browser tests', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], { env: { ...process.env, PI_TEST_RESULTS: results } });
  const file = join(results, 'browser.json');
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0 };
  passed += counts.passed;
  failed += counts.failed;
  if (status && counts.failed === 0) failedSteps.push('browser tests (the runner failed)');
}

console.log(`\n${passed} passed, ${failed} failed`);
if (passed === 0) console.error('No test ran.');
if (failedSteps.length) console.error(`Failed: ${failedSteps.join(', ')}.`);
process.exit(failed || failedSteps.length || passed === 0 ? 1 : 0);
