import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { taxonomyDoc } from '../../scripts/taxonomy-doc.js';

test('docs/taxonomy.md matches the taxonomy (run `npm run docs:taxonomy` after a change)', () => {
  assert.equal(readFileSync('docs/taxonomy.md', 'utf8'), taxonomyDoc());
});
