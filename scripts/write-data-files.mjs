// After the build: the type entry points, and the data files portals read without JavaScript (taxonomy.json).
import { writeFile } from 'node:fs/promises';
import { taxonomy } from '../dist/index.js';

const dist = new URL('../dist/', import.meta.url);
await writeFile(new URL('index.d.ts', dist), "export * from './types/src/index.js';\n");
await writeFile(new URL('examples.d.ts', dist), "export * from './types/examples/data/index.js';\n");
await writeFile(new URL('widgets/index.d.ts', dist), "export * from '../types/widgets/index.js';\n");
await writeFile(new URL('widgets/define.d.ts', dist), "import '../types/widgets/define.js';\nexport {};\n");
await writeFile(new URL('taxonomy.json', dist), `${JSON.stringify(taxonomy, null, 2)}\n`);
