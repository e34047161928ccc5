import type { SqliteDatabase } from '../connection';

/**
 * Counters per day of receipt and procedure (`dossier_daily_stats`, kept exact by triggers of
 * migration 0003), summed per bucket. Every indicator, the dashboard, and later reports and sync
 * read through here, so they all show the same numbers.
 */
export interface StatsBucketRow {
  procedureKey: string;
  /** The day (YYYY-MM-DD), the month (YYYY-MM) or '' for the whole period. */
  bucket: string;
  received: number;
  inPerson: number;
  onlineAssisted: number;
  postal: number;
  open: number;
  done: number;
  returned: number;
  cancelled: number;
  finishedOnTime: number;
  fullEligible: number;
  fullOnline: number;
  assistedSubmitted: number;
  assistedFailed: number;
}

/** Open files (received / processing) per bucket, split at the "as of" instant. */
export interface OpenBucketRow {
  procedureKey: string;
  bucket: string;
  open: number;
  overdue: number;
}

export type StatsGranularity = 'day' | 'month' | 'period';

/** A `day` column (YYYY-MM-DD) as the bucket of each granularity; digitization counts use it too. */
export const DAY_BUCKET: Readonly<Record<StatsGranularity, string>> = {
  day: 'day',
  month: 'substr(day, 1, 7)',
  period: "''",
};

/** Counter columns of dossier_daily_stats / dossier_monthly_stats / dossier_stats_rows. */
export const STATS_COLUMNS = [
  'received',
  'in_person',
  'online_assisted',
  'postal',
  'open',
  'done',
  'returned',
  'cancelled',
  'finished_on_time',
  'full_eligible',
  'full_online',
  'assisted_submitted',
  'assisted_failed',
] as const;

/** Each counter summed under its StatsBucketRow name (`in_person` → `inPerson`). */
const SUMS = STATS_COLUMNS.map(
  (c) => `sum(${c}) AS ${c.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}`,
).join(', ');

/** From the first day of a month to the last day of a month (leap years included). */
export function wholeMonths(from: string, to: string): boolean {
  if (!from.endsWith('-01')) return false;
  const [y, m] = to.split('-').map(Number) as [number, number];
  return to === new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function createDossierStatsRepository(db: SqliteDatabase) {
  const granularities = Object.keys(DAY_BUCKET) as StatsGranularity[];
  const statsStatement = (g: StatsGranularity) =>
    db.prepare<[string, string], StatsBucketRow>(
      `SELECT procedure_key AS procedureKey, ${DAY_BUCKET[g]} AS bucket, ${SUMS}
       FROM dossier_daily_stats WHERE day BETWEEN ? AND ?
       GROUP BY bucket, procedure_key`,
    );
  // Open files are a few thousand at most and sit in the partial index dossiers_open; the unary +
  // keeps the planner from walking every file of the period through the receipt-day index.
  const openStatement = (g: StatsGranularity) =>
    db.prepare<[{ from: string; to: string; asOf: number }], OpenBucketRow>(
      `SELECT procedure_key AS procedureKey,
         ${DAY_BUCKET[g].replace('day', 'received_day')} AS bucket, count(*) AS open,
         sum(due_at IS NOT NULL AND due_at < @asOf) AS overdue
       FROM dossiers
       WHERE status IN ('received', 'processing') AND +received_day BETWEEN @from AND @to
       GROUP BY procedure_key, bucket`,
    );
  const stats = new Map(granularities.map((g) => [g, statsStatement(g)]));
  // Whole months read the monthly table: 25 rows a month instead of 25 × 30.
  const monthlyStatement = (g: 'month' | 'period') =>
    db.prepare<[string, string], StatsBucketRow>(
      `SELECT procedure_key AS procedureKey, ${g === 'month' ? 'month' : "''"} AS bucket, ${SUMS}
       FROM dossier_monthly_stats WHERE month BETWEEN ? AND ?
       GROUP BY bucket, procedure_key`,
    );
  const monthly = { month: monthlyStatement('month'), period: monthlyStatement('period') };
  const open = new Map(granularities.map((g) => [g, openStatement(g)]));
  /** The same counters straight from the dossiers, to prove the triggers kept them exact. */
  const recount = db.prepare<[string, string], StatsBucketRow>(
    `SELECT procedure_key AS procedureKey, day AS bucket, ${SUMS}
     FROM dossier_stats_rows WHERE day BETWEEN ? AND ?
     GROUP BY procedure_key, day`,
  );
  const days = db.prepare<[], { day: string }>(
    'SELECT DISTINCT day FROM dossier_daily_stats ORDER BY day',
  );
  return {
    /** Every day with dossiers received (upward sync's full reconciliation). */
    days: (): string[] => days.all().map((r) => r.day),
    /** Counters between two days (inclusive), summed per procedure and bucket. */
    counts: (from: string, to: string, granularity: StatsGranularity): StatsBucketRow[] =>
      granularity !== 'day' && wholeMonths(from, to)
        ? monthly[granularity].all(from.slice(0, 7), to.slice(0, 7))
        : stats.get(granularity)!.all(from, to),
    /** Open files received between two days, and how many of them are past due at `asOf`. */
    open: (
      from: string,
      to: string,
      asOf: number,
      granularity: StatsGranularity,
    ): OpenBucketRow[] => open.get(granularity)!.all({ from, to, asOf }),
    recountByDay: (from: string, to: string): StatsBucketRow[] => recount.all(from, to),
  };
}
export type DossierStatsRepository = ReturnType<typeof createDossierStatsRepository>;
