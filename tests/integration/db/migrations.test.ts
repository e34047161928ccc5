import Database from 'better-sqlite3';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabaseSync } from '../../../db/connection';
import {
  latestVersion,
  loadMigrationsSync,
  migrateSync,
  migrationChecksum,
  migrationStatusSync,
} from '../../../db/migrate';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR, openOfficeDatabaseSync } from '../../../electron/services/office-database';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const migrations = loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR));

describe('migrations', () => {
  it('are numbered in increasing order without duplicates and each applies to a fresh database', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    const db = new Database(':memory:');
    expect(migrateSync(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(migrationStatusSync(db, migrations)).toMatchObject({
      current: latestVersion(migrations),
      pending: [],
    });
    expect(migrateSync(db, migrations)).toEqual([]); // idempotent
  });

  it('0001 creates STRICT tables for the core records', () => {
    const db = new Database(':memory:');
    migrateSync(db, migrations.slice(0, 1));
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    for (const name of [
      'settings',
      'catalog_versions',
      'procedures',
      'citizens',
      'dossiers',
      'dossier_code_sequences',
      'audit_log',
    ]) {
      const table = tables.find((t) => t.name === name);
      expect(table, name).toBeDefined();
      expect(table!.sql, name).toMatch(/STRICT/);
    }
    // STRICT means a wrong type is an error, not silently stored.
    expect(() =>
      db
        .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'yesterday')")
        .run(),
    ).toThrow();
  });

  it('applies the PRAGMAs of DESIGN.md to the office database', () => {
    const dir = tempDir();
    const { db } = openOfficeDatabaseSync(dir, APP_ROOT);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('fails loudly when a released migration was edited, and changes nothing', () => {
    const dir = tempDir();
    openOfficeDatabaseSync(dir, APP_ROOT).db.close();
    const file = join(dir, 'motcua.sqlite');
    const before = readFileSync(file);
    const edited = migrations.map((m, i) =>
      i === 0
        ? { ...m, sql: `${m.sql}\n-- edited`, checksum: migrationChecksum(`${m.sql}\n-- edited`) }
        : m,
    );
    const db = openDatabaseSync(file);
    expect(() => migrateSync(db, edited)).toThrow(
      expect.objectContaining({ code: 'DB_MIGRATION_EDITED' }),
    );
    db.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database from a newer app before writing anything', () => {
    const dir = tempDir();
    const { db } = openOfficeDatabaseSync(dir, APP_ROOT);
    db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, ?, ?, ?)',
    ).run('future', 'x', 'now');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = join(dir, 'motcua.sqlite');
    const before = readFileSync(file);
    expect(() => openOfficeDatabaseSync(dir, APP_ROOT)).toThrow(
      expect.objectContaining({ code: 'DB_SCHEMA_NEWER' }),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back every pending migration when one fails', () => {
    const dir = tempDir();
    const migrationsDir = join(dir, 'migrations');
    cpSync(join(APP_ROOT, MIGRATIONS_DIR), migrationsDir, { recursive: true });
    writeFileSync(
      join(migrationsDir, `${String(latestVersion(migrations) + 1).padStart(4, '0')}_broken.sql`),
      'CREATE TABLE ok_table (a INTEGER) STRICT;\nTHIS IS NOT SQL;',
    );
    const db = openDatabaseSync(join(dir, 'x.sqlite'));
    expect(() => migrateSync(db, loadMigrationsSync(migrationsDir))).toThrow(
      expect.objectContaining({ code: 'DB_MIGRATION_FAILED' }),
    );
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('ok_table', 'dossiers')")
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'motcua.sqlite');
    const content = Buffer.from('%PDF-1.4 this is somebody’s report, not a database\n'.repeat(20));
    writeFileSync(file, content);
    expect(() => openOfficeDatabaseSync(dir, APP_ROOT)).toThrow(
      expect.objectContaining({ code: 'DB_NOT_SQLITE' }),
    );
    expect(readFileSync(file).equals(content)).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unwritable data directory', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expect(() => openOfficeDatabaseSync(join(locked, 'sub'), APP_ROOT)).toThrow(
      expect.objectContaining({ code: 'DATA_DIR_UNWRITABLE' }),
    );
  });

  it('reports a data directory that cannot be created (a file is in the way)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'x');
    expect(() => openOfficeDatabaseSync(join(dir, 'blocker', 'data'), APP_ROOT)).toThrow(
      expect.objectContaining({ code: 'DATA_DIR_UNWRITABLE' }),
    );
  });
});
