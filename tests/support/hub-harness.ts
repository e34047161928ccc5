/**
 * Hubs for the sync tests, on either dialect: a temp SQLite file, or a database in a real
 * PostgreSQL cluster started once per test file. Plus helpers to compare what the hub holds with
 * what the office computes from its own dossiers.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startHub, type HubServeOptions, type RunningHub } from '../../electron/host/hub/start-hub';
import {
  createDailySummarySource,
  officeSummaryProviders,
} from '../../electron/services/sync/summary-source';
import type { SummaryCounts } from '../../native/sync/summary-row';
import { startPostgres, type TestPostgres } from './postgres';
import type { TestOffice } from './sync-office';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** Call at file level: returns a function giving a fresh, empty hub database URL. */
export function useHubDatabases(dialect: Dialect, tempDir: () => string): () => Promise<string> {
  let cluster: TestPostgres | null = null;
  beforeAll(async () => {
    if (dialect === 'postgres') cluster = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return async () =>
    dialect === 'postgres' ? cluster!.createDatabase() : `sqlite:${join(tempDir(), 'hub.sqlite')}`;
}

export function startTestHub(
  db: string,
  options: Partial<HubServeOptions> = {},
): Promise<RunningHub> {
  return startHub({
    db,
    port: 0,
    name: 'Máy chủ thử nghiệm',
    onInternalError: (error) => console.error('[hub internal]', error),
    ...options,
  });
}

export async function enrollOffice(office: TestOffice, hub: RunningHub, hubUrl = hub.url) {
  const { code } = await hub.admin.issueCode(
    office.agencyCode,
    `Văn phòng ${office.agencyCode}`,
    24,
  );
  const result = await office.dispatcher.dispatch('sync.enroll', { hubUrl, code });
  if (!result.ok) throw new Error(`enroll failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

const key = (day: string, procedure: string) => `${day}|${procedure}`;

/** The office's ground truth: recomputed from its dossiers now, not read from the outbox. */
export function officeTruth(office: TestOffice, from = '2000-01-01', to = '2099-12-31') {
  const source = createDailySummarySource(officeSummaryProviders(office.services.database.db));
  return new Map(source.rows(from, to).map((r) => [key(r.day, r.procedure), r.counts]));
}

export async function hubRows(
  hub: RunningHub,
  office: string | null,
  from = '2000-01-01',
  to = '2099-12-31',
): Promise<Map<string, SummaryCounts>> {
  const rows = await hub.admin.totals(from, to, ['day', 'procedure'], office);
  return new Map(
    rows.map((r) => {
      const { day, procedure, rows: _n, office: _o, month: _m, ...counts } = r;
      return [key(day!, procedure!), counts as SummaryCounts];
    }),
  );
}

/** Zero rows are equal to absent rows: an office-day that lost its dossiers is sent as zeros. */
export function withoutZeroRows(map: Map<string, SummaryCounts>): Map<string, SummaryCounts> {
  return new Map([...map].filter(([, c]) => Object.values(c).some((v) => v !== 0)));
}

export function sumCounts(map: Map<string, SummaryCounts>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const counts of map.values())
    for (const [f, v] of Object.entries(counts)) total[f] = (total[f] ?? 0) + v;
  return total;
}
