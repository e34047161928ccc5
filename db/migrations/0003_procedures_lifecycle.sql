-- The 25 procedures' service levels with their history, the working-day calendar, the dossier
-- lifecycle (due dates, status timestamps, assisted online filing) and the per-day, per-procedure
-- counters every indicator, the dashboard, reports and sync read ("same query, same numbers").

-- --- procedures: processing time and the 2025 online-only rule, as catalogue data -------------
ALTER TABLE procedures ADD COLUMN processing_days INTEGER CHECK (processing_days BETWEEN 0 AND 365);
-- 1 = a file received after 15:00 counts from the next working day (Luật Hộ tịch Art. 16, 34;
-- NĐ 63/2024 liên thông); before 15:00 the day of receipt is day one.
ALTER TABLE procedures ADD COLUMN cutoff_15h INTEGER NOT NULL DEFAULT 0 CHECK (cutoff_15h IN (0, 1));
ALTER TABLE procedures ADD COLUMN processing_source TEXT NOT NULL DEFAULT '';
-- Chỉ thị 24/CT-TTg: from this day paper (in person, postal) is no longer accepted.
ALTER TABLE procedures ADD COLUMN online_only_from TEXT;
ALTER TABLE procedures ADD COLUMN effective_from TEXT;

-- A dated entry for every change of level, target or deadline: who, when, why.
CREATE TABLE procedure_level_history (
  id INTEGER PRIMARY KEY,
  procedure_key TEXT NOT NULL REFERENCES procedures (key),
  changed_at INTEGER NOT NULL,
  effective_from TEXT NOT NULL,             -- YYYY-MM-DD
  actor TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('catalog', 'manual')),
  catalog_version TEXT,
  current_level TEXT CHECK (current_level IN ('full', 'partial', 'info_only')),
  target_level TEXT CHECK (target_level IN ('full', 'partial', 'info_only')),
  deadline TEXT,
  previous_current_level TEXT,
  previous_target_level TEXT,
  previous_deadline TEXT,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX procedure_level_history_key ON procedure_level_history (procedure_key, id);

-- The office's non-working weekdays (public holidays, Tết) and Saturdays worked in exchange.
CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY,                     -- YYYY-MM-DD
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- --- dossiers: applicant, intake, due date, status timestamps, assisted online filing ---------
ALTER TABLE dossiers ADD COLUMN applicant_kind TEXT NOT NULL DEFAULT 'individual'
  CHECK (applicant_kind IN ('individual', 'organization'));
ALTER TABLE dossiers ADD COLUMN organization_name TEXT;
ALTER TABLE dossiers ADD COLUMN intake_method TEXT CHECK (intake_method IN ('qr', 'chip', 'manual'));
-- The procedure's NĐ 42/2022 level when the file was received: the toàn trình share counts
-- files of procedures that were toàn trình at the time, not at the time of the report.
ALTER TABLE dossiers ADD COLUMN level_at_receipt TEXT
  CHECK (level_at_receipt IN ('full', 'partial', 'info_only'));
ALTER TABLE dossiers ADD COLUMN processing_at INTEGER;
ALTER TABLE dossiers ADD COLUMN status_changed_at INTEGER;
ALTER TABLE dossiers ADD COLUMN status_note TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN assisted_outcome TEXT
  CHECK (assisted_outcome IN ('submitted', 'failed'));
ALTER TABLE dossiers ADD COLUMN assisted_failure_reason TEXT;
ALTER TABLE dossiers ADD COLUMN online_reference TEXT;
UPDATE dossiers SET status_changed_at = coalesce(completed_at, received_at);

-- Open files are few (received / processing): overdue and stuck lists and the in-process part of
-- the on-time rate read only this index, which covers every column they need.
CREATE INDEX dossiers_open
  ON dossiers (due_at, status_changed_at, received_at, received_day, procedure_key)
  WHERE status IN ('received', 'processing');

-- A dossier's timeline reads its audit entries (who moved it, when, why).
CREATE INDEX audit_log_subject ON audit_log (subject, id);

-- --- counters kept exact by triggers -----------------------------------------------------------
-- Every figure that does not depend on "now" is here; the in-process part of the on-time rate
-- (QĐ 766: đang xử lý trong hạn) is read live from dossiers_open.
-- Counters per day of receipt × procedure, and the same per month (a dashboard reads 300 monthly
-- rows instead of 9,000 daily ones). Kept exact by the triggers below.

CREATE TABLE dossier_daily_stats (
  day TEXT NOT NULL, -- received_day, Asia/Ho_Chi_Minh
  procedure_key TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  in_person INTEGER NOT NULL DEFAULT 0,
  online_assisted INTEGER NOT NULL DEFAULT 0,
  postal INTEGER NOT NULL DEFAULT 0,
  open INTEGER NOT NULL DEFAULT 0, -- received or processing
  done INTEGER NOT NULL DEFAULT 0,
  returned INTEGER NOT NULL DEFAULT 0,
  cancelled INTEGER NOT NULL DEFAULT 0,
  finished_on_time INTEGER NOT NULL DEFAULT 0, -- done/returned no later than due (or no due)
  full_eligible INTEGER NOT NULL DEFAULT 0, -- not cancelled, procedure toàn trình at receipt
  full_online INTEGER NOT NULL DEFAULT 0, -- … and filed online (not a failed filing)
  assisted_submitted INTEGER NOT NULL DEFAULT 0,
  assisted_failed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, procedure_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE dossier_monthly_stats (
  month TEXT NOT NULL, -- YYYY-MM of received_day
  procedure_key TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  in_person INTEGER NOT NULL DEFAULT 0,
  online_assisted INTEGER NOT NULL DEFAULT 0,
  postal INTEGER NOT NULL DEFAULT 0,
  open INTEGER NOT NULL DEFAULT 0, -- received or processing
  done INTEGER NOT NULL DEFAULT 0,
  returned INTEGER NOT NULL DEFAULT 0,
  cancelled INTEGER NOT NULL DEFAULT 0,
  finished_on_time INTEGER NOT NULL DEFAULT 0, -- done/returned no later than due (or no due)
  full_eligible INTEGER NOT NULL DEFAULT 0, -- not cancelled, procedure toàn trình at receipt
  full_online INTEGER NOT NULL DEFAULT 0, -- … and filed online (not a failed filing)
  assisted_submitted INTEGER NOT NULL DEFAULT 0,
  assisted_failed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, procedure_key)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER dossiers_stats_insert AFTER INSERT ON dossiers BEGIN
  INSERT INTO dossier_daily_stats (day, procedure_key, received, in_person, online_assisted, postal, open, done, returned, cancelled, finished_on_time, full_eligible, full_online, assisted_submitted, assisted_failed)
  VALUES (NEW.received_day, NEW.procedure_key,
    1,
    coalesce(NEW.channel = 'in_person', 0),
    coalesce(NEW.channel = 'online_assisted', 0),
    coalesce(NEW.channel = 'postal', 0),
    coalesce(NEW.status IN ('received', 'processing'), 0),
    coalesce(NEW.status = 'done', 0),
    coalesce(NEW.status = 'returned', 0),
    coalesce(NEW.status = 'cancelled', 0),
    coalesce(NEW.status IN ('done', 'returned') AND (NEW.due_at IS NULL OR NEW.completed_at <= NEW.due_at), 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full', 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full' AND NEW.channel = 'online_assisted' AND coalesce(NEW.assisted_outcome, '') <> 'failed', 0),
    coalesce(NEW.assisted_outcome = 'submitted', 0),
    coalesce(NEW.assisted_outcome = 'failed', 0))
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    received = received + excluded.received,
    in_person = in_person + excluded.in_person,
    online_assisted = online_assisted + excluded.online_assisted,
    postal = postal + excluded.postal,
    open = open + excluded.open,
    done = done + excluded.done,
    returned = returned + excluded.returned,
    cancelled = cancelled + excluded.cancelled,
    finished_on_time = finished_on_time + excluded.finished_on_time,
    full_eligible = full_eligible + excluded.full_eligible,
    full_online = full_online + excluded.full_online,
    assisted_submitted = assisted_submitted + excluded.assisted_submitted,
    assisted_failed = assisted_failed + excluded.assisted_failed;
  INSERT INTO dossier_monthly_stats (month, procedure_key, received, in_person, online_assisted, postal, open, done, returned, cancelled, finished_on_time, full_eligible, full_online, assisted_submitted, assisted_failed)
  VALUES (substr(NEW.received_day, 1, 7), NEW.procedure_key,
    1,
    coalesce(NEW.channel = 'in_person', 0),
    coalesce(NEW.channel = 'online_assisted', 0),
    coalesce(NEW.channel = 'postal', 0),
    coalesce(NEW.status IN ('received', 'processing'), 0),
    coalesce(NEW.status = 'done', 0),
    coalesce(NEW.status = 'returned', 0),
    coalesce(NEW.status = 'cancelled', 0),
    coalesce(NEW.status IN ('done', 'returned') AND (NEW.due_at IS NULL OR NEW.completed_at <= NEW.due_at), 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full', 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full' AND NEW.channel = 'online_assisted' AND coalesce(NEW.assisted_outcome, '') <> 'failed', 0),
    coalesce(NEW.assisted_outcome = 'submitted', 0),
    coalesce(NEW.assisted_outcome = 'failed', 0))
  ON CONFLICT (month, procedure_key) DO UPDATE SET
    received = received + excluded.received,
    in_person = in_person + excluded.in_person,
    online_assisted = online_assisted + excluded.online_assisted,
    postal = postal + excluded.postal,
    open = open + excluded.open,
    done = done + excluded.done,
    returned = returned + excluded.returned,
    cancelled = cancelled + excluded.cancelled,
    finished_on_time = finished_on_time + excluded.finished_on_time,
    full_eligible = full_eligible + excluded.full_eligible,
    full_online = full_online + excluded.full_online,
    assisted_submitted = assisted_submitted + excluded.assisted_submitted,
    assisted_failed = assisted_failed + excluded.assisted_failed;
END;

-- An update takes the old row's contribution away and adds the new one's, whatever changed.
CREATE TRIGGER dossiers_stats_update AFTER UPDATE OF procedure_key, received_day, channel, status,
  due_at, completed_at, level_at_receipt, assisted_outcome ON dossiers BEGIN
  UPDATE dossier_daily_stats SET
    received = received - 1,
    in_person = in_person - coalesce(OLD.channel = 'in_person', 0),
    online_assisted = online_assisted - coalesce(OLD.channel = 'online_assisted', 0),
    postal = postal - coalesce(OLD.channel = 'postal', 0),
    open = open - coalesce(OLD.status IN ('received', 'processing'), 0),
    done = done - coalesce(OLD.status = 'done', 0),
    returned = returned - coalesce(OLD.status = 'returned', 0),
    cancelled = cancelled - coalesce(OLD.status = 'cancelled', 0),
    finished_on_time = finished_on_time - coalesce(OLD.status IN ('done', 'returned') AND (OLD.due_at IS NULL OR OLD.completed_at <= OLD.due_at), 0),
    full_eligible = full_eligible - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full', 0),
    full_online = full_online - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full' AND OLD.channel = 'online_assisted' AND coalesce(OLD.assisted_outcome, '') <> 'failed', 0),
    assisted_submitted = assisted_submitted - coalesce(OLD.assisted_outcome = 'submitted', 0),
    assisted_failed = assisted_failed - coalesce(OLD.assisted_outcome = 'failed', 0)
  WHERE day = OLD.received_day AND procedure_key = OLD.procedure_key;
  UPDATE dossier_monthly_stats SET
    received = received - 1,
    in_person = in_person - coalesce(OLD.channel = 'in_person', 0),
    online_assisted = online_assisted - coalesce(OLD.channel = 'online_assisted', 0),
    postal = postal - coalesce(OLD.channel = 'postal', 0),
    open = open - coalesce(OLD.status IN ('received', 'processing'), 0),
    done = done - coalesce(OLD.status = 'done', 0),
    returned = returned - coalesce(OLD.status = 'returned', 0),
    cancelled = cancelled - coalesce(OLD.status = 'cancelled', 0),
    finished_on_time = finished_on_time - coalesce(OLD.status IN ('done', 'returned') AND (OLD.due_at IS NULL OR OLD.completed_at <= OLD.due_at), 0),
    full_eligible = full_eligible - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full', 0),
    full_online = full_online - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full' AND OLD.channel = 'online_assisted' AND coalesce(OLD.assisted_outcome, '') <> 'failed', 0),
    assisted_submitted = assisted_submitted - coalesce(OLD.assisted_outcome = 'submitted', 0),
    assisted_failed = assisted_failed - coalesce(OLD.assisted_outcome = 'failed', 0)
  WHERE month = substr(OLD.received_day, 1, 7) AND procedure_key = OLD.procedure_key;
  INSERT INTO dossier_daily_stats (day, procedure_key, received, in_person, online_assisted, postal, open, done, returned, cancelled, finished_on_time, full_eligible, full_online, assisted_submitted, assisted_failed)
  VALUES (NEW.received_day, NEW.procedure_key,
    1,
    coalesce(NEW.channel = 'in_person', 0),
    coalesce(NEW.channel = 'online_assisted', 0),
    coalesce(NEW.channel = 'postal', 0),
    coalesce(NEW.status IN ('received', 'processing'), 0),
    coalesce(NEW.status = 'done', 0),
    coalesce(NEW.status = 'returned', 0),
    coalesce(NEW.status = 'cancelled', 0),
    coalesce(NEW.status IN ('done', 'returned') AND (NEW.due_at IS NULL OR NEW.completed_at <= NEW.due_at), 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full', 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full' AND NEW.channel = 'online_assisted' AND coalesce(NEW.assisted_outcome, '') <> 'failed', 0),
    coalesce(NEW.assisted_outcome = 'submitted', 0),
    coalesce(NEW.assisted_outcome = 'failed', 0))
  ON CONFLICT (day, procedure_key) DO UPDATE SET
    received = received + excluded.received,
    in_person = in_person + excluded.in_person,
    online_assisted = online_assisted + excluded.online_assisted,
    postal = postal + excluded.postal,
    open = open + excluded.open,
    done = done + excluded.done,
    returned = returned + excluded.returned,
    cancelled = cancelled + excluded.cancelled,
    finished_on_time = finished_on_time + excluded.finished_on_time,
    full_eligible = full_eligible + excluded.full_eligible,
    full_online = full_online + excluded.full_online,
    assisted_submitted = assisted_submitted + excluded.assisted_submitted,
    assisted_failed = assisted_failed + excluded.assisted_failed;
  INSERT INTO dossier_monthly_stats (month, procedure_key, received, in_person, online_assisted, postal, open, done, returned, cancelled, finished_on_time, full_eligible, full_online, assisted_submitted, assisted_failed)
  VALUES (substr(NEW.received_day, 1, 7), NEW.procedure_key,
    1,
    coalesce(NEW.channel = 'in_person', 0),
    coalesce(NEW.channel = 'online_assisted', 0),
    coalesce(NEW.channel = 'postal', 0),
    coalesce(NEW.status IN ('received', 'processing'), 0),
    coalesce(NEW.status = 'done', 0),
    coalesce(NEW.status = 'returned', 0),
    coalesce(NEW.status = 'cancelled', 0),
    coalesce(NEW.status IN ('done', 'returned') AND (NEW.due_at IS NULL OR NEW.completed_at <= NEW.due_at), 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full', 0),
    coalesce(NEW.status <> 'cancelled' AND NEW.level_at_receipt = 'full' AND NEW.channel = 'online_assisted' AND coalesce(NEW.assisted_outcome, '') <> 'failed', 0),
    coalesce(NEW.assisted_outcome = 'submitted', 0),
    coalesce(NEW.assisted_outcome = 'failed', 0))
  ON CONFLICT (month, procedure_key) DO UPDATE SET
    received = received + excluded.received,
    in_person = in_person + excluded.in_person,
    online_assisted = online_assisted + excluded.online_assisted,
    postal = postal + excluded.postal,
    open = open + excluded.open,
    done = done + excluded.done,
    returned = returned + excluded.returned,
    cancelled = cancelled + excluded.cancelled,
    finished_on_time = finished_on_time + excluded.finished_on_time,
    full_eligible = full_eligible + excluded.full_eligible,
    full_online = full_online + excluded.full_online,
    assisted_submitted = assisted_submitted + excluded.assisted_submitted,
    assisted_failed = assisted_failed + excluded.assisted_failed;
END;

-- Dossiers are never deleted (legal records); the trigger exists so a manual fix stays exact.
CREATE TRIGGER dossiers_stats_delete AFTER DELETE ON dossiers BEGIN
  UPDATE dossier_daily_stats SET
    received = received - 1,
    in_person = in_person - coalesce(OLD.channel = 'in_person', 0),
    online_assisted = online_assisted - coalesce(OLD.channel = 'online_assisted', 0),
    postal = postal - coalesce(OLD.channel = 'postal', 0),
    open = open - coalesce(OLD.status IN ('received', 'processing'), 0),
    done = done - coalesce(OLD.status = 'done', 0),
    returned = returned - coalesce(OLD.status = 'returned', 0),
    cancelled = cancelled - coalesce(OLD.status = 'cancelled', 0),
    finished_on_time = finished_on_time - coalesce(OLD.status IN ('done', 'returned') AND (OLD.due_at IS NULL OR OLD.completed_at <= OLD.due_at), 0),
    full_eligible = full_eligible - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full', 0),
    full_online = full_online - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full' AND OLD.channel = 'online_assisted' AND coalesce(OLD.assisted_outcome, '') <> 'failed', 0),
    assisted_submitted = assisted_submitted - coalesce(OLD.assisted_outcome = 'submitted', 0),
    assisted_failed = assisted_failed - coalesce(OLD.assisted_outcome = 'failed', 0)
  WHERE day = OLD.received_day AND procedure_key = OLD.procedure_key;
  UPDATE dossier_monthly_stats SET
    received = received - 1,
    in_person = in_person - coalesce(OLD.channel = 'in_person', 0),
    online_assisted = online_assisted - coalesce(OLD.channel = 'online_assisted', 0),
    postal = postal - coalesce(OLD.channel = 'postal', 0),
    open = open - coalesce(OLD.status IN ('received', 'processing'), 0),
    done = done - coalesce(OLD.status = 'done', 0),
    returned = returned - coalesce(OLD.status = 'returned', 0),
    cancelled = cancelled - coalesce(OLD.status = 'cancelled', 0),
    finished_on_time = finished_on_time - coalesce(OLD.status IN ('done', 'returned') AND (OLD.due_at IS NULL OR OLD.completed_at <= OLD.due_at), 0),
    full_eligible = full_eligible - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full', 0),
    full_online = full_online - coalesce(OLD.status <> 'cancelled' AND OLD.level_at_receipt = 'full' AND OLD.channel = 'online_assisted' AND coalesce(OLD.assisted_outcome, '') <> 'failed', 0),
    assisted_submitted = assisted_submitted - coalesce(OLD.assisted_outcome = 'submitted', 0),
    assisted_failed = assisted_failed - coalesce(OLD.assisted_outcome = 'failed', 0)
  WHERE month = substr(OLD.received_day, 1, 7) AND procedure_key = OLD.procedure_key;
END;

-- What one dossier adds to the counters (the triggers above inline the same expressions): bulk
-- loads and checks sum this view instead of repeating the rules.
CREATE VIEW dossier_stats_rows AS
SELECT id, received_day AS day, substr(received_day, 1, 7) AS month, procedure_key,
  1 AS received,
  coalesce(channel = 'in_person', 0) AS in_person,
  coalesce(channel = 'online_assisted', 0) AS online_assisted,
  coalesce(channel = 'postal', 0) AS postal,
  coalesce(status IN ('received', 'processing'), 0) AS open,
  coalesce(status = 'done', 0) AS done,
  coalesce(status = 'returned', 0) AS returned,
  coalesce(status = 'cancelled', 0) AS cancelled,
  coalesce(status IN ('done', 'returned') AND (due_at IS NULL OR completed_at <= due_at), 0) AS finished_on_time,
  coalesce(status <> 'cancelled' AND level_at_receipt = 'full', 0) AS full_eligible,
  coalesce(status <> 'cancelled' AND level_at_receipt = 'full' AND channel = 'online_assisted' AND coalesce(assisted_outcome, '') <> 'failed', 0) AS full_online,
  coalesce(assisted_outcome = 'submitted', 0) AS assisted_submitted,
  coalesce(assisted_outcome = 'failed', 0) AS assisted_failed
FROM dossiers;

-- Dossiers received before this migration.
INSERT INTO dossier_daily_stats (day, procedure_key, received, in_person, online_assisted, postal, open, done, returned, cancelled, finished_on_time, full_eligible, full_online, assisted_submitted, assisted_failed)
SELECT day, procedure_key, sum(received), sum(in_person), sum(online_assisted), sum(postal), sum(open), sum(done), sum(returned), sum(cancelled), sum(finished_on_time), sum(full_eligible), sum(full_online), sum(assisted_submitted), sum(assisted_failed)
FROM dossier_stats_rows GROUP BY day, procedure_key;
INSERT INTO dossier_monthly_stats (month, procedure_key, received, in_person, online_assisted, postal, open, done, returned, cancelled, finished_on_time, full_eligible, full_online, assisted_submitted, assisted_failed)
SELECT month, procedure_key, sum(received), sum(in_person), sum(online_assisted), sum(postal), sum(open), sum(done), sum(returned), sum(cancelled), sum(finished_on_time), sum(full_eligible), sum(full_online), sum(assisted_submitted), sum(assisted_failed)
FROM dossier_stats_rows GROUP BY month, procedure_key;
