import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from './connection';
import { DbError } from './db-error';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  current: number;
  latest: number;
  applied: { version: number; name: string; appliedAt: string }[];
  pending: { version: number; name: string }[];
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Line endings are normalised so a checkout with CRLF does not look like an edited migration. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/**
 * Reads `NNNN_name.sql` files in version order. A duplicate number is a packaging bug; a gap is
 * allowed because parallel branches reserve their numbers ahead of merging (a later file with a
 * lower number is applied when it arrives, each in its own ledger row).
 */
export function loadMigrationsSync(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${file}`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(match[1]), name: match[2]!, sql, checksum: migrationChecksum(sql) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    const previous = migrations[index - 1];
    if (m.version < 1 || (previous && previous.version === m.version)) {
      throw new Error(`Migration numbers must be unique and ≥ 1; found ${m.version} twice or < 1`);
    }
  });
  return migrations;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** The ledger of applied migrations; a SQLite hub keeps the same table (hub-migrate.ts). */
export const LEDGER_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

interface LedgerRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

function readLedger(db: SqliteDatabase): LedgerRow[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return [];
  return db
    .prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')
    .all() as LedgerRow[];
}

/**
 * Checks a ledger (the workstation's or a hub's, read by the caller) against the app's
 * migrations: fails on a schema from a newer app and on a released migration whose text changed
 * since it was applied.
 */
export function checkLedger(
  ledger: readonly Pick<LedgerRow, 'version' | 'name' | 'checksum'>[],
  migrations: Migration[],
  subject = 'Database',
): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of ledger) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new DbError(
        'DB_SCHEMA_NEWER',
        `${subject} has migration ${row.version} unknown to this app`,
        {
          databaseVersion: Math.max(...ledger.map((r) => r.version)),
          appVersion: latestVersion(migrations),
        },
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new DbError(
        'DB_MIGRATION_EDITED',
        `Migration ${row.version}_${row.name} was edited after release`,
        {
          version: row.version,
          name: row.name,
        },
      );
    }
  }
}

/** Read-only check that this app can use the database (see checkLedger). Writes nothing. */
export function verifyMigrationsSync(db: SqliteDatabase, migrations: Migration[]): LedgerRow[] {
  const ledger = readLedger(db);
  checkLedger(ledger, migrations);
  return ledger;
}

/** Applies every pending migration in one transaction: all of them, or none. */
export function migrateSync(
  db: SqliteDatabase,
  migrations: Migration[],
  now: () => Date = () => new Date(),
): number[] {
  const ledger = verifyMigrationsSync(db, migrations);
  const applied = new Set(ledger.map((r) => r.version));
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length === 0) return [];
  const record = () =>
    db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
    );
  const run = db.transaction(() => {
    db.exec(LEDGER_SQL);
    const insert = record();
    for (const m of pending) {
      db.exec(m.sql);
      insert.run(m.version, m.name, m.checksum, now().toISOString());
    }
  });
  try {
    run.immediate();
  } catch (error) {
    throw new DbError('DB_MIGRATION_FAILED', `Migration failed: ${(error as Error).message}`, {
      cause: (error as Error).message,
    });
  }
  return pending.map((m) => m.version);
}

export function migrationStatusSync(db: SqliteDatabase, migrations: Migration[]): MigrationStatus {
  const ledger = readLedger(db);
  const applied = new Set(ledger.map((r) => r.version));
  return {
    current: ledger.length === 0 ? 0 : Math.max(...ledger.map((r) => r.version)),
    latest: latestVersion(migrations),
    applied: ledger.map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at })),
    pending: migrations
      .filter((m) => !applied.has(m.version))
      .map((m) => ({ version: m.version, name: m.name })),
  };
}
