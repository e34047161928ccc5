import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { integrityCheckSync, openDatabaseReadOnlySync } from '../../../db/connection';
import { DbError } from '../../../db/db-error';
import { loadMigrationsSync, migrationStatusSync, verifyMigrationsSync } from '../../../db/migrate';
import { MIGRATIONS_DIR } from '../office-database';
import { DATABASE_FILE_NAME } from '../shared/data-dir';

export type DatabaseCheckReport =
  | { ok: true; exists: false; file: string }
  | {
      ok: true;
      exists: true;
      file: string;
      sizeBytes: number;
      integrity: 'ok';
      schema: { current: number; latest: number; pending: { version: number; name: string }[] };
    };

/**
 * `PRAGMA integrity_check` and migration status, strictly read-only: a check must never "fix" or
 * upgrade the file it inspects. Throws DbError (DB_NOT_SQLITE, DB_CORRUPT, DB_SCHEMA_NEWER,
 * DB_MIGRATION_EDITED) for a file the app could not use.
 */
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
    };
  } finally {
    db.close();
  }
}
