-- 003: authoring ONPE fiches: the co-authors' secret link tokens, and when a published fiche is due for actualisation.

-- Link id → token of the co-authors invited on a fiche. Like `declarant_token`, never part of `practice`;
-- a revoked link's token is removed, so nothing is left that could open the fiche.
ALTER TABLE practices ADD COLUMN coauthor_tokens jsonb;

-- A copy of `practice.reviewDueAt` made in the same write, so the reminder job finds due fiches by index.
ALTER TABLE practices ADD COLUMN review_due_at date;
CREATE INDEX practices_review_due ON practices (review_due_at) WHERE level = 'onpe' AND state = 'published';

-- Old rows of published fiches carry their due date in the JSON already (imported or seeded): copy it.
UPDATE practices SET review_due_at = (practice->>'reviewDueAt')::date WHERE practice ? 'reviewDueAt';
