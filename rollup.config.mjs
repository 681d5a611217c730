// Builds the npm entry points (dependencies external) and the self-contained files for partner pages (everything inside).
// The declaration form loads its follow-up page with import(): its CDN file and the npm entries keep that page in a
// chunk of its own (chunks/), imported relative to the file that asks for it; the all-in-one file stays one file.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

// Chunk names carry a hash, so an old chunk would stay next to the new one: each build starts without them.
rmSync('dist/cdn/chunks', { recursive: true, force: true });
// A fresh clone has no dist/ yet: nothing to clear then.
if (existsSync('dist/widgets')) {
  for (const f of readdirSync('dist/widgets', { withFileTypes: true }).filter((e) => e.name.startsWith('chunk-'))) rmSync(`dist/widgets/${f.name}`);
}

/**
 * An entry that uses the domain through dist/index.js, never a second copy of it. What it imports on demand
 * (the follow-up page) is a chunk-*.js file next to it, so that `domainPath` is right from every file of the output.
 */
const usesDomain = (input, dir, entryFileName, domainPath) => ({
  input,
  external: (id, importer) => isDependency(id) || (!!importer && id.startsWith('.') && fileURLToPath(new URL(id, `file://${importer}`)).startsWith(srcDir)),
  output: { dir, entryFileNames: entryFileName, chunkFileNames: 'chunk-[name]-[hash].js', format: 'es', sourcemap: true, paths: (id) => (id.startsWith(srcDir) ? domainPath : id) },
  plugins: plugins(),
  onwarn,
});

const minify = () => terser({ module: true, ecma: 2020, format: { comments: false } });

/** A self-contained, minified file for a plain <script type="module">: one file, whatever it imports on demand. */
const selfContained = (input, file) => ({
  input,
  output: { file, format: 'es', sourcemap: true, inlineDynamicImports: true, plugins: [minify()] },
  plugins: plugins(),
  onwarn,
});

/**
 * A minified file for a plain <script type="module">, with what it imports on demand in chunks/ next to it:
 * the chunks import it back by a relative path, so the pair works from any folder (a CDN, `npm start`'s /dist/).
 */
const withChunks = (input, dir, entryFileName) => ({
  input,
  output: { dir, entryFileNames: entryFileName, chunkFileNames: 'chunks/[name]-[hash].min.js', format: 'es', sourcemap: true, plugins: [minify()] },
  // The file keeps its code and also exports what its chunks import from it (short names), instead of becoming a facade.
  preserveEntrySignatures: 'allow-extension',
  plugins: plugins(),
  onwarn,
});

export default [
  { input: 'src/index.ts', external: isDependency, output: { file: 'dist/index.js', format: 'es', sourcemap: true }, plugins: plugins(), onwarn },
  usesDomain('examples/data/index.ts', 'dist', 'examples.js', './index.js'),
  // One build for both, so that a page importing the classes and define.js gets one copy of each element.
  usesDomain({ index: 'widgets/index.ts', define: 'widgets/define.ts' }, 'dist/widgets', '[name].js', '../index.js'),
  selfContained('widgets/bundles/all.ts', 'dist/pratiques-inspirantes.min.js'),
  // Partner pages load this file alone; the declarant's follow-up page comes from chunks/ only when shown.
  withChunks('widgets/bundles/declaration-form.ts', 'dist/cdn', 'pi-declaration-form.min.js'),
  selfContained('widgets/bundles/practice-library.ts', 'dist/cdn/pi-practice-library.min.js'),
  selfContained('widgets/bundles/review-board.ts', 'dist/cdn/pi-review-board.min.js'),
  selfContained('widgets/bundles/fiche-editor.ts', 'dist/cdn/pi-fiche-editor.min.js'),
];
