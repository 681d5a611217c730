// dist/pratiques-inspirantes.min.js: every element registered, and the domain re-exported, for one <script type="module">.
import { config } from 'zod';
import '../define.js';

// Only the self-contained bundles do this: zod's JIT probes `new Function`, which a strict CSP reports.
config({ jitless: true });

export * from '../../src/index.js';
export * from '../index.js';
