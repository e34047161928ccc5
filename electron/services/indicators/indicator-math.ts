/**
 * The indicator formulas of regulations.md §2 and §4 (QĐ 766/QĐ-TTg), pure: counts in, rates
 * with their numerator and denominator out. Formula texts: electron/api/indicator-formulas.ts.
 */
import type { IndicatorRow } from '../../api/calls/indicators';

export interface Counters {
  received: number;
  inPerson: number;
  onlineAssisted: number;
  postal: number;
  open: number;
  openOverdue: number;
  done: number;
  returned: number;
  cancelled: number;
  finishedOnTime: number;
  fullEligible: number;
  fullOnline: number;
  assistedSubmitted: number;
  assistedFailed: number;
}

const FIELDS: readonly (keyof Counters)[] = [
  'received',
  'inPerson',
  'onlineAssisted',
  'postal',
  'open',
  'openOverdue',
  'done',
  'returned',
  'cancelled',
  'finishedOnTime',
  'fullEligible',
  'fullOnline',
  'assistedSubmitted',
  'assistedFailed',
];

export function emptyCounters(): Counters {
  return {
    received: 0,
    inPerson: 0,
    onlineAssisted: 0,
    postal: 0,
    open: 0,
    openOverdue: 0,
    done: 0,
    returned: 0,
    cancelled: 0,
    finishedOnTime: 0,
    fullEligible: 0,
    fullOnline: 0,
    assistedSubmitted: 0,
    assistedFailed: 0,
  };
}

/** Adds `more` into `into` (mutating: the dashboard sums thousands of buckets). */
export function addCounters(into: Counters, more: Partial<Counters>): Counters {
  for (const field of FIELDS) into[field] += more[field] ?? 0;
  return into;
}

/** Percent with two decimals; null when there is nothing to divide by (not 0 %, not 100 %). */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 100;
}

function fraction(numerator: number, denominator: number) {
  return { numerator, denominator };
}

export function indicatorRow(key: string, name: string, c: Counters): IndicatorRow {
  // QĐ 766 tiến độ: (đã xử lý trước/đúng hạn + đang xử lý trong hạn) ÷ hồ sơ tiếp nhận và xử lý.
  // A cancelled (withdrawn) file is neither processed nor pending, so it leaves the denominator.
  const onTime = fraction(c.finishedOnTime + (c.open - c.openOverdue), c.received - c.cancelled);
  // Channel shares: each channel ÷ all files received (regulations.md §2).
  const online = fraction(c.onlineAssisted, c.received);
  const inPerson = fraction(c.inPerson, c.received);
  const postal = fraction(c.postal, c.received);
  // Toàn trình: online files of procedures toàn trình at receipt ÷ files of those procedures.
  const full = fraction(c.fullOnline, c.fullEligible);
  const assisted = fraction(c.assistedSubmitted, c.assistedSubmitted + c.assistedFailed);
  return {
    key,
    name,
    received: c.received,
    inPerson: c.inPerson,
    onlineAssisted: c.onlineAssisted,
    postal: c.postal,
    cancelled: c.cancelled,
    done: c.done,
    returned: c.returned,
    open: c.open,
    openOverdue: c.openOverdue,
    finishedOnTime: c.finishedOnTime,
    fullEligible: c.fullEligible,
    fullOnline: c.fullOnline,
    assistedSubmitted: c.assistedSubmitted,
    assistedFailed: c.assistedFailed,
    onTimeRate: percent(onTime.numerator, onTime.denominator),
    onlineShare: percent(online.numerator, online.denominator),
    inPersonShare: percent(inPerson.numerator, inPerson.denominator),
    postalShare: percent(postal.numerator, postal.denominator),
    fullOnlineShare: percent(full.numerator, full.denominator),
    assistedSuccessRate: percent(assisted.numerator, assisted.denominator),
    figures: {
      onTimeRate: onTime,
      onlineShare: online,
      inPersonShare: inPerson,
      postalShare: postal,
      fullOnlineShare: full,
      assistedSuccessRate: assisted,
    },
  };
}
