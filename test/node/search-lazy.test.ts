// The text index is built lazily: what was added, removed or replaced before it exists is searched right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSearchIndex } from '../../src/search/index.js';
import { syntheticPractices } from '../../examples/data/synthetic.js';

test('adds, removes and replaces before the first text query are all reflected', () => {
  const [a, b, c] = syntheticPractices(3, 7);
  const index = createSearchIndex([a!, b!]);
  index.remove(a!.id);
  index.replace({ ...b!, declaration: b!.declaration ? { ...b!.declaration, title: 'Zébulon parentalité' } : b!.declaration, fiche: b!.fiche ? { ...b!.fiche, title: 'Zébulon parentalité' } : b!.fiche });
  index.add(c!);
  const r = index.search({ text: 'zebulon' });
  assert.deepEqual(r.items.map((p) => p.id), [b!.id]);
  assert.equal(index.search({}).total, 2);
});

test('prepareText builds the index once; later writes go straight to it', () => {
  const items = syntheticPractices(50, 3);
  const index = createSearchIndex(items.slice(0, 40));
  index.prepareText();
  index.prepareText();
  for (const p of items.slice(40)) index.add(p);
  const title = (items[45]!.declaration ?? items[45]!.fiche)!.title;
  const word = title.split(/\s+/).find((w) => w.length > 6)!;
  assert.ok(index.search({ text: word, limit: 100 }).items.some((p) => p.id === items[45]!.id));
});

test('a search with no text never builds the text index', () => {
  let built = 0;
  const index = createSearchIndex(syntheticPractices(20, 1), {
    textEngine: () => {
      built++;
      return { add() {}, remove() {}, search: () => [] };
    },
  });
  index.search({ themes: ['education'] });
  index.search({ sort: 'title', offset: 5 });
  assert.equal(built, 0);
  index.search({ text: 'enfance' });
  assert.equal(built, 1);
});
