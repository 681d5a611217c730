// Builds the npm entry points (dependencies external) and the self-contained files for partner pages (everything inside).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies).map((d) => new RegExp(`^${d}(/|$)`));
const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
const isDependency = (id) => dependencies.some((d) => d.test(id));
const plugins = () => [nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['production'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })];

function onwarn(warning, warn) {
  // zod and xstate ship annotations and cycles rollup comments on; ours must stay clean.
  if (warning.id?.includes('node_modules') || warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
}

/** An entry that uses the domain through dist/index.js, never a second copy of it. */
const usesDomain = (input, file, domainPath) => ({
  input,
  external: (id, importer) => isDependency(id) || (!!importer && id.startsWith('.') && fileURLToPath(new URL(id, `file://${importer}`)).startsWith(srcDir)),
  output: { file, format: 'es', sourcemap: true, paths: (id) => (id.startsWith(srcDir) ? domainPath : id) },
  plugins: plugins(),
  onwarn,
});

/** A self-contained, minified file for a plain <script type="module">. */
const selfContained = (input, file) => ({
  input,
  output: { file, format: 'es', sourcemap: true, plugins: [terser({ module: true, ecma: 2020, format: { comments: false } })] },
  plugins: plugins(),
  onwarn,
});

export default [
  { input: 'src/index.ts', external: isDependency, output: { file: 'dist/index.js', format: 'es', sourcemap: true }, plugins: plugins(), onwarn },
  usesDomain('examples/data/index.ts', 'dist/examples.js', './index.js'),
  usesDomain('widgets/index.ts', 'dist/widgets/index.js', '../index.js'),
  usesDomain('widgets/define.ts', 'dist/widgets/define.js', '../index.js'),
  selfContained('widgets/bundles/all.ts', 'dist/pratiques-inspirantes.min.js'),
  selfContained('widgets/bundles/declaration-form.ts', 'dist/cdn/pi-declaration-form.min.js'),
  selfContained('widgets/bundles/practice-library.ts', 'dist/cdn/pi-practice-library.min.js'),
  selfContained('widgets/bundles/review-board.ts', 'dist/cdn/pi-review-board.min.js'),
];
