// dist/cdn/pi-fiche-editor.min.js: the fiche editor alone, for the observatory's editor and co-authors.
import { config } from 'zod';
import { defineFicheEditor } from '../fiche-editor/define.js';

// Only the self-contained bundles do this: zod's JIT probes `new Function`, which a strict CSP reports.
config({ jitless: true });
defineFicheEditor();

export { PiFicheEditor } from '../fiche-editor/fiche-editor.js';
export { createHttpStore } from '../../src/store/http.js';
