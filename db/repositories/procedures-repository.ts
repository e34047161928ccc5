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
}

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
  target_legacy_level AS targetLegacyLevel, deadline, catalog_version AS catalogVersion`;

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
       current_legacy_level, target_legacy_level, deadline, catalog_version, active, updated_at)
     VALUES (@key, @seq, @name, @groupCode, @ownerAgency, @ministry, @executingUnit, @codes,
       @provinceCodes, @currentState, @notes, @sourceNote, @currentLevel, @targetLevel,
       @currentLegacyLevel, @targetLegacyLevel, @deadline, @catalogVersion, 1, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET seq = excluded.seq, name = excluded.name,
       group_code = excluded.group_code, owner_agency = excluded.owner_agency,
       ministry = excluded.ministry, executing_unit = excluded.executing_unit, codes = excluded.codes,
       province_codes = excluded.province_codes, current_state = excluded.current_state,
       notes = excluded.notes, source_note = excluded.source_note,
       current_level = excluded.current_level, target_level = excluded.target_level,
       current_legacy_level = excluded.current_legacy_level,
       target_legacy_level = excluded.target_legacy_level, deadline = excluded.deadline,
       catalog_version = excluded.catalog_version, active = 1, updated_at = excluded.updated_at`,
  );

  return {
    list: (): ProcedureRow[] => listActive.all(),
    get: (key: string): ProcedureRow | undefined => getOne.get(key),
    activeVersion: (): string | null => activeVersion.get()?.version ?? null,
    /**
     * Makes `version` the active catalogue: its procedures are upserted (keys are stable across
     * versions, so dossiers keep pointing at them) and procedures it no longer lists are retired,
     * never deleted. One transaction: a failure leaves the previous catalogue active.
     */
    activateCatalog: db.transaction(
      (version: CatalogVersionRow, rows: ProcedureRow[], now: number) => {
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
      },
    ),
  };
}
export type ProceduresRepository = ReturnType<typeof createProceduresRepository>;
