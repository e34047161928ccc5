-- Upward sync (issue 7): the office's signing keys, the hubs it reports to, the daily summaries it
-- sends (counts only, with revisions), what changed since they were computed, and the outbox.
-- Times are epoch ms UTC; days are YYYY-MM-DD in Asia/Ho_Chi_Minh. See docs/sync-protocol.md.

-- Ed25519 key pairs. The private key lives in a file readable only by this user (data dir
-- `keys/`), never in this database, which gets copied for backups.
CREATE TABLE sync_keys (
  key_id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL UNIQUE,      -- base64 of the raw 32-byte key
  private_key_file TEXT NOT NULL,       -- relative to the data directory
  created_at INTEGER NOT NULL,
  retired_at INTEGER
) STRICT;

-- Where the summaries go: the commune's hub, the province's, a sector line (Công an, BHXH).
-- The hierarchy is data (regulations.md §5: commune → province → national since 1/7/2025).
CREATE TABLE sync_recipients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  level TEXT NOT NULL CHECK (level IN ('commune', 'province', 'national', 'sector')),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  office_code TEXT NOT NULL,            -- the code this office is enrolled under at that hub
  key_id TEXT NOT NULL REFERENCES sync_keys (key_id),
  tls_pin_sha256 TEXT,                  -- leaf certificate fingerprint, for a self-signed hub
  tls_ca_pem TEXT,                      -- a private CA (e.g. the province's), besides the system's
  hub_name TEXT NOT NULL DEFAULT '',
  enrolled_at INTEGER NOT NULL,
  last_attempt_at INTEGER,
  last_success_at INTEGER,
  last_error_code TEXT,
  last_error_details TEXT,              -- JSON
  last_error_at INTEGER,
  failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  rows_acknowledged INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The last computed figures per day × procedure and their revision. The revision rises
-- whenever the figures change (nextRevision in native/sync/summary-row.ts).
CREATE TABLE sync_summaries (
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
  revision INTEGER NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (day, procedure_key)
) STRICT, WITHOUT ROWID;

-- Day × procedure whose underlying data changed since the last computation. Triggers fill it in
-- the same transaction as the change, whatever wrote it (the counter, a late status change of
-- an old dossier, a bulk import, a manual fix): the day is recomputed and re-sent.
CREATE TABLE sync_dirty (
  day TEXT NOT NULL,
  procedure_key TEXT NOT NULL,
  PRIMARY KEY (day, procedure_key)
) STRICT, WITHOUT ROWID;

-- Per recipient, the revision of each row still waiting for the hub's acknowledgement. A newer
-- revision replaces an older one not yet sent (the hub keeps only the newest anyway).
CREATE TABLE sync_outbox (
  recipient_id INTEGER NOT NULL REFERENCES sync_recipients (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  procedure_key TEXT NOT NULL,
  revision INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  PRIMARY KEY (recipient_id, day, procedure_key)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER dossiers_sync_dirty_insert AFTER INSERT ON dossiers BEGIN
  INSERT OR IGNORE INTO sync_dirty (day, procedure_key) VALUES (NEW.received_day, NEW.procedure_key);
END;
-- Any column: later migrations add columns that feed the figures (assisted outcome, level);
-- a change that alters nothing is caught by comparing the figures and costs no revision.
CREATE TRIGGER dossiers_sync_dirty_update AFTER UPDATE ON dossiers BEGIN
  INSERT OR IGNORE INTO sync_dirty (day, procedure_key) VALUES (OLD.received_day, OLD.procedure_key);
  INSERT OR IGNORE INTO sync_dirty (day, procedure_key) VALUES (NEW.received_day, NEW.procedure_key);
END;
CREATE TRIGGER dossiers_sync_dirty_delete AFTER DELETE ON dossiers BEGIN
  INSERT OR IGNORE INTO sync_dirty (day, procedure_key) VALUES (OLD.received_day, OLD.procedure_key);
END;

-- Digitization work (append-only log of 0004) changes the day it was done.
CREATE TRIGGER digitization_log_sync_dirty AFTER INSERT ON digitization_log BEGIN
  INSERT OR IGNORE INTO sync_dirty (day, procedure_key) VALUES (NEW.day, NEW.procedure_key);
END;

-- Dossiers received and digitization done before this migration are summarised on the first sync.
INSERT OR IGNORE INTO sync_dirty (day, procedure_key)
  SELECT DISTINCT day, procedure_key FROM digitization_log;
INSERT OR IGNORE INTO sync_dirty (day, procedure_key)
  SELECT DISTINCT received_day, procedure_key FROM dossiers;
