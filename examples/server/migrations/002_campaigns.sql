-- 002: collection campaigns and their invitation links; practices remember the campaign they came through.

-- One row per campaign. `campaign` holds the campaign as the domain keeps it (invitations and
-- their tokens included); the other columns are copies made in the same write, for lookups.
CREATE TABLE campaigns (
  id               text PRIMARY KEY,
  status           text NOT NULL CHECK (status IN ('open', 'closed')),
  created_at       timestamptz NOT NULL,
  -- The organiser's secret link token.
  organiser_token  text NOT NULL UNIQUE,
  campaign         jsonb NOT NULL
);

-- Invitation links, by their secret token: a submission finds its campaign in one lookup.
CREATE TABLE campaign_invitations (
  token          text PRIMARY KEY,
  campaign_id    text NOT NULL REFERENCES campaigns (id),
  invitation_id  text NOT NULL
);
CREATE INDEX campaign_invitations_campaign ON campaign_invitations (campaign_id);

-- The campaign a practice was received through, computed by the database from the stored practice
-- (never written apart from it), so that the committee's lists and the per-campaign counts are answered by SQL.
ALTER TABLE practices ADD COLUMN campaign_id text GENERATED ALWAYS AS (practice #>> '{source,campaign,id}') STORED;
CREATE INDEX practices_campaign_state ON practices (campaign_id, state) WHERE campaign_id IS NOT NULL;
