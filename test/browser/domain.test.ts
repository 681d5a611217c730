// The domain runs in the browser as in Node: the same validation, machine and search.
import { expect } from '@open-wc/testing';
import { validateDeclaration, visibleLength, createReview, applyReviewEvent, searchPractices, createFeed, parseFeed, getDepartment } from '../../src/index.js';
import { validInput } from '../support/declarations.js';

describe('the domain in Chromium', () => {
  it('validates a declaration with French messages', () => {
    const r = validateDeclaration({ ...validInput(), title: '' }, { today: '2026-06-15' });
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.errors[0]!.message).to.equal('Intitulé de la pratique\u00a0: ce champ est obligatoire.');
  });

  it('counts graphemes like Node does', () => {
    expect(visibleLength('e\u0301👩‍👩‍👧🇫🇷')).to.equal(3);
  });

  it('runs the review machine', () => {
    const r = applyReviewEvent(createReview(), { type: 'SUBMIT', actor: { id: 'd', role: 'declarant' }, at: '2026-06-15T10:00:00Z', declaration: validInput() });
    expect(r.ok && r.review.state).to.equal('submitted');
  });

  it('searches and round-trips a feed', () => {
    const v = validateDeclaration(validInput(), { today: '2026-06-15' });
    if (!v.ok) throw new Error('fixture');
    const { declarant: _d, departmentAgreement: _a, ...declaration } = v.value;
    const item = { id: 'x', reference: 'PI-2026-000001', level: 'declared' as const, featured: false, publishedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', declaration };
    const { feed, skipped } = parseFeed(JSON.parse(JSON.stringify(createFeed([item, { id: 'bad' } as never]))));
    expect(skipped).to.equal(1);
    expect(searchPractices(feed.items, { text: 'adolescence' }).total).to.equal(1);
    expect(getDepartment('59')?.locative).to.equal('dans le Nord');
  });
});
