/**
 * Upward sync budgets (issue 7): drain an office-year to a local hub, hub ingest rate on SQLite
 * and PostgreSQL, a province (100 offices × 1 year) pushing at once, and the month totals query.
 * Hubs run as their own processes (`hub serve`), as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { openHubServices } from '../../../electron/services/hub/hub-services';
import { buildBatch, drainOutbox } from '../../../electron/services/sync/batch-sender';
import { systemClock } from '../../../electron/services/shared/clock';
import { vnDay } from '../../../electron/services/shared/vn-time';
import type { WireRow } from '../../../native/sync/protocol';
import { spawnHub, spawnCli, waitForExit, type HubProcess } from '../../support/cli-process';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { row, testIdentity, type TestIdentity } from '../../support/hub-client';
import { memoryOutbox } from '../../support/memory-outbox';
import { openTestOffice, seededRandom, seedDossiers } from '../../support/sync-office';
import { round, summarise, type BenchResult, type BenchSuite } from '../harness';

const SUITE = 'sync';
const PROCEDURES = 25;
const DAYS = 365;

function days(count: number, last: string): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

function officeYear(random: () => number, revision: number): WireRow[] {
  const rows: WireRow[] = [];
  for (const day of days(DAYS, '2026-11-23'))
    for (let p = 0; p < PROCEDURES; p++) {
      const r = () => Math.floor(random() * 20);
      rows.push(
        row(day, `thu-tuc-${p + 1}`, revision, {
          receivedInPerson: r(),
          receivedOnlineAssisted: r(),
          receivedPostal: r(),
          completed: r(),
          completedOnTime: r(),
          digitizedComponents: r(),
          digitizedResults: r(),
          reused: r(),
          pages: r(),
        }),
      );
    }
  return rows;
}

async function hubCli(args: string[]): Promise<unknown> {
  const run = await waitForExit(spawnCli(args));
  if (run.code !== 0) throw new Error(`${args.join(' ')}: exit ${run.code}`);
  return JSON.parse(run.stdout) as unknown;
}

/** Offices whose public keys the hub admin imported (the `hub enroll --public-key` path). */
async function enrollSimulated(db: string, count: number): Promise<TestIdentity[]> {
  const admin = await openHubServices({ db, appRoot: APP_ROOT });
  const offices: TestIdentity[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const me = testIdentity(
        `000.00.${String(10 + Math.floor(i / 100)).padStart(2, '0')}.X${String(i).padStart(3, '0')}`,
      );
      await admin.admin.importKey(me.office, `Văn phòng mô phỏng ${i + 1}`, me.publicKey);
      offices.push(me);
    }
  } finally {
    await admin.close();
  }
  return offices;
}

async function post(hub: HubProcess, body: Buffer, signature: string): Promise<void> {
  const res = await fetch(new URL('/v1/batches', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-motcua-signature': signature },
    body,
  });
  if (res.status !== 200) throw new Error(`hub answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** Signs every batch first, so only the hub's work is timed. */
function presign(office: TestIdentity, rows: WireRow[], size: number) {
  const out: { body: Buffer; signature: string }[] = [];
  for (let i = 0; i < rows.length; i += size)
    out.push(buildBatch(office, rows.slice(i, i + size), Date.now(), i + size >= rows.length));
  return out;
}

async function drainOfficeYear(log: (l: string) => void): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sync-'));
  const results: BenchResult[] = [];
  try {
    for (const batchSize of [200, 500]) {
      const db = `sqlite:${join(dir, `hub-${batchSize}.sqlite`)}`;
      const hub = await spawnHub(db);
      try {
        const office = await openTestOffice(
          join(dir, `office-${batchSize}`),
          '000.00.15.H33',
          Date.now(),
        );
        const dossiers = seedDossiers(office, {
          lastDay: vnDay(Date.now()),
          days: DAYS,
          perRow: [1, 2],
        });
        const refreshStart = performance.now();
        const refreshed = office.services.sync.refresh();
        const refreshMs = performance.now() - refreshStart;
        const issued = (await hubCli([
          'hub',
          'enroll',
          '--office',
          office.agencyCode,
          '--db',
          db,
          '--json',
        ])) as { code: string };
        await office.dispatcher.dispatch('sync.enroll', { hubUrl: hub.url, code: issued.code });
        await office.dispatcher.dispatch('sync.updateSettings', {
          batchSize,
          intervalMinutes: 15,
          timeoutSeconds: 30,
        });
        log(
          `  draining ${refreshed.revised} rows (${dossiers} dossiers) in batches of ${batchSize}…`,
        );
        const start = performance.now();
        const run = await office.dispatcher.dispatch('sync.now');
        const ms = performance.now() - start;
        if (
          !run.ok ||
          !run.value.results[0]!.ok ||
          run.value.results[0]!.acknowledged !== refreshed.revised
        )
          throw new Error(`drain failed: ${JSON.stringify(run)}`);
        office.services.close();
        if (batchSize === 200)
          results.push({
            suite: SUITE,
            name: `compute one office-year of summaries from ${dossiers.toLocaleString('en')} dossiers`,
            unit: 'ms',
            value: round(refreshMs),
            detail: { rows: refreshed.revised },
          });
        results.push({
          suite: SUITE,
          name: `drain one office-year (${refreshed.revised} rows) to a local SQLite hub, batches of ${batchSize}`,
          unit: 'ms',
          value: round(ms),
          detail: {
            batches: run.value.results[0]!.batches,
            rowsPerSecond: Math.round(refreshed.revised / (ms / 1000)),
          },
          budget: { max: 2000, label: '≤ 2 s' },
        });
      } finally {
        await hub.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

async function ingestRate(
  dialect: string,
  db: string,
  log: (l: string) => void,
): Promise<BenchResult> {
  const hub = await spawnHub(db);
  try {
    const offices = await enrollSimulated(db, 8);
    const random = seededRandom(5);
    const queues = offices.map((o) => presign(o, officeYear(random, 1), 500));
    const rows = offices.length * DAYS * PROCEDURES;
    log(
      `  ${dialect}: ingesting ${rows} rows from ${offices.length} offices (8 connections, as many offices sending at once)…`,
    );
    const all = queues.flat();
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < all.length) {
          const b = all[next++]!;
          await post(hub, b.body, b.signature);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    return {
      suite: SUITE,
      name: `hub ingest on ${dialect} (signed 500-row batches, verify + upsert + commit)`,
      unit: 'ops/s',
      value: Math.round(rows / seconds),
      detail: { rows, seconds: round(seconds) },
      budget: { min: 20_000, label: '≥ 20k rows/s' },
    };
  } finally {
    await hub.kill();
  }
}

async function province(
  dialect: string,
  db: string,
  log: (l: string) => void,
): Promise<BenchResult[]> {
  const hub = await spawnHub(db);
  try {
    log(`  ${dialect}: enrolling 100 offices…`);
    const offices = await enrollSimulated(db, 100);
    const random = seededRandom(9);
    const years = offices.map(() => officeYear(random, 1));
    log(
      `  ${dialect}: 100 offices × 1 year (${100 * DAYS * PROCEDURES} rows) pushed concurrently…`,
    );
    // Each office runs the real sender (sign, post, acknowledge, retry) over its own outbox.
    let failures = 0;
    const failureCodes = new Set<string>();
    const start = performance.now();
    await Promise.all(
      offices.map(async (office, i) => {
        const outbox = memoryOutbox(years[i]!);
        for (let attempt = 0; outbox.size() > 0; attempt++) {
          if (attempt > 50) throw new Error(`office ${office.office} cannot drain`);
          const endpoint = { url: hub.url, tlsPinSha256: null, tlsCaPem: null };
          const r = await drainOutbox(outbox, endpoint, office, {
            batchSize: 500,
            clock: systemClock,
            timeoutMs: 120_000,
          });
          if (!r.ok) {
            failures += 1;
            failureCodes.add(r.error!.code);
          }
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const samples: number[] = [];
    const url = new URL('/v1/totals?from=2026-10-01&to=2026-10-31&groupBy=office', hub.url);
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      const answer = (await (await fetch(url)).json()) as { rows: unknown[] };
      samples.push(performance.now() - t);
      if (answer.rows.length !== 100)
        throw new Error(`expected 100 offices, got ${answer.rows.length}`);
    }
    const s = summarise(samples.slice(5));
    return [
      {
        suite: SUITE,
        name: `province simulation on ${dialect}: 100 offices × 1 year pushed concurrently`,
        unit: 'ms',
        value: round(seconds * 1000),
        detail: {
          rows: 100 * DAYS * PROCEDURES,
          rowsPerSecond: Math.round((100 * DAYS * PROCEDURES) / seconds),
          retriedRuns: failures,
          ...(failures > 0 ? { retryCauses: [...failureCodes].join('/') } : {}),
        },
      },
      {
        suite: SUITE,
        name: `totals for a month over 100 offices on ${dialect} (read API, by office), p99`,
        unit: 'ms',
        value: round(s.p99),
        detail: { p50: round(s.p50), samples: s.n },
        budget: { max: 100, label: '≤ 100 ms' },
      },
    ];
  } finally {
    await hub.kill();
  }
}

export const syncSuite: BenchSuite = {
  name: SUITE,
  async run(log) {
    const results = await drainOfficeYear(log);
    const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-hub-'));
    let pg: TestPostgres | null = null;
    try {
      pg = await startPostgres();
      results.push(await ingestRate('SQLite', `sqlite:${join(dir, 'ingest.sqlite')}`, log));
      results.push(await ingestRate('PostgreSQL', await pg.createDatabase(), log));
      results.push(...(await province('SQLite', `sqlite:${join(dir, 'province.sqlite')}`, log)));
      results.push(...(await province('PostgreSQL', await pg.createDatabase(), log)));
    } finally {
      await pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return results;
  },
};
