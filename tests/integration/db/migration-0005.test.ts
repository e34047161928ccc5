import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrationsSync, migrateSync } from '../../../db/migrate';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR } from '../../../electron/services/office-database';

const all = loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR));
const SYNC = all.find((m) => m.name === 'upward_sync')!;

function dirty(db: Database.Database): string[] {
  return db
    .prepare<[], { k: string }>(
      "SELECT day || ' ' || procedure_key AS k FROM sync_dirty ORDER BY k",
    )
    .all()
    .map((r) => r.k);
}

describe('migration upward_sync', () => {
  it('marks days that already had dossiers, and every later insert, update and delete', () => {
    const db = new Database(':memory:');
    migrateSync(
      db,
      all.filter((m) => m.version < SYNC.version),
    );
    db.exec(`INSERT INTO catalog_versions (version, title, source, effective_from, loaded_at, active, document)
      VALUES ('t', 't', 't', '2026-01-01', 0, 1, '{}');
      INSERT INTO procedures (key, seq, name, group_code, owner_agency, executing_unit, catalog_version, updated_at)
      VALUES ('a', 1, 'A', 'commune', 'x', 'x', 't', 0), ('b', 2, 'B', 'commune', 'x', 'x', 't', 0);
      INSERT INTO dossiers (code, procedure_key, channel, received_at, received_day)
      VALUES ('c1', 'a', 'in_person', 0, '2026-11-01');`);
    migrateSync(db, all);
    expect(dirty(db)).toEqual(['2026-11-01 a']);
    db.exec('DELETE FROM sync_dirty');

    db.exec(`INSERT INTO dossiers (code, procedure_key, channel, received_at, received_day)
      VALUES ('c2', 'b', 'postal', 0, '2026-11-02')`);
    expect(dirty(db)).toEqual(['2026-11-02 b']);
    db.exec('DELETE FROM sync_dirty');
    // A late status change marks its day of receipt; moving a dossier marks both places.
    db.exec("UPDATE dossiers SET status = 'done' WHERE code = 'c1'");
    expect(dirty(db)).toEqual(['2026-11-01 a']);
    db.exec(
      "UPDATE dossiers SET procedure_key = 'b', received_day = '2026-11-03' WHERE code = 'c1'",
    );
    expect(dirty(db)).toEqual(['2026-11-01 a', '2026-11-03 b']);
    db.exec('DELETE FROM sync_dirty');
    db.exec("DELETE FROM dossiers WHERE code = 'c2'");
    expect(dirty(db)).toEqual(['2026-11-02 b']);
  });

  it('drops a recipient’s outbox with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrateSync(db, all);
    db.exec(`INSERT INTO sync_keys (key_id, public_key, private_key_file, created_at) VALUES ('k', 'p', 'f', 0);
      INSERT INTO sync_recipients (name, url, level, office_code, key_id, enrolled_at)
      VALUES ('h', 'http://h/', 'commune', 'o', 'k', 0);
      INSERT INTO sync_outbox (recipient_id, day, procedure_key, revision, enqueued_at)
      VALUES (1, '2026-11-01', 'a', 1, 0);
      DELETE FROM sync_recipients;`);
    expect(db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
  });
});
