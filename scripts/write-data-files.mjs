// After the build: the type entry points, and the data files portals read without JavaScript (taxonomy.json,
// declaration.schema.json, openapi.json), each generated from the domain, never written by hand.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { register } from 'tsx/esm/api';
import { declarationJsonSchema, taxonomy } from '../dist/index.js';

const dist = new URL('../dist/', import.meta.url);
await writeFile(new URL('index.d.ts', dist), "export * from './types/src/index.js';\n");
await writeFile(new URL('examples.d.ts', dist), "export * from './types/examples/data/index.js';\n");
await writeFile(new URL('widgets/index.d.ts', dist), "export * from '../types/widgets/index.js';\n");
await writeFile(new URL('widgets/define.d.ts', dist), "import '../types/widgets/define.js';\nexport {};\n");
await writeFile(new URL('taxonomy.json', dist), `${JSON.stringify(taxonomy, null, 2)}\n`);
await writeFile(new URL('declaration.schema.json', dist), `${JSON.stringify(declarationJsonSchema(), null, 2)}\n`);
// The reference server's contract is TypeScript outside the package's sources: read it through tsx, as the tests do.
register();
const { openApiDocument } = await import('../examples/server/openapi.ts');
await writeFile(new URL('openapi.json', dist), `${JSON.stringify(openApiDocument(), null, 2)}\n`);

// The self-contained files bundle their dependencies: their licence texts travel with them (NOTICE.md says so).
const bundled = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'zod', 'xstate', 'idb', 'minisearch'];
const notices = [];
for (const name of bundled) {
  const dir = new URL(`../node_modules/${name}/`, import.meta.url);
  const { version, license } = JSON.parse(await readFile(new URL('package.json', dir), 'utf8'));
  const file = (await readdir(dir)).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`${name} has no licence file to copy`);
  notices.push(`${name}@${version} (${license})\n\n${(await readFile(new URL(file, dir), 'utf8')).trim()}\n`);
}
await writeFile(new URL('THIRD_PARTY_LICENSES.txt', dist), `Libraries bundled in pratiques-inspirantes.min.js and cdn/*.min.js\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);
