-- Reports (issue 6): report profiles (one per recipient), the text a manager writes into the
-- Đề án 06 template, a log of the reports issued (it drives the "report due" reminder), and
-- digitization counters kept exact by triggers so a year's report reads 9,000 counter rows
-- instead of probing the digitization log once per dossier. Aggregates only: no personal data.

CREATE TABLE report_profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,       -- JSON validated by electron/api/calls/reports.ts (reportProfileSchema)
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  builtin TEXT,                   -- key of a bundled profile, NULL for the office's own
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX report_profiles_name ON report_profiles (name) WHERE archived = 0;
CREATE UNIQUE INDEX report_profiles_default ON report_profiles (is_default)
  WHERE is_default = 1 AND archived = 0;

-- Editable cells of a template (Đề án 06: người dân hưởng lợi, tồn tại, giải pháp), per period.
CREATE TABLE report_notes (
  profile_id INTEGER NOT NULL REFERENCES report_profiles (id),
  period TEXT NOT NULL,           -- canonical period: 2026-10, 2026-Q3, 2026, 2026-01-01..2026-03-31
  procedure_key TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('beneficiaries', 'problems', 'solutions')),
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, period, procedure_key, field)
) STRICT, WITHOUT ROWID;

-- Each report saved, printed or written by the CLI (never a preview).
CREATE TABLE report_log (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES report_profiles (id),
  period TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  purpose TEXT NOT NULL CHECK (purpose IN ('save', 'print', 'cli')),
  number TEXT,                    -- "15/BC-UBND" when the clerk gave one
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX report_log_profile ON report_log (profile_id, period);

-- --- digitization counters kept exact by triggers ------------------------------------------
-- The figures of electron/services/digitization/summaries.ts per day × procedure, with the same
-- attribution as digitization-repository.ts's recount: activity on the day of the log entry;
-- "has a component / a reuse" on the dossier's day of receipt; "completed (with a result)" on
-- the Asia/Ho_Chi_Minh day of completed_at (UTC+7 all year, vn-time.ts). Received dossiers come
-- from dossier_daily_stats. The log is append-only, so only dossier changes need undoing.
CREATE TABLE digitization_daily_stats (
  day TEXT NOT NULL,
  procedure_key TEXT NOT NULL,
  received_with_components INTEGER NOT NULL DEFAULT 0,
  received_with_reuse INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  completed_with_result INTEGER NOT NULL DEFAULT 0,
  component_documents INTEGER NOT NULL DEFAULT 0,
  component_pages INTEGER NOT NULL DEFAULT 0,
  result_documents INTEGER NOT NULL DEFAULT 0,
  result_pages INTEGER NOT NULL DEFAULT 0,
  reused_documents INTEGER NOT NULL DEFAULT 0,
  reused_pages INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, procedure_key)
) STRICT, WITHOUT ROWID;

-- What one dossier contributes (used by the triggers' undo and by the backfill below).
CREATE VIEW digitization_dossier_flags AS
SELECT d.code, d.received_day, d.procedure_key,
  CASE WHEN d.completed_at IS NULL THEN NULL
       ELSE date(d.completed_at / 1000 + 25200, 'unixepoch') END AS completed_day,
  EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = d.code
          AND l.event IN ('component_digitized', 'component_reused')) AS has_component,
  EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = d.code
          AND l.event = 'component_reused') AS has_reuse,
  EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = d.code
          AND l.event = 'result_digitized') AS has_result
FROM dossiers d;

CREATE TRIGGER digitization_log_stats AFTER INSERT ON digitization_log BEGIN
  INSERT INTO digitization_daily_stats (day, procedure_key, component_documents, component_pages,
    result_documents, result_pages, reused_documents, reused_pages)
  VALUES (NEW.day, NEW.procedure_key,
    CASE WHEN NEW.event = 'component_digitized' THEN NEW.documents ELSE 0 END,
    CASE WHEN NEW.event = 'component_digitized' THEN NEW.pages ELSE 0 END,
    CASE WHEN NEW.event = 'result_digitized' THEN NEW.documents ELSE 0 END,
    CASE WHEN NEW.event = 'result_digitized' THEN NEW.pages ELSE 0 END,
    CASE WHEN NEW.event = 'component_reused' THEN NEW.documents ELSE 0 END,
    CASE WHEN NEW.event = 'component_reused' THEN NEW.pages ELSE 0 END)
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    component_documents = component_documents + excluded.component_documents,
    component_pages = component_pages + excluded.component_pages,
    result_documents = result_documents + excluded.result_documents,
    result_pages = result_pages + excluded.result_pages,
    reused_documents = reused_documents + excluded.reused_documents,
    reused_pages = reused_pages + excluded.reused_pages;
  -- The dossier's first component (scanned or reused) and first reuse, on its day of receipt.
  INSERT INTO digitization_daily_stats (day, procedure_key, received_with_components, received_with_reuse)
  SELECT d.received_day, d.procedure_key,
    NOT EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = NEW.dossier_code
                AND l.event IN ('component_digitized', 'component_reused') AND l.id <> NEW.id),
    NEW.event = 'component_reused'
      AND NOT EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = NEW.dossier_code
                      AND l.event = 'component_reused' AND l.id <> NEW.id)
  FROM dossiers d
  WHERE d.code = NEW.dossier_code AND NEW.event IN ('component_digitized', 'component_reused')
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    received_with_components = received_with_components + excluded.received_with_components,
    received_with_reuse = received_with_reuse + excluded.received_with_reuse;
  -- The first result of a dossier already completed, on its day of completion.
  INSERT INTO digitization_daily_stats (day, procedure_key, completed_with_result)
  SELECT date(d.completed_at / 1000 + 25200, 'unixepoch'), d.procedure_key, 1
  FROM dossiers d
  WHERE d.code = NEW.dossier_code AND NEW.event = 'result_digitized' AND d.completed_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = NEW.dossier_code
                    AND l.event = 'result_digitized' AND l.id <> NEW.id)
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    completed_with_result = completed_with_result + excluded.completed_with_result;
END;

CREATE TRIGGER dossiers_digitization_insert AFTER INSERT ON dossiers
WHEN NEW.completed_at IS NOT NULL BEGIN
  INSERT INTO digitization_daily_stats (day, procedure_key, completed)
  VALUES (date(NEW.completed_at / 1000 + 25200, 'unixepoch'), NEW.procedure_key, 1)
  ON CONFLICT (day, procedure_key) DO UPDATE SET completed = completed + 1;
END;

-- Completion counters move with completed_at (and with the procedure).
CREATE TRIGGER dossiers_digitization_completed AFTER UPDATE OF completed_at, procedure_key ON dossiers
WHEN OLD.completed_at IS NOT NEW.completed_at OR OLD.procedure_key IS NOT NEW.procedure_key BEGIN
  UPDATE digitization_daily_stats SET
    completed = completed - 1,
    completed_with_result = completed_with_result
      - (SELECT has_result FROM digitization_dossier_flags WHERE code = OLD.code)
  WHERE OLD.completed_at IS NOT NULL
    AND day = date(OLD.completed_at / 1000 + 25200, 'unixepoch') AND procedure_key = OLD.procedure_key;
  INSERT INTO digitization_daily_stats (day, procedure_key, completed, completed_with_result)
  SELECT completed_day, procedure_key, 1, has_result FROM digitization_dossier_flags
  WHERE code = NEW.code AND completed_day IS NOT NULL
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    completed = completed + 1,
    completed_with_result = completed_with_result + excluded.completed_with_result;
END;

-- Receipt counters move with received_day (and with the procedure).
CREATE TRIGGER dossiers_digitization_received AFTER UPDATE OF received_day, procedure_key ON dossiers
WHEN OLD.received_day IS NOT NEW.received_day OR OLD.procedure_key IS NOT NEW.procedure_key BEGIN
  UPDATE digitization_daily_stats SET
    received_with_components = received_with_components
      - (SELECT has_component FROM digitization_dossier_flags WHERE code = OLD.code),
    received_with_reuse = received_with_reuse
      - (SELECT has_reuse FROM digitization_dossier_flags WHERE code = OLD.code)
  WHERE day = OLD.received_day AND procedure_key = OLD.procedure_key;
  INSERT INTO digitization_daily_stats (day, procedure_key, received_with_components, received_with_reuse)
  SELECT received_day, procedure_key, has_component, has_reuse FROM digitization_dossier_flags
  WHERE code = NEW.code
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    received_with_components = received_with_components + excluded.received_with_components,
    received_with_reuse = received_with_reuse + excluded.received_with_reuse;
END;

-- A dossier with digitized documents cannot be deleted (foreign key), so only completion counts.
CREATE TRIGGER dossiers_digitization_delete AFTER DELETE ON dossiers
WHEN OLD.completed_at IS NOT NULL BEGIN
  UPDATE digitization_daily_stats SET completed = completed - 1
  WHERE day = date(OLD.completed_at / 1000 + 25200, 'unixepoch') AND procedure_key = OLD.procedure_key;
END;

-- History recorded before this migration.
INSERT INTO digitization_daily_stats (day, procedure_key, component_documents, component_pages,
  result_documents, result_pages, reused_documents, reused_pages)
SELECT day, procedure_key,
  sum(CASE WHEN event = 'component_digitized' THEN documents ELSE 0 END),
  sum(CASE WHEN event = 'component_digitized' THEN pages ELSE 0 END),
  sum(CASE WHEN event = 'result_digitized' THEN documents ELSE 0 END),
  sum(CASE WHEN event = 'result_digitized' THEN pages ELSE 0 END),
  sum(CASE WHEN event = 'component_reused' THEN documents ELSE 0 END),
  sum(CASE WHEN event = 'component_reused' THEN pages ELSE 0 END)
FROM digitization_log GROUP BY day, procedure_key;

INSERT INTO digitization_daily_stats (day, procedure_key, received_with_components, received_with_reuse)
SELECT received_day, procedure_key, sum(has_component), sum(has_reuse)
FROM digitization_dossier_flags WHERE has_component GROUP BY received_day, procedure_key
ON CONFLICT (day, procedure_key) DO UPDATE SET
  received_with_components = received_with_components + excluded.received_with_components,
  received_with_reuse = received_with_reuse + excluded.received_with_reuse;

INSERT INTO digitization_daily_stats (day, procedure_key, completed, completed_with_result)
SELECT completed_day, procedure_key, count(*), sum(has_result)
FROM digitization_dossier_flags WHERE completed_day IS NOT NULL GROUP BY completed_day, procedure_key
ON CONFLICT (day, procedure_key) DO UPDATE SET
  completed = completed + excluded.completed,
  completed_with_result = completed_with_result + excluded.completed_with_result;
