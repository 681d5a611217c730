// dist/cdn/pi-practice-library.min.js: the library alone, for a portal that needs nothing else.
import { config } from 'zod';
import { definePracticeLibrary } from '../practice-library/define.js';

// Only the self-contained bundles do this: zod's JIT probes `new Function`, which a strict CSP reports.
config({ jitless: true });
definePracticeLibrary();

export { PiPracticeLibrary } from '../practice-library/practice-library.js';
export { createHttpStore } from '../../src/store/http.js';
