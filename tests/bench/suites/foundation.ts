import {
  createDossierBulkWriter,
  formatDossierCode,
  type SeededDossierRow,
} from '../../../db/repositories/dossiers-repository';
import { seedDemoOffice } from '../../../electron/services/demo/demo-service';
import { systemClock } from '../../../electron/services/shared/clock';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { startHeadlessHost, stopHeadlessHost } from '../../support/headless-process';
import { round, summarise, timeIt, type BenchResult, type BenchSuite } from '../harness';
import { withBenchServices } from '../bench-services';

const SUITE = 'foundation';

/** Spawns the real headless host on a fresh data dir; returns its own "DB ready" time and the wall time to its ready line. */
async function startHostOnce(): Promise<{ dbReadyMs: number; wallMs: number }> {
  const started = performance.now();
  const host = await startHeadlessHost();
  const wallMs = performance.now() - started;
  await stopHeadlessHost(host);
  return { dbReadyMs: host.ready.dbReadyMs, wallMs };
}

async function startup(): Promise<BenchResult[]> {
  const runs: { dbReadyMs: number; wallMs: number }[] = [];
  for (let i = 0; i < 5; i++) runs.push(await startHostOnce());
  const inProcess = summarise(runs.map((r) => r.dbReadyMs));
  const wall = summarise(runs.map((r) => r.wallMs));
  return [
    {
      suite: SUITE,
      name: 'headless host start → DB ready (in process, fresh DB, migrations + catalogue)',
      unit: 'ms',
      value: round(inProcess.p50),
      detail: { max: round(inProcess.max), runs: runs.length },
    },
    {
      suite: SUITE,
      name: 'headless host: spawn → listening (wall, incl. Node + tsx start)',
      unit: 'ms',
      value: round(wall.p50),
      detail: { max: round(wall.max), runs: runs.length },
    },
  ];
}

function syntheticRows(count: number, agencyCode: string, day: string): SeededDossierRow[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    code: formatDossierCode(agencyCode, 'BENCH', i + 1),
    agencyCode,
    codeDay: 'BENCH',
    sequence: i + 1,
    procedureKey: 'dang-ky-thuong-tru',
    citizenIdNumber: null,
    channel: 'in_person' as const,
    status: 'received' as const,
    receivedAt: now,
    receivedDay: day,
    dueAt: null,
    completedAt: null,
    note: '',
    createdBy: 'bench',
  }));
}

async function inserts(): Promise<BenchResult[]> {
  return withBenchServices(
    'motcua-bench-',
    async ({ services, dispatcher }): Promise<BenchResult[]> => {
      const writer = createDossierBulkWriter(services.database.db);
      const rows = syntheticRows(100_000, 'BENCH', vnDay(Date.now()));
      const start = performance.now();
      writer.insertMany(rows);
      const bulkMs = performance.now() - start;

      await dispatcher.dispatch('settings.updateOffice', {
        officeName: 'Bench',
        adminUnitCode: '00001',
        agencyCode: 'B01',
        place: '',
      });
      const citizen = {
        idNumber: '022303004567',
        oldIdNumber: null,
        fullName: 'Trần Thị Ngọc Hường',
        dateOfBirth: '2003-11-09',
        sex: 'female' as const,
        address: 'Hạ Long',
        issueDate: '2021-07-01',
      };
      const create = await timeIt(
        () =>
          dispatcher.dispatch('dossiers.create', { procedureKey: 'dang-ky-khai-sinh', citizen }),
        1000,
        20,
      );
      return [
        {
          suite: SUITE,
          name: 'insert 100k dossiers (one transaction, WAL, synchronous=FULL)',
          unit: 'ms',
          value: round(bulkMs),
          detail: { rowsPerSecond: Math.round(100_000 / (bulkMs / 1000)) },
        },
        {
          suite: SUITE,
          name: 'receive one dossier through the contract (validate + code + insert + audit), p99',
          unit: 'ms',
          value: round(create.p99, 3),
          detail: { p50: round(create.p50, 3), samples: create.n },
        },
      ];
    },
  );
}

async function todayCounts(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchServices('motcua-bench-', async ({ services, dispatcher }) => {
    log('  seeding ~1M dossiers over 1825 days (demo seed --days 1825)…');
    const seeded = seedDemoOffice(services, systemClock, {
      days: 1825,
      perWeekday: 720,
      seed: 6,
    });
    const stats = await timeIt(
      async () => {
        const r = await dispatcher.dispatch('dossiers.todayCounts');
        if (!r.ok) throw new Error(r.error.code);
      },
      200,
      10,
    );
    return [
      {
        suite: SUITE,
        name: `today's counts per procedure on ${seeded.dossiers.toLocaleString('en')} dossiers, p99`,
        unit: 'ms',
        value: round(stats.p99, 3),
        detail: { p50: round(stats.p50, 3), dossiers: seeded.dossiers },
        budget: { max: 20, label: '≤ 20 ms' },
      },
    ];
  });
}

export const foundationSuite: BenchSuite = {
  name: SUITE,
  async run(log) {
    return [...(await startup()), ...(await inserts()), ...(await todayCounts(log))];
  },
};
