-- 001: practices, their append-only history, reference counters, and the notification outbox.

-- One row per practice. `practice` holds the whole Practice as the domain sees it; its
-- review snapshot is the source of truth. The other columns are copies made in the same
-- write, so that the committee's lists can be answered by SQL with indexes.
CREATE TABLE practices (
  id               text PRIMARY KEY,
  reference        text NOT NULL UNIQUE,
  level            text NOT NULL CHECK (level IN ('declared', 'onpe')),
  state            text NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  -- The round's required opinions, from the snapshot's context, and who gave one this round.
  min_opinions     integer NOT NULL,
  opinion_by       text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  published_at     timestamptz,
  -- Namespaced by the engine (`submit:…`, `import:…`); NULL for practices without a key.
  idempotency_key  text UNIQUE,
  -- The validated content first stored under the key: a reused key with other content is refused.
  fingerprint      text,
  -- The declarant's secret link token; never part of `practice`.
  declarant_token  text,
  practice         jsonb NOT NULL
);
-- Committee queues are served oldest first, by state.
CREATE INDEX practices_state_created ON practices (state, created_at, id);
CREATE INDEX practices_created ON practices (created_at, id);

-- Accepted events, one row each, never rewritten.
CREATE TABLE practice_history (
  practice_id  text NOT NULL REFERENCES practices (id),
  position     integer NOT NULL CHECK (position >= 0),
  at           timestamptz NOT NULL,
  type         text NOT NULL,
  actor_role   text NOT NULL,
  entry        jsonb NOT NULL,
  PRIMARY KEY (practice_id, position)
);

CREATE FUNCTION practice_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'practice_history is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER practice_history_no_update_delete
  BEFORE UPDATE OR DELETE ON practice_history
  FOR EACH ROW EXECUTE FUNCTION practice_history_append_only();
CREATE TRIGGER practice_history_no_truncate
  BEFORE TRUNCATE ON practice_history
  FOR EACH STATEMENT EXECUTE FUNCTION practice_history_append_only();

-- Reference numbers (PI-2026-000123) are handed out per year; the row lock serialises inserts.
CREATE TABLE reference_counters (
  year  integer PRIMARY KEY,
  last  integer NOT NULL CHECK (last >= 0)
);

-- Notifications to deliver, written in the same transaction as the change they announce.
-- `payload` is the domain's PracticeNotification: no personal data; addresses are resolved
-- at delivery time, so an erasure leaves nothing here.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  practice_id      text NOT NULL REFERENCES practices (id),
  kind             text NOT NULL,
  recipient        text NOT NULL,
  payload          jsonb NOT NULL,
  created_at       timestamptz NOT NULL,
  -- Set for messages that must be written once only (a reminder per practice and round).
  dedupe_key       text UNIQUE,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  delivered_at     timestamptz,
  -- Given up: too many failed attempts, or nobody left to tell.
  abandoned_at     timestamptz,
  last_error       text
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL AND abandoned_at IS NULL;
