import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrationsSync, migrateSync } from '../../../db/migrate';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR } from '../../../electron/services/office-database';

const migrations = loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR));

describe('migration 0003 (procedures lifecycle)', () => {
  it('upgrades a foundation database: old dossiers keep their data and are counted', () => {
    const db = new Database(':memory:');
    migrateSync(
      db,
      migrations.filter((m) => m.version === 1),
    );
    db.exec(`INSERT INTO catalog_versions (version, title, source, effective_from, loaded_at, active, document)
               VALUES ('v', 't', 's', '2022-03-16', 0, 1, '{}');
             INSERT INTO procedures (key, seq, name, group_code, owner_agency, executing_unit, catalog_version, updated_at)
               VALUES ('p', 1, 'P', 'bca', 'o', 'u', 'v', 0);
             INSERT INTO dossiers (code, procedure_key, channel, status, received_at, received_day, due_at, completed_at)
               VALUES ('a', 'p', 'in_person', 'done', 1000, '2026-01-05', 5000, 4000),
                      ('b', 'p', 'postal', 'done', 2000, '2026-01-05', 5000, 9000),
                      ('c', 'p', 'online_assisted', 'processing', 3000, '2026-01-05', NULL, NULL),
                      ('d', 'p', 'in_person', 'cancelled', 3000, '2026-02-01', NULL, 3500);`);
    migrateSync(db, migrations);
    expect(db.prepare('SELECT * FROM dossier_daily_stats ORDER BY day').all()).toEqual([
      expect.objectContaining({
        day: '2026-01-05',
        received: 3,
        in_person: 1,
        postal: 1,
        online_assisted: 1,
        open: 1,
        done: 2,
        finished_on_time: 1,
      }),
      expect.objectContaining({ day: '2026-02-01', received: 1, cancelled: 1 }),
    ]);
    expect(
      db.prepare('SELECT month, received FROM dossier_monthly_stats ORDER BY month').all(),
    ).toEqual([
      { month: '2026-01', received: 3 },
      { month: '2026-02', received: 1 },
    ]);
    // status_changed_at is filled from the timestamps the foundation kept.
    expect(db.prepare('SELECT code, status_changed_at FROM dossiers ORDER BY code').all()).toEqual([
      { code: 'a', status_changed_at: 4000 },
      { code: 'b', status_changed_at: 9000 },
      { code: 'c', status_changed_at: 3000 },
      { code: 'd', status_changed_at: 3500 },
    ]);
    // From now on the triggers keep the counters: finishing c moves it from open to done.
    db.prepare("UPDATE dossiers SET status = 'done', completed_at = 6000 WHERE code = 'c'").run();
    expect(
      db
        .prepare(
          "SELECT open, done, finished_on_time FROM dossier_daily_stats WHERE day = '2026-01-05'",
        )
        .get(),
    ).toEqual({
      open: 0,
      done: 3,
      finished_on_time: 2,
    });
    expect(
      db.prepare("SELECT open, done FROM dossier_monthly_stats WHERE month = '2026-01'").get(),
    ).toEqual({ open: 0, done: 3 });
  });
});
