import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrationsSync, migrateSync } from '../../../db/migrate';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR } from '../../../electron/services/office-database';

const migrations = loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR));

describe('migration 0004_digitization', () => {
  it('applies on a fresh database after the earlier ones, with STRICT tables and append-only triggers', () => {
    const db = new Database(':memory:');
    migrateSync(db, migrations);
    const digitization = migrations.find((m) => m.name === 'digitization')!;
    expect(digitization.version).toBe(4);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    for (const name of [
      'scanner_profiles',
      'scan_drafts',
      'scan_draft_pages',
      'digitized_documents',
      'digitization_log',
    ]) {
      expect(tables.find((t) => t.name === name)?.sql, name).toMatch(/STRICT/);
    }
    const triggers = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(triggers).toEqual(
      expect.arrayContaining([
        'digitization_log_no_update',
        'digitization_log_no_delete',
        'digitized_documents_no_delete',
      ]),
    );
    // regulations.md §3: no profile below 200 dpi can be stored.
    expect(() =>
      db
        .prepare(
          "INSERT INTO scanner_profiles (name, device_uri, source, dpi, color_mode, created_at, updated_at) VALUES ('x', 'sane:test', 'feeder', 150, 'color', 0, 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
