// dist/cdn/pi-review-board.min.js: the review board alone, for the committee's back office.
import { config } from 'zod';
import { defineReviewBoard } from '../review-board/define.js';

// Only the self-contained bundles do this: zod's JIT probes `new Function`, which a strict CSP reports.
config({ jitless: true });
defineReviewBoard();

export { PiReviewBoard } from '../review-board/review-board.js';
export { createHttpStore } from '../../src/store/http.js';
