-- Digitization (số hóa): scanner profiles, scan drafts, digitized documents and the append-only
-- digitization log from which the daily per-procedure summaries are derived.
-- Times are epoch ms UTC; *_day columns are calendar days in Asia/Ho_Chi_Minh.

-- Chosen by IT staff on the Devices page; clerks pick one when they scan.
CREATE TABLE scanner_profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  device_uri TEXT NOT NULL,          -- sane:test, escl:http://10.0.0.5/eSCL, folder:/srv/scan, …
  source TEXT NOT NULL CHECK (source IN ('flatbed', 'feeder')),
  duplex INTEGER NOT NULL DEFAULT 0 CHECK (duplex IN (0, 1)),
  -- regulations.md §3: scans are ≥ 200 dpi.
  dpi INTEGER NOT NULL CHECK (dpi BETWEEN 200 AND 1200),
  color_mode TEXT NOT NULL CHECK (color_mode IN ('color', 'gray', 'bw')),
  deskew INTEGER NOT NULL DEFAULT 0 CHECK (deskew IN (0, 1)),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX scanner_profiles_name ON scanner_profiles (name) WHERE archived = 0;

-- Pages received from a scanner and not yet filed. A scan that fails midway stays here, with
-- its pages, until the clerk finishes or discards it.
CREATE TABLE scan_drafts (
  id TEXT PRIMARY KEY,
  dossier_code TEXT REFERENCES dossiers (code),  -- NULL for a test scan on the Devices page
  device_uri TEXT NOT NULL,
  settings TEXT NOT NULL,                        -- JSON: source, duplex, dpi, colorMode, deskew
  state TEXT NOT NULL CHECK (state IN ('scanning', 'ready', 'failed', 'cancelled')),
  error_code TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX scan_drafts_dossier ON scan_drafts (dossier_code);

CREATE TABLE scan_draft_pages (
  draft_id TEXT NOT NULL REFERENCES scan_drafts (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  -- jpeg: colour/grey JPEG at scanner resolution; bilevel: deflated 1-bit rows; pdf: a page of
  -- a PDF taken from a hot folder.
  kind TEXT NOT NULL CHECK (kind IN ('jpeg', 'bilevel', 'pdf')),
  file TEXT NOT NULL,                -- relative to the data directory
  pdf_page INTEGER,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  dpi INTEGER NOT NULL,
  components INTEGER NOT NULL,
  ink_coverage REAL NOT NULL,
  blank INTEGER NOT NULL CHECK (blank IN (0, 1)),
  keep INTEGER NOT NULL CHECK (keep IN (0, 1)),
  rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
  skew REAL NOT NULL DEFAULT 0,
  thumb TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (draft_id, seq)
) STRICT;

-- One filed PDF (or a reuse of one). Never deleted: the counts below point at these rows.
CREATE TABLE digitized_documents (
  id INTEGER PRIMARY KEY,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  kind TEXT NOT NULL CHECK (kind IN ('component', 'result')),
  component_type TEXT NOT NULL,
  title TEXT NOT NULL,
  file TEXT NOT NULL,                -- relative to the data directory, '/' separators
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes INTEGER NOT NULL,
  pages INTEGER NOT NULL CHECK (pages >= 1),
  blank_pages_left_out INTEGER NOT NULL DEFAULT 0,
  dpi INTEGER NOT NULL,
  color_mode TEXT NOT NULL,
  source_device TEXT NOT NULL,
  reused_from INTEGER REFERENCES digitized_documents (id),
  created_at INTEGER NOT NULL,
  created_day TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX digitized_documents_dossier ON digitized_documents (dossier_code);

-- Append-only: what was digitized, when, for which dossier and procedure. Summaries and rates
-- are computed from this log, never kept by hand.
CREATE TABLE digitization_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  day TEXT NOT NULL,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  procedure_key TEXT NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('component_digitized', 'result_digitized', 'component_reused')),
  document_id INTEGER NOT NULL REFERENCES digitized_documents (id),
  pages INTEGER NOT NULL CHECK (pages >= 1),
  documents INTEGER NOT NULL DEFAULT 1 CHECK (documents >= 1),
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX digitization_log_day ON digitization_log (day, procedure_key);
CREATE INDEX digitization_log_dossier ON digitization_log (dossier_code, event);
CREATE TRIGGER digitization_log_no_update BEFORE UPDATE ON digitization_log
BEGIN
  SELECT RAISE(ABORT, 'digitization_log is append-only');
END;
CREATE TRIGGER digitization_log_no_delete BEFORE DELETE ON digitization_log
BEGIN
  SELECT RAISE(ABORT, 'digitization_log is append-only');
END;
CREATE TRIGGER digitized_documents_no_delete BEFORE DELETE ON digitized_documents
BEGIN
  SELECT RAISE(ABORT, 'digitized documents are never deleted');
END;
