// dist/cdn/pi-declaration-form.min.js: the form alone, for a partner page that needs nothing else.
import { config } from 'zod';
import { defineDeclarationForm } from '../declaration-form/define.js';

// Only the self-contained bundles do this: zod's JIT probes `new Function`, which a strict CSP reports.
config({ jitless: true });
defineDeclarationForm();

export { PiDeclarationForm } from '../declaration-form/declaration-form.js';
export { createHttpStore } from '../../src/store/http.js';
