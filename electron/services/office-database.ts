import { join } from 'node:path';
import { applyWritePragmasSync, openDatabaseSync, type SqliteDatabase } from '../../db/connection';
import {
  loadMigrationsSync,
  migrateSync,
  verifyMigrationsSync,
  type Migration,
} from '../../db/migrate';
import { DATABASE_FILE_NAME } from './shared/data-dir';

export const MIGRATIONS_DIR = join('db', 'migrations');

export interface OfficeDatabase {
  db: SqliteDatabase;
  file: string;
  migrations: Migration[];
  appliedNow: number[];
}

/**
 * Opens `<dataDir>/motcua.sqlite` and brings its schema up to date. The order protects the user's
 * file: refuse non-SQLite files before opening, refuse newer/edited schemas before any write,
 * then switch to WAL and migrate in one transaction.
 */
export function openOfficeDatabaseSync(dataDir: string, appRoot: string): OfficeDatabase {
  const file = join(dataDir, DATABASE_FILE_NAME);
  const migrations = loadMigrationsSync(join(appRoot, MIGRATIONS_DIR));
  const db = openDatabaseSync(file);
  try {
    verifyMigrationsSync(db, migrations);
    applyWritePragmasSync(db);
    const appliedNow = migrateSync(db, migrations);
    return { db, file, migrations, appliedNow };
  } catch (error) {
    db.close();
    throw error;
  }
}
