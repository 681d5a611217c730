// Builds the npm entry points. Dependencies stay external: the package's users install them once.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies).map((d) => new RegExp(`^${d}(/|$)`));
const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
const plugins = () => [nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })];

function onwarn(warning, warn) {
  // zod and xstate ship annotations and cycles rollup comments on; ours must stay clean.
  if (warning.id?.includes('node_modules') || warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
}

export default [
  {
    input: 'src/index.ts',
    external: dependencies,
    output: { file: 'dist/index.js', format: 'es', sourcemap: true },
    plugins: plugins(),
    onwarn,
  },
  {
    // The examples use the domain through the package's own entry point, never a second copy of it.
    input: 'examples/data/index.ts',
    external: (id, importer) => dependencies.some((d) => d.test(id)) || (!!importer && id.startsWith('.') && fileURLToPath(new URL(id, `file://${importer}`)).startsWith(srcDir)),
    output: { file: 'dist/examples.js', format: 'es', sourcemap: true, paths: (id) => (id.startsWith(srcDir) || id.includes('/src/') ? './index.js' : id) },
    plugins: plugins(),
    onwarn,
  },
];
