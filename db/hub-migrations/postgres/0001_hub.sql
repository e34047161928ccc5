-- Hub schema (PostgreSQL: a province or the nation). Kept in step with
-- db/hub-migrations/sqlite/0001_hub.sql: same tables, same columns, only types differ.
-- Times are epoch ms UTC; days are YYYY-MM-DD in Asia/Ho_Chi_Minh. See docs/sync-protocol.md.

CREATE TABLE hub_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Offices reporting here (communes' desks, or lower hubs forwarding their rollup).
CREATE TABLE hub_offices (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_batch_at BIGINT,           -- hub clock: last accepted batch (even an empty one)
  last_sent_at BIGINT,            -- the office's clock for that batch
  last_complete_at BIGINT,        -- sent-at of the last batch that emptied the office's backlog
  batches BIGINT NOT NULL DEFAULT 0,
  rows_applied BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE hub_keys (
  key_id TEXT PRIMARY KEY,
  office_code TEXT NOT NULL REFERENCES hub_offices (code),
  public_key TEXT NOT NULL UNIQUE,  -- base64 of the raw 32-byte Ed25519 key
  status TEXT NOT NULL CHECK (status IN ('active', 'retired', 'revoked')),
  origin TEXT NOT NULL CHECK (origin IN ('code', 'import', 'rotation')),
  label TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE INDEX hub_keys_office ON hub_keys (office_code);

-- One-time enrollment codes; only their hash is kept.
CREATE TABLE hub_enrollment_codes (
  code_hash TEXT PRIMARY KEY,
  office_code TEXT NOT NULL REFERENCES hub_offices (code),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  key_id TEXT
);

-- Every accepted batch id: a second delivery of the same id is a replay.
CREATE TABLE hub_batches (
  batch_id TEXT PRIMARY KEY,
  office_code TEXT NOT NULL,
  key_id TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  rows_in_batch INTEGER NOT NULL,
  rows_applied INTEGER NOT NULL
);
CREATE INDEX hub_batches_received ON hub_batches (received_at);

-- The newest revision of every office's day × procedure.
CREATE TABLE hub_summaries (
  office_code TEXT NOT NULL,
  day TEXT NOT NULL,
  procedure_key TEXT NOT NULL,
  received_in_person INTEGER NOT NULL,
  received_online_assisted INTEGER NOT NULL,
  received_postal INTEGER NOT NULL,
  assisted_submitted INTEGER NOT NULL,
  assisted_failed INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  completed_on_time INTEGER NOT NULL,
  digitized_components INTEGER NOT NULL,
  digitized_results INTEGER NOT NULL,
  reused INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  figures_key TEXT NOT NULL,
  revision BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (office_code, day, procedure_key)
);
-- Totals for a period over all offices read this index only by day.
CREATE INDEX hub_summaries_day ON hub_summaries (day, procedure_key);

-- Forwarding upward (hub → hub): which day × procedure changed since the rollup was computed.
CREATE TABLE hub_rollup_dirty (
  day TEXT NOT NULL,
  procedure_key TEXT NOT NULL,
  PRIMARY KEY (day, procedure_key)
);

-- This hub's rollup (sum over its offices) with revisions, and what the upper hub acknowledged.
CREATE TABLE hub_rollup (
  day TEXT NOT NULL,
  procedure_key TEXT NOT NULL,
  received_in_person INTEGER NOT NULL,
  received_online_assisted INTEGER NOT NULL,
  received_postal INTEGER NOT NULL,
  assisted_submitted INTEGER NOT NULL,
  assisted_failed INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  completed_on_time INTEGER NOT NULL,
  digitized_components INTEGER NOT NULL,
  digitized_results INTEGER NOT NULL,
  reused INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  figures_key TEXT NOT NULL,
  revision BIGINT NOT NULL,
  acked_revision BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, procedure_key)
);
CREATE INDEX hub_rollup_unacked ON hub_rollup (day, procedure_key) WHERE revision > acked_revision;

-- The upper hub this hub reports to (one at most). The private key is a file (key_file).
CREATE TABLE hub_uplink (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  office_code TEXT NOT NULL,
  key_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  key_file TEXT NOT NULL,
  tls_pin_sha256 TEXT,
  tls_ca_pem TEXT,
  hub_name TEXT NOT NULL DEFAULT '',
  enrolled_at BIGINT NOT NULL,
  last_attempt_at BIGINT,
  last_success_at BIGINT,
  last_error_code TEXT,
  last_error_details TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT
);
