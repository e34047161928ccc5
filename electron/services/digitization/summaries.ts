/**
 * Daily per-procedure digitization summaries and the rates of regulations.md §4 (QĐ 766
 * "Số hóa hồ sơ"), computed only from the digitization log and the dossiers table. The reports
 * and upward-sync issues consume this function, so every screen and every export shows the same
 * numbers. Counts only: no personal data leaves through here.
 *
 * Rates for a period P (Asia/Ho_Chi_Minh days):
 *  - components = dossiers received in P with ≥1 component digitized or reused ÷ dossiers received in P
 *  - results    = dossiers completed in P with ≥1 result digitized ÷ dossiers completed in P
 *  - reuse      = dossiers received in P with ≥1 component reused ÷ dossiers received in P
 * All three are sums of the daily rows, so a period's rate equals the rate of its summed days.
 */
import {
  emptySummaryCounts,
  type DailySummaryRow,
  type DigitizationRepository,
} from '../../../db/repositories/digitization-repository';
import type { DigitizationReport } from '../../api/calls/digitization';
import { percent } from '../indicators/indicator-math';
import { addDays, vnDayStart } from '../shared/vn-time';

type Totals = DigitizationReport['totals'];

export function rateOf(numerator: number, denominator: number) {
  return { numerator, denominator, percent: percent(numerator, denominator) };
}

export function totalsOf(rows: readonly DailySummaryRow[]): Totals {
  const totals: Totals = emptySummaryCounts();
  const keys = Object.keys(totals) as (keyof Totals)[];
  for (const row of rows) for (const key of keys) totals[key] += row[key];
  return totals;
}

export function dailySummaries(
  repo: DigitizationRepository,
  from: string,
  to: string,
): DailySummaryRow[] {
  return repo.dailySummaries(from, to);
}

/**
 * The daily rows summed per month (`day` = 'YYYY-MM') or over [from, to] (`day` = ''), per
 * procedure — equal to summing `dailySummaries` (tests prove it), far fewer rows to read.
 */
export function summariesBy(
  repo: DigitizationRepository,
  from: string,
  to: string,
  bucket: 'month' | 'period',
): DailySummaryRow[] {
  return repo.summariesBy(from, to, bucket);
}

/** The same rows recomputed from the log and the dossiers (tests prove the counters exact). */
export function recountDailySummaries(
  repo: DigitizationRepository,
  from: string,
  to: string,
): DailySummaryRow[] {
  return repo.recountDailySummaries(from, to, vnDayStart(from), vnDayStart(addDays(to, 1)));
}

export function digitizationReport(
  repo: DigitizationRepository,
  from: string,
  to: string,
): DigitizationReport {
  return reportOfRows(from, to, dailySummaries(repo, from, to));
}

/** The report of [from, to] from its rows (daily, or `summariesBy` buckets of that range). */
export function reportOfRows(
  from: string,
  to: string,
  days: DailySummaryRow[],
): DigitizationReport {
  const totals = totalsOf(days);
  return {
    from,
    to,
    days,
    totals,
    rates: {
      components: rateOf(totals.receivedWithComponents, totals.received),
      results: rateOf(totals.completedWithResult, totals.completed),
      reuse: rateOf(totals.receivedWithReuse, totals.received),
    },
  };
}

/** "2026-11" → first and last day of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
