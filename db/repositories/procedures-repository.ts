import type { SqliteDatabase } from '../connection';

export type ProcedureGroupCode = 'bca' | 'commune' | 'sector';
export type ServiceLevelCode = 'full' | 'partial' | 'info_only';

export interface ProcedureRow {
  key: string;
  seq: number;
  name: string;
  groupCode: ProcedureGroupCode;
  ownerAgency: string;
  ministry: string;
  executingUnit: string;
  codes: string; // JSON
  provinceCodes: string; // JSON
  currentState: string;
  notes: string;
  sourceNote: string;
  currentLevel: ServiceLevelCode | null;
  targetLevel: ServiceLevelCode | null;
  currentLegacyLevel: number | null;
  targetLegacyLevel: number | null;
  deadline: string | null;
  catalogVersion: string;
  processingDays: number | null;
  cutoff15h: 0 | 1;
  processingSource: string;
  onlineOnlyFrom: string | null;
  effectiveFrom: string | null;
}

/** The levels and deadline an office tracks for one procedure (NĐ 42/2022 Art. 11). */
export interface LevelState {
  currentLevel: ServiceLevelCode | null;
  targetLevel: ServiceLevelCode | null;
  deadline: string | null;
}

export interface LevelHistoryRow extends LevelState {
  id: number;
  procedureKey: string;
  changedAt: number;
  effectiveFrom: string;
  actor: string;
  origin: 'catalog' | 'manual';
  catalogVersion: string | null;
  previousCurrentLevel: ServiceLevelCode | null;
  previousTargetLevel: ServiceLevelCode | null;
  previousDeadline: string | null;
  note: string;
}

export type NewLevelHistoryRow = Omit<LevelHistoryRow, 'id'>;

export interface CatalogVersionRow {
  version: string;
  title: string;
  source: string;
  effectiveFrom: string;
  document: string;
}

const PROCEDURE_COLUMNS = `key, seq, name, group_code AS groupCode, owner_agency AS ownerAgency,
  ministry, executing_unit AS executingUnit, codes, province_codes AS provinceCodes,
  current_state AS currentState, notes, source_note AS sourceNote, current_level AS currentLevel,
  target_level AS targetLevel, current_legacy_level AS currentLegacyLevel,
  target_legacy_level AS targetLegacyLevel, deadline, catalog_version AS catalogVersion,
  processing_days AS processingDays, cutoff_15h AS cutoff15h, processing_source AS processingSource,
  online_only_from AS onlineOnlyFrom, effective_from AS effectiveFrom`;

const HISTORY_COLUMNS = `id, procedure_key AS procedureKey, changed_at AS changedAt,
  effective_from AS effectiveFrom, actor, origin, catalog_version AS catalogVersion,
  current_level AS currentLevel, target_level AS targetLevel, deadline,
  previous_current_level AS previousCurrentLevel, previous_target_level AS previousTargetLevel,
  previous_deadline AS previousDeadline, note`;

export function createProceduresRepository(db: SqliteDatabase) {
  const listActive = db.prepare<[], ProcedureRow>(
    `SELECT ${PROCEDURE_COLUMNS} FROM procedures WHERE active = 1 ORDER BY seq`,
  );
  const getOne = db.prepare<[string], ProcedureRow>(
    `SELECT ${PROCEDURE_COLUMNS} FROM procedures WHERE key = ? AND active = 1`,
  );
  const activeVersion = db.prepare<[], { version: string }>(
    'SELECT version FROM catalog_versions WHERE active = 1',
  );
  const deactivateVersions = db.prepare('UPDATE catalog_versions SET active = 0 WHERE active = 1');
  const insertVersion = db.prepare<[string, string, string, string, number, string]>(
    `INSERT INTO catalog_versions (version, title, source, effective_from, loaded_at, active, document)
     VALUES (?, ?, ?, ?, ?, 1, ?)
     ON CONFLICT (version) DO UPDATE SET active = 1, loaded_at = excluded.loaded_at, document = excluded.document`,
  );
  const deactivateProcedures = db.prepare('UPDATE procedures SET active = 0');
  const upsertProcedure = db.prepare(
    `INSERT INTO procedures (key, seq, name, group_code, owner_agency, ministry, executing_unit, codes,
       province_codes, current_state, notes, source_note, current_level, target_level,
       current_legacy_level, target_legacy_level, deadline, catalog_version, active, updated_at,
       processing_days, cutoff_15h, processing_source, online_only_from, effective_from)
     VALUES (@key, @seq, @name, @groupCode, @ownerAgency, @ministry, @executingUnit, @codes,
       @provinceCodes, @currentState, @notes, @sourceNote, @currentLevel, @targetLevel,
       @currentLegacyLevel, @targetLegacyLevel, @deadline, @catalogVersion, 1, @updatedAt,
       @processingDays, @cutoff15h, @processingSource, @onlineOnlyFrom, @effectiveFrom)
     ON CONFLICT (key) DO UPDATE SET seq = excluded.seq, name = excluded.name,
       group_code = excluded.group_code, owner_agency = excluded.owner_agency,
       ministry = excluded.ministry, executing_unit = excluded.executing_unit, codes = excluded.codes,
       province_codes = excluded.province_codes, current_state = excluded.current_state,
       notes = excluded.notes, source_note = excluded.source_note,
       current_level = excluded.current_level, target_level = excluded.target_level,
       current_legacy_level = excluded.current_legacy_level,
       target_legacy_level = excluded.target_legacy_level, deadline = excluded.deadline,
       catalog_version = excluded.catalog_version, active = 1, updated_at = excluded.updated_at,
       processing_days = excluded.processing_days, cutoff_15h = excluded.cutoff_15h,
       processing_source = excluded.processing_source, online_only_from = excluded.online_only_from,
       effective_from = excluded.effective_from`,
  );
  const updateLevels = db.prepare(
    `UPDATE procedures SET current_level = @currentLevel, target_level = @targetLevel,
       deadline = @deadline, updated_at = @updatedAt WHERE key = @key`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO procedure_level_history (procedure_key, changed_at, effective_from, actor, origin,
       catalog_version, current_level, target_level, deadline, previous_current_level,
       previous_target_level, previous_deadline, note)
     VALUES (@procedureKey, @changedAt, @effectiveFrom, @actor, @origin, @catalogVersion,
       @currentLevel, @targetLevel, @deadline, @previousCurrentLevel, @previousTargetLevel,
       @previousDeadline, @note)`,
  );
  const historyFor = db.prepare<[string], LevelHistoryRow>(
    `SELECT ${HISTORY_COLUMNS} FROM procedure_level_history WHERE procedure_key = ? ORDER BY id DESC`,
  );
  const allHistory = db.prepare<[], LevelHistoryRow>(
    `SELECT ${HISTORY_COLUMNS} FROM procedure_level_history ORDER BY id`,
  );
  const versions = db.prepare<
    [],
    { version: string; title: string; effectiveFrom: string; loadedAt: number; active: number }
  >(
    `SELECT version, title, effective_from AS effectiveFrom, loaded_at AS loadedAt, active
     FROM catalog_versions ORDER BY loaded_at DESC`,
  );
  const activeDocument = db.prepare<[], CatalogVersionRow>(
    `SELECT version, title, source, effective_from AS effectiveFrom, document
     FROM catalog_versions WHERE active = 1`,
  );

  return {
    list: (): ProcedureRow[] => listActive.all(),
    get: (key: string): ProcedureRow | undefined => getOne.get(key),
    activeVersion: (): string | null => activeVersion.get()?.version ?? null,
    activeDocument: (): CatalogVersionRow | undefined => activeDocument.get(),
    versions: () => versions.all(),
    history: (key: string): LevelHistoryRow[] => historyFor.all(key),
    allHistory: (): LevelHistoryRow[] => allHistory.all(),
    /** A level change and its history entry land together or not at all. */
    setLevels: db.transaction((key: string, next: LevelState, entry: NewLevelHistoryRow) => {
      updateLevels.run({ key, ...next, updatedAt: entry.changedAt });
      insertHistory.run(entry);
    }),
    /**
     * Makes `version` the active catalogue: its procedures are upserted (keys are stable across
     * versions, so dossiers keep pointing at them) and procedures it no longer lists are retired,
     * never deleted. One transaction: a failure leaves the previous catalogue active.
     */
    activateCatalog: db.transaction(
      (
        version: CatalogVersionRow,
        rows: ProcedureRow[],
        now: number,
        history: readonly NewLevelHistoryRow[] = [],
      ) => {
        deactivateVersions.run();
        insertVersion.run(
          version.version,
          version.title,
          version.source,
          version.effectiveFrom,
          now,
          version.document,
        );
        deactivateProcedures.run();
        for (const row of rows) upsertProcedure.run({ ...row, updatedAt: now });
        for (const entry of history) insertHistory.run(entry);
      },
    ),
  };
}
export type ProceduresRepository = ReturnType<typeof createProceduresRepository>;
