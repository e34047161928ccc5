import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrationsSync, migrateSync } from '../../../db/migrate';
import { createDigitizationRepository } from '../../../db/repositories/digitization-repository';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR } from '../../../electron/services/office-database';
import { vnDayStart } from '../../../electron/services/shared/vn-time';

const migrations = loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR));
const FROM = '2026-01-01';
const TO = '2026-12-31';
const at = (iso: string) => Date.parse(`${iso}+07:00`);

function setUp(db: Database.Database) {
  db.exec(`INSERT INTO catalog_versions (version, title, source, effective_from, loaded_at, active, document)
             VALUES ('v', 't', 's', '2022-03-16', 0, 1, '{}');
           INSERT INTO procedures (key, seq, name, group_code, owner_agency, executing_unit, catalog_version, updated_at)
             VALUES ('p', 1, 'P', 'bca', 'o', 'u', 'v', 0), ('q', 2, 'Q', 'commune', 'o', 'u', 'v', 0);`);
}

const dossier =
  (db: Database.Database) =>
  (code: string, key: string, received: string, completed: string | null) =>
    db
      .prepare(
        `INSERT INTO dossiers (code, procedure_key, channel, status, received_at, received_day, completed_at)
       VALUES (?, ?, 'in_person', ?, ?, ?, ?)`,
      )
      .run(
        code,
        key,
        completed ? 'done' : 'processing',
        at(received),
        received.slice(0, 10),
        completed ? at(completed) : null,
      );

let nextDoc = 1;
function log(
  db: Database.Database,
  code: string,
  key: string,
  event: 'component_digitized' | 'result_digitized' | 'component_reused',
  when: string,
  pages = 2,
) {
  const id = nextDoc++;
  db.prepare(
    `INSERT INTO digitized_documents (id, dossier_code, kind, component_type, title, file, sha256, bytes,
       pages, dpi, color_mode, source_device, reused_from, created_at, created_day, created_by)
     VALUES (?, ?, ?, 'x', 'x', 'f', ?, 1, ?, 200, 'color', 'd', NULL, ?, ?, 't')`,
  ).run(
    id,
    code,
    event === 'result_digitized' ? 'result' : 'component',
    'a'.repeat(64),
    pages,
    at(when),
    when.slice(0, 10),
  );
  db.prepare(
    `INSERT INTO digitization_log (at, day, dossier_code, procedure_key, event, document_id, pages, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, 't')`,
  ).run(at(when), when.slice(0, 10), code, key, event, id, pages);
}

function expectCountersExact(db: Database.Database) {
  const repo = createDigitizationRepository(db);
  const counted = repo.dailySummaries(FROM, TO);
  const recounted = repo.recountDailySummaries(
    FROM,
    TO,
    vnDayStart(FROM),
    vnDayStart('2027-01-01'),
  );
  expect(counted).toEqual(recounted);
  return counted;
}

describe('migration 0008 (reports; digitization counters)', () => {
  it('backfills the digitization counters of an existing database exactly', () => {
    const db = new Database(':memory:');
    migrateSync(
      db,
      migrations.filter((m) => m.version < 8),
    );
    setUp(db);
    const add = dossier(db);
    add('a', 'p', '2026-03-02T09:00:00', '2026-03-05T23:30:00'); // completed late evening (VN day)
    add('b', 'p', '2026-03-02T10:00:00', null);
    add('c', 'q', '2026-03-03T08:00:00', '2026-03-04T10:00:00');
    log(db, 'a', 'p', 'component_digitized', '2026-03-02T09:10:00');
    log(db, 'a', 'p', 'component_digitized', '2026-03-02T09:12:00', 5);
    log(db, 'a', 'p', 'result_digitized', '2026-03-06T08:00:00'); // result after completion
    log(db, 'b', 'p', 'component_reused', '2026-03-04T08:00:00'); // two days after receipt
    log(db, 'c', 'q', 'result_digitized', '2026-03-04T09:00:00');
    migrateSync(db, migrations);
    const rows = expectCountersExact(db);
    expect(rows.find((r) => r.day === '2026-03-02' && r.procedureKey === 'p')).toMatchObject({
      received: 2,
      receivedWithComponents: 2,
      receivedWithReuse: 1,
      componentDocuments: 2,
      componentPages: 7,
    });
    expect(rows.find((r) => r.day === '2026-03-05')).toMatchObject({
      completed: 1,
      completedWithResult: 1,
    });
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    for (const name of [
      'report_profiles',
      'report_notes',
      'report_log',
      'digitization_daily_stats',
    ])
      expect(tables.find((t) => t.name === name)?.sql, name).toMatch(/STRICT/);
  });

  it('keeps the counters exact through logging, completion, and moves of a dossier', () => {
    const db = new Database(':memory:');
    migrateSync(db, migrations);
    setUp(db);
    const add = dossier(db);
    add('a', 'p', '2026-05-04T09:00:00', null);
    add('b', 'q', '2026-05-04T09:30:00', null);
    add('c', 'q', '2026-05-05T09:30:00', '2026-05-05T16:00:00');
    expectCountersExact(db);
    log(db, 'a', 'p', 'result_digitized', '2026-05-06T08:00:00'); // result scanned before completion
    log(db, 'a', 'p', 'component_digitized', '2026-05-06T08:05:00');
    log(db, 'a', 'p', 'component_reused', '2026-05-06T08:06:00');
    log(db, 'a', 'p', 'component_reused', '2026-05-06T08:07:00');
    expectCountersExact(db);
    db.prepare('UPDATE dossiers SET status = ?, completed_at = ? WHERE code = ?').run(
      'done',
      at('2026-05-07T10:00:00'),
      'a',
    );
    expectCountersExact(db);
    log(db, 'c', 'q', 'result_digitized', '2026-05-08T08:00:00');
    log(db, 'c', 'q', 'result_digitized', '2026-05-08T08:01:00');
    expectCountersExact(db);
    // Corrections: the procedure and the day of receipt change, a completion is moved.
    db.prepare("UPDATE dossiers SET procedure_key = 'q' WHERE code = 'a'").run();
    expectCountersExact(db);
    db.prepare("UPDATE dossiers SET received_day = '2026-05-03' WHERE code = 'a'").run();
    expectCountersExact(db);
    db.prepare('UPDATE dossiers SET completed_at = ? WHERE code = ?').run(
      at('2026-05-09T10:00:00'),
      'c',
    );
    expectCountersExact(db);
    db.prepare("DELETE FROM dossiers WHERE code = 'b'").run();
    const rows = expectCountersExact(db);
    expect(rows.find((r) => r.day === '2026-05-07')).toMatchObject({
      procedureKey: 'q',
      completed: 1,
      completedWithResult: 1,
    });
  });
});
