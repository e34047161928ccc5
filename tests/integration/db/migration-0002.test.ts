import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrationsSync, migrateSync } from '../../../db/migrate';
import { createScannerProfilesRepository } from '../../../db/repositories/scanner-profiles-repository';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR } from '../../../electron/services/office-database';

const migrations = loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR));

function fresh() {
  const db = new Database(':memory:');
  migrateSync(db, migrations.slice(0, 2));
  return db;
}

describe('migration 0002: barcode scanner profiles', () => {
  it('creates a STRICT table on top of 0001', () => {
    const db = fresh();
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'barcode_scanner_profiles'").get() as {
        sql: string;
      }
    ).sql;
    expect(sql).toMatch(/STRICT/);
  });

  it('round-trips a profile through the repository and refuses keys that do not fit the mode', () => {
    const db = fresh();
    const repo = createScannerProfilesRepository(db);
    repo.save(
      {
        deviceKey: 'serial:/dev/ttyACM0',
        mode: 'serial',
        label: 'Quầy 1',
        enabled: true,
        vendorId: null,
        productId: null,
        settings: { path: '/dev/ttyACM0', baudRate: 9600 },
      },
      1,
    );
    expect(repo.get('serial:/dev/ttyACM0')).toMatchObject({
      mode: 'serial',
      enabled: true,
      settings: { path: '/dev/ttyACM0', baudRate: 9600 },
      updatedAt: 1,
    });
    const insert = db.prepare(
      `INSERT INTO barcode_scanner_profiles (device_key, mode, label, settings, created_at, updated_at)
       VALUES (?, ?, 'x', ?, 0, 0)`,
    );
    expect(() => insert.run('wedge', 'serial', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('hid:0c2e:0b61:1', 'wedge', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('wedge', 'wedge', 'not json')).toThrow(/CHECK/);
    expect(repo.delete('serial:/dev/ttyACM0')).toBe(true);
    expect(repo.list()).toEqual([]);
  });
});
