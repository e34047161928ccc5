-- Autofill templates: named step lists for one target form (the province's one-stop system, the
-- national public-service portal…). The steps are stored as the JSON the app validated; a
-- province shares them by export/import. Runs are recorded in audit_log (never the typed values).

CREATE TABLE autofill_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,      -- JSON: description, target, options, steps
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
