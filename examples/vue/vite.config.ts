// `npm run example:vue`: Vite serves the Vue 3 example; Vue is told that pi-* tags are custom elements, not Vue components.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { packageByName } from '../react/vite.config.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: here,
  cacheDir: `${repository}node_modules/.vite/example-vue`,
  plugins: [
    packageByName(),
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pi-') } } }),
  ],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5174), fs: { allow: [repository] } },
  clearScreen: false,
});
