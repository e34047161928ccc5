import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDossierStatsRepository } from '../../../db/repositories/dossier-stats-repository';
import { createDigitizationRepository } from '../../../db/repositories/digitization-repository';
import { seedDemoOffice } from '../../../electron/services/demo/demo-service';
import {
  dailySummaries,
  recountDailySummaries,
} from '../../../electron/services/digitization/summaries';
import { checkScanFiles } from '../../../electron/services/system/scan-files-check';
import { openTestServices, SAMPLE_CITIZEN } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const tempDirOf = (services: { database: { file: string } }) => dirname(services.database.file);
const byKey = (r: { bucket: string; procedureKey: string }) => `${r.bucket}|${r.procedureKey}`;
const sorted = <T extends { bucket: string; procedureKey: string }>(rows: T[]) =>
  [...rows].sort((a, b) => byKey(a).localeCompare(byKey(b)));

describe('demo seed', () => {
  it('writes a history whose counters equal a recount, then the triggers take over again', async () => {
    const { services, clock, dispatcher } = openTestServices(tempDir());
    const result = seedDemoOffice(services, clock, { days: 120, perWeekday: 60, seed: 3 });
    expect(result.dossiers).toBeGreaterThan(4000);
    const db = services.database.db;
    const stats = createDossierStatsRepository(db);
    const from = result.from;
    const to = result.to;
    expect(sorted(stats.counts(from, to, 'day'))).toEqual(sorted(stats.recountByDay(from, to)));
    const monthly = db.prepare('SELECT sum(received) AS n FROM dossier_monthly_stats').get() as {
      n: number;
    };
    expect(monthly.n).toBe(result.dossiers);
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'dossiers_stats_insert'")
        .get(),
    ).toEqual({ n: 1 });

    // Consistent with the lifecycle: due dates on every file, failed assisted filings cancelled
    // with their reason, and from 1/10/2025 every file filed online with the desk's help.
    const facts = db
      .prepare(
        `SELECT sum(due_at IS NULL) AS noDue,
           sum(assisted_outcome = 'failed' AND status <> 'cancelled') AS failedOpen,
           sum(assisted_outcome = 'failed' AND assisted_failure_reason IS NULL) AS failedNoReason,
           sum(channel <> 'online_assisted') AS paper,
           sum(status IN ('done', 'returned') AND completed_at < received_at) AS backwards
         FROM dossiers`,
      )
      .get();
    expect(facts).toEqual({ noDue: 0, failedOpen: 0, failedNoReason: 0, paper: 0, backwards: 0 });

    // Digitization history on the same dossiers: counted exactly, every file present.
    expect(result.documents).toBeGreaterThan(2000);
    const digitization = createDigitizationRepository(db);
    const counted = dailySummaries(digitization, from, to);
    expect(counted).toEqual(recountDailySummaries(digitization, from, to));
    const sum = (key: 'receivedWithComponents' | 'completedWithResult' | 'reusedDocuments') =>
      counted.reduce((n, r) => n + r[key], 0);
    expect(sum('receivedWithComponents')).toBeGreaterThan(0);
    expect(sum('completedWithResult')).toBeGreaterThan(0);
    expect(sum('reusedDocuments')).toBeGreaterThan(0);
    const files = await checkScanFiles(db, tempDirOf(services));
    expect(files).toMatchObject({ missing: [], mismatched: [], orphans: [] });
    expect(files!.documents).toBe(result.documents);

    // The counter goes on after the seeded numbers.
    await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-tam-tru',
      citizen: SAMPLE_CITIZEN,
    });
    const today = stats.counts(to, to, 'day').find((r) => r.procedureKey === 'dang-ky-tam-tru');
    const recount = stats.recountByDay(to, to).find((r) => r.procedureKey === 'dang-ky-tam-tru');
    expect(today).toEqual(recount);
    services.close();
  });
});
