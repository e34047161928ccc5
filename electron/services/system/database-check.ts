import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { integrityCheckSync, openDatabaseReadOnlySync } from '../../../db/connection';
import { DbError } from '../../../db/db-error';
import { loadMigrationsSync, migrationStatusSync, verifyMigrationsSync } from '../../../db/migrate';
import { MIGRATIONS_DIR } from '../office-database';
import { DATABASE_FILE_NAME } from '../shared/data-dir';
import { checkScanFiles, type ScanFilesReport } from './scan-files-check';

export type DatabaseCheckReport =
  | { ok: true; exists: false; file: string }
  | {
      /** False when a scanned document's file is missing or differs from its recorded sha256. */
      ok: boolean;
      exists: true;
      file: string;
      sizeBytes: number;
      integrity: 'ok';
      schema: { current: number; latest: number; pending: { version: number; name: string }[] };
      /** Digitized documents against their files (null before the digitization migration). */
      scans: ScanFilesReport | null;
    };

/**
 * `PRAGMA integrity_check` and migration status, strictly read-only: a check must never "fix" or
 * upgrade the file it inspects. Throws DbError (DB_NOT_SQLITE, DB_CORRUPT, DB_SCHEMA_NEWER,
 * DB_MIGRATION_EDITED) for a file the app could not use.
 */
export async function checkDatabase(
  dataDir: string,
  appRoot: string,
): Promise<DatabaseCheckReport> {
  const file = join(dataDir, DATABASE_FILE_NAME);
  const report = checkDatabaseSync(dataDir, appRoot);
  if (!report.exists) return report;
  const db = openDatabaseReadOnlySync(file);
  try {
    const scans = await checkScanFiles(db, dataDir);
    const ok = scans === null || (scans.missing.length === 0 && scans.mismatched.length === 0);
    return { ...report, ok, scans };
  } finally {
    db.close();
  }
}

export function checkDatabaseSync(dataDir: string, appRoot: string): DatabaseCheckReport {
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(file)) return { ok: true, exists: false, file };
  const db = openDatabaseReadOnlySync(file);
  try {
    const migrations = loadMigrationsSync(join(appRoot, MIGRATIONS_DIR));
    const integrity = integrityCheckSync(db);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new DbError('DB_CORRUPT', 'integrity_check failed', { problems: integrity });
    }
    verifyMigrationsSync(db, migrations);
    const status = migrationStatusSync(db, migrations);
    return {
      ok: true,
      exists: true,
      file,
      sizeBytes: statSync(file).size,
      integrity: 'ok',
      schema: { current: status.current, latest: status.latest, pending: status.pending },
      scans: null,
    };
  } finally {
    db.close();
  }
}
