/**
 * Report periods: `2026-10` (month), `2026-Q3` (quarter), `2026` (year) or
 * `2026-01-01..2026-03-31` (any days), in Asia/Ho_Chi_Minh calendar days. Pure, apart from the
 * coded errors: the CLI, the Reports page and the reminder all read periods through here.
 */
import type { ReportPeriodView } from '../../api/report-schemas';
import { AppError } from '../../api/errors';
import { periodRange } from '../dossiers/dossiers-service';
import { addDays } from '../shared/vn-time';
import { roman, viShortDate as dmy } from './vi-format';

export type ReportPeriod = ReportPeriodView;

const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Days from `from` to `to`, both counted. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

function month(year: number, m: number): ReportPeriod {
  return {
    spec: `${year}-${pad(m)}`,
    kind: 'month',
    from: `${year}-${pad(m)}-01`,
    to: lastDay(year, m),
    label: `tháng ${m} năm ${year}`,
    shortLabel: `${pad(m)}/${year}`,
  };
}

function quarter(year: number, q: number): ReportPeriod {
  return {
    spec: `${year}-Q${q}`,
    kind: 'quarter',
    from: `${year}-${pad(q * 3 - 2)}-01`,
    to: lastDay(year, q * 3),
    label: `quý ${roman(q)} năm ${year}`,
    shortLabel: `Quý ${roman(q)}/${year}`,
  };
}

function year(y: number): ReportPeriod {
  return {
    spec: String(y),
    kind: 'year',
    from: `${y}-01-01`,
    to: `${y}-12-31`,
    label: `năm ${y}`,
    shortLabel: String(y),
  };
}

function range(from: string, to: string): ReportPeriod {
  return {
    spec: `${from}..${to}`,
    kind: 'range',
    from,
    to,
    label: `từ ngày ${dmy(from)} đến ngày ${dmy(to)}`,
    shortLabel: `${dmy(from)} – ${dmy(to)}`,
  };
}

/** A range that is exactly a month, quarter or year is that period (one spec, one log entry). */
function canonical(from: string, to: string): ReportPeriod {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  if (from.endsWith('-01') && Number.isInteger(y) && m >= 1 && m <= 12) {
    for (const candidate of [
      month(y, m),
      ...(m % 3 === 1 ? [quarter(y, (m + 2) / 3)] : []),
      year(y),
    ])
      if (candidate.from === from && candidate.to === to) return candidate;
  }
  return range(from, to);
}

/** The period a spec names, without checking it against today (see `checkReportPeriod`). */
export function parseReportPeriod(spec: string): ReportPeriod {
  const text = spec.trim();
  let m: RegExpExecArray | null;
  let period: ReportPeriod | null = null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const mm = Number(m[2]);
    if (mm >= 1 && mm <= 12) period = month(Number(m[1]), mm);
  } else if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) {
    period = quarter(Number(m[1]), Number(m[2]));
  } else if ((m = /^(\d{4})$/.exec(text))) {
    period = year(Number(m[1]));
  } else if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text))) {
    period = canonical(m[1]!, m[2]!);
  }
  if (!period || Number(period.from.slice(0, 4)) < 2000)
    throw new AppError('PERIOD_INVALID', { period: spec });
  // Real days, in order, at most ten years (the dossier list's own rule).
  periodRange(period.from, period.to);
  return period;
}

/** A period that has not started is refused; one under way is reported "so far". */
export function checkReportPeriod(period: ReportPeriod, today: string): { partial: boolean } {
  if (period.from > today)
    throw new AppError('REPORT_PERIOD_FUTURE', { period: period.spec, today });
  return { partial: period.to >= today };
}

/** The period just before: previous month, quarter or year, or as many days just before. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const y = Number(period.from.slice(0, 4));
  const m = Number(period.from.slice(5, 7));
  switch (period.kind) {
    case 'month':
      return m === 1 ? month(y - 1, 12) : month(y, m - 1);
    case 'quarter': {
      const q = (m + 2) / 3;
      return q === 1 ? quarter(y - 1, 4) : quarter(y, q - 1);
    }
    case 'year':
      return year(y - 1);
    case 'range': {
      const days = dayCount(period.from, period.to);
      return range(addDays(period.from, -days), addDays(period.from, -1));
    }
  }
}

/** The closed period a profile of this frequency reports on during the month of `today`. */
export function lastClosedPeriod(frequency: 'month' | 'quarter', today: string): ReportPeriod {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (frequency === 'month') return m === 1 ? month(y - 1, 12) : month(y, m - 1);
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? quarter(y - 1, 4) : quarter(y, q - 1);
}

/** The day a report on `period` is due: `deadlineDay` of the month after it (clamped). */
export function dueDay(period: ReportPeriod, deadlineDay: number): string {
  const next = addDays(period.to, 1);
  const y = Number(next.slice(0, 4));
  const m = Number(next.slice(5, 7));
  const last = Number(lastDay(y, m).slice(8));
  return `${y}-${pad(m)}-${pad(Math.min(deadlineDay, last))}`;
}

/** The months (YYYY-MM) a trend shows: the twelve ending with the period's last month. */
export function trendMonths(period: ReportPeriod): string[] {
  const y = Number(period.to.slice(0, 4));
  const m = Number(period.to.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}
