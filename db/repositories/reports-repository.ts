import type { SqliteDatabase } from '../connection';

export interface ReportProfileRow {
  id: number;
  name: string;
  definition: string;
  isDefault: number;
  builtin: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ReportNoteRow {
  procedureKey: string;
  field: 'beneficiaries' | 'problems' | 'solutions';
  text: string;
}

export interface ReportLogRow {
  profileId: number;
  period: string;
  format: 'pdf' | 'xlsx';
  purpose: 'save' | 'print' | 'cli';
  number: string | null;
  sha256: string;
  bytes: number;
  at: number;
  actor: string;
}

/** How applicants' identity data reached the desk, per procedure, for dossiers of a period. */
export interface IntakeCountRow {
  procedureKey: string;
  qr: number;
  chip: number;
  manual: number;
}

const PROFILE = `SELECT id, name, definition, is_default AS isDefault, builtin, created_at AS createdAt,
  updated_at AS updatedAt FROM report_profiles`;

/** Report profiles, the Đề án 06 template's editable cells and the log of issued reports. */
export function createReportsRepository(db: SqliteDatabase) {
  const list = db.prepare<[], ReportProfileRow>(
    `${PROFILE} WHERE archived = 0 ORDER BY is_default DESC, name`,
  );
  const byId = db.prepare<[number], ReportProfileRow>(`${PROFILE} WHERE id = ? AND archived = 0`);
  const byName = db.prepare<[string], ReportProfileRow>(
    `${PROFILE} WHERE name = ? AND archived = 0`,
  );
  const insert = db.prepare(
    `INSERT INTO report_profiles (name, definition, is_default, builtin, created_at, updated_at)
     VALUES (@name, @definition, 0, @builtin, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE report_profiles SET name = @name, definition = @definition, updated_at = @now
     WHERE id = @id AND archived = 0`,
  );
  const clearDefault = db.prepare('UPDATE report_profiles SET is_default = 0 WHERE is_default = 1');
  const setDefault = db.prepare<[number, number]>(
    'UPDATE report_profiles SET is_default = 1, updated_at = ? WHERE id = ?',
  );
  const archive = db.prepare<[number, number]>(
    'UPDATE report_profiles SET archived = 1, is_default = 0, updated_at = ? WHERE id = ?',
  );
  const anyProfile = db.prepare<[], number>('SELECT count(*) FROM report_profiles').pluck();
  const notes = db.prepare<[number, string], ReportNoteRow>(
    `SELECT procedure_key AS procedureKey, field, text FROM report_notes
     WHERE profile_id = ? AND period = ? ORDER BY procedure_key, field`,
  );
  const upsertNote = db.prepare(
    `INSERT INTO report_notes (profile_id, period, procedure_key, field, text, updated_at)
     VALUES (@profileId, @period, @procedureKey, @field, @text, @now)
     ON CONFLICT (profile_id, period, procedure_key, field)
     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const deleteNote = db.prepare(
    `DELETE FROM report_notes
     WHERE profile_id = @profileId AND period = @period AND procedure_key = @procedureKey AND field = @field`,
  );
  const insertLog = db.prepare(
    `INSERT INTO report_log (profile_id, period, format, purpose, number, sha256, bytes, at, actor)
     VALUES (@profileId, @period, @format, @purpose, @number, @sha256, @bytes, @at, @actor)`,
  );
  const issued = db
    .prepare<[number, string], number>(
      'SELECT count(*) FROM report_log WHERE profile_id = ? AND period = ?',
    )
    .pluck();
  // dossiers_day_procedure narrows to the period; the intake method is read from each row.
  const intake = db.prepare<[string, string], IntakeCountRow>(
    `SELECT procedure_key AS procedureKey, sum(intake_method = 'qr') AS qr,
       sum(intake_method = 'chip') AS chip,
       sum(intake_method IS NULL OR intake_method NOT IN ('qr', 'chip')) AS manual
     FROM dossiers WHERE received_day BETWEEN ? AND ? GROUP BY procedure_key`,
  );

  return {
    hasAnyProfile: (): boolean => anyProfile.get()! > 0,
    listProfiles: (): ReportProfileRow[] => list.all(),
    profile: (id: number): ReportProfileRow | undefined => byId.get(id),
    profileByName: (name: string): ReportProfileRow | undefined => byName.get(name),
    insertProfile: (row: {
      name: string;
      definition: string;
      builtin: string | null;
      now: number;
    }) => Number(insert.run(row).lastInsertRowid),
    updateProfile: (row: { id: number; name: string; definition: string; now: number }): boolean =>
      update.run(row).changes > 0,
    makeDefault: db.transaction((id: number, now: number) => {
      clearDefault.run();
      setDefault.run(now, id);
    }),
    archiveProfile: (id: number, now: number): boolean => archive.run(now, id).changes > 0,
    notes: (profileId: number, period: string): ReportNoteRow[] => notes.all(profileId, period),
    saveNotes: db.transaction(
      (profileId: number, period: string, rows: readonly ReportNoteRow[], now: number) => {
        for (const row of rows) {
          const key = { profileId, period, procedureKey: row.procedureKey, field: row.field };
          if (row.text.trim() === '') deleteNote.run(key);
          else upsertNote.run({ ...key, text: row.text, now });
        }
      },
    ),
    logIssued: (row: ReportLogRow): void => void insertLog.run(row),
    wasIssued: (profileId: number, period: string): boolean => issued.get(profileId, period)! > 0,
    intakeCounts: (from: string, to: string): IntakeCountRow[] => intake.all(from, to),
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
