import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DbError } from './db-error';

export type SqliteDatabase = Database.Database;

/** Every SQLite file starts with this 16-byte magic string (sqlite.org/fileformat.html §1.3). */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Refuses a file that exists but is not SQLite *before* SQLite touches it: opening such a file and
 * setting WAL mode could rewrite its first page, and the user's file must stay as it was.
 */
export function assertSqliteFileSync(file: string): void {
  if (!existsSync(file)) return;
  const size = statSync(file).size;
  if (size === 0) return; // an empty file is a new database to SQLite
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !header.equals(SQLITE_MAGIC)) {
    throw new DbError('DB_NOT_SQLITE', `Not an SQLite database: ${file}`, { file });
  }
}

/** SQLite's own verdict on a damaged or foreign file, as our stable codes; anything else unchanged. */
function asDbError(error: unknown, file: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB')
    return new DbError('DB_NOT_SQLITE', `Not an SQLite database: ${file}`, { file });
  if (code === 'SQLITE_CORRUPT')
    return new DbError('DB_CORRUPT', `Corrupt database: ${file}`, { file });
  return error;
}

function ensureWritableDirSync(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new DbError('DATA_DIR_UNWRITABLE', `Cannot create data directory ${dir}`, {
      dir,
      cause: (error as NodeJS.ErrnoException).code,
    });
  }
}

/**
 * Opens the office database without writing anything yet. PRAGMAs that write (journal mode) are
 * applied by `applyWritePragmas` only after the schema check has accepted the file.
 */
export function openDatabaseSync(file: string): SqliteDatabase {
  if (file !== ':memory:') {
    ensureWritableDirSync(dirname(file));
    assertSqliteFileSync(file);
  }
  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw new DbError('DATA_DIR_UNWRITABLE', `Cannot open ${file} for writing`, { file, code });
    }
    throw error;
  }
  try {
    // Reading the schema forces SQLite to parse the header; a damaged file fails here.
    db.pragma('schema_version');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw asDbError(error, file);
  }
  return db;
}

/**
 * DESIGN.md data rules: WAL so readers never block the writer, synchronous=FULL because a
 * one-stop desk's records are legal evidence and must survive a power cut.
 */
export function applyWritePragmasSync(db: SqliteDatabase): void {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_WRITE') {
      throw new DbError('DATA_DIR_UNWRITABLE', 'Database is read-only', { code });
    }
    throw error;
  }
}

/** For checks that must not change anything (`db check`): read-only, and the file must exist. */
export function openDatabaseReadOnlySync(file: string): SqliteDatabase {
  assertSqliteFileSync(file);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
    return db;
  } catch (error) {
    throw asDbError(error, file);
  }
}

/** `PRAGMA integrity_check`: ['ok'] for a sound file, else SQLite's list of problems. */
export function integrityCheckSync(db: SqliteDatabase, maxErrors = 20): string[] {
  return (db.pragma(`integrity_check(${maxErrors})`) as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
}
