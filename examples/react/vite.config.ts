// `npm run example:react`: Vite serves the React example; the package is imported by its name, resolved through its exports map.
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `pratiques-inspirantes/…` as a user's project resolves it after `npm install`: Node's resolution of the package's
 * own `exports` (this folder lies inside the package, so its name refers to itself) gives the built files in dist/.
 */
export function packageByName(): Plugin {
  return {
    name: 'pratiques-inspirantes-by-name',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'pratiques-inspirantes' || id.startsWith('pratiques-inspirantes/')) return fileURLToPath(import.meta.resolve(id));
      return undefined;
    },
  };
}

export default defineConfig({
  root: here,
  cacheDir: `${repository}node_modules/.vite/example-react`,
  // React 19's automatic JSX runtime, compiled by Vite's esbuild: no React plugin needed.
  esbuild: { jsx: 'automatic' },
  plugins: [packageByName()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), fs: { allow: [repository] } },
  clearScreen: false,
});
