-- Foundation schema: office settings, the procedure catalogue, citizens, dossiers, audit log.
-- Released migrations are never edited (their checksum is recorded); add a new numbered file.
-- Times are epoch milliseconds UTC; *_day columns are calendar days in Asia/Ho_Chi_Minh.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,          -- JSON
  updated_at INTEGER NOT NULL
) STRICT;

-- One row per catalogue version ever loaded; exactly one is active.
CREATE TABLE catalog_versions (
  version TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  loaded_at INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  document TEXT NOT NULL        -- the catalogue JSON as loaded, for audit and export
) STRICT;
CREATE UNIQUE INDEX catalog_versions_one_active ON catalog_versions (active) WHERE active = 1;

CREATE TABLE procedures (
  key TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  group_code TEXT NOT NULL CHECK (group_code IN ('bca', 'commune', 'sector')),
  owner_agency TEXT NOT NULL,
  ministry TEXT NOT NULL DEFAULT '',
  executing_unit TEXT NOT NULL,
  codes TEXT NOT NULL DEFAULT '[]',          -- JSON array of { code, scope, note }
  province_codes TEXT NOT NULL DEFAULT '{}', -- JSON { provinceCode: [codes] }
  current_state TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  source_note TEXT NOT NULL DEFAULT '',
  current_level TEXT CHECK (current_level IN ('full', 'partial', 'info_only')),
  target_level TEXT CHECK (target_level IN ('full', 'partial', 'info_only')),
  current_legacy_level INTEGER CHECK (current_legacy_level BETWEEN 1 AND 4),
  target_legacy_level INTEGER CHECK (target_legacy_level BETWEEN 1 AND 4),
  deadline TEXT,
  catalog_version TEXT NOT NULL REFERENCES catalog_versions (version),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at INTEGER NOT NULL
) STRICT;

-- Personal data: stays on this workstation, never synced (see the sync issue).
CREATE TABLE citizens (
  id_number TEXT PRIMARY KEY CHECK (length(id_number) = 12),
  old_id_number TEXT CHECK (old_id_number IS NULL OR length(old_id_number) = 9),
  full_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  address TEXT NOT NULL,
  issue_date TEXT,
  first_seen_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  procedure_key TEXT NOT NULL REFERENCES procedures (key),
  citizen_id_number TEXT REFERENCES citizens (id_number),
  channel TEXT NOT NULL CHECK (channel IN ('in_person', 'online_assisted', 'postal')),
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'processing', 'done', 'returned', 'cancelled')),
  received_at INTEGER NOT NULL,
  received_day TEXT NOT NULL,
  due_at INTEGER,
  completed_at INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT ''
) STRICT;
-- Covers "today's counts per procedure" without touching the table.
CREATE INDEX dossiers_day_procedure ON dossiers (received_day, procedure_key);
CREATE INDEX dossiers_citizen ON dossiers (citizen_id_number);
CREATE INDEX dossiers_received_at ON dossiers (received_at);

-- Dossier codes are per agency per day (TT 01/2018/TT-VPCP Art. 19): the last number handed out.
CREATE TABLE dossier_code_sequences (
  agency_code TEXT NOT NULL,
  day TEXT NOT NULL,            -- YYMMDD as in the code
  last_value INTEGER NOT NULL,
  PRIMARY KEY (agency_code, day)
) STRICT, WITHOUT ROWID;

-- Who looked at or changed personal data, and when (never the data itself).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
