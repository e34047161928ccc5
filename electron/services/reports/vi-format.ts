/**
 * Numbers as Vietnamese documents write them (TCVN 6909 text, vi-VN conventions): a dot between
 * thousands, a comma before decimals — 12.345 and 95,23%. Pure and independent of the machine's
 * locale or ICU build, so the PDF text is the same on every workstation.
 */
import { vnClock } from '../shared/vn-time';

export function viInteger(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function viDecimal(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${viInteger(Number(whole))}${fraction ? `,${fraction}` : ''}`;
}

/** A rate in percent (already ×100), or a dash when there was nothing to divide by. */
export function viPercent(value: number | null, decimals = 2): string {
  return value === null ? '—' : `${viDecimal(value, decimals)}%`;
}

/** dd/MM/yyyy, the UI's and the documents' short date. */
export function viShortDate(isoDay: string): string {
  return `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}/${isoDay.slice(0, 4)}`;
}

/** "10:00 ngày 24/11/2026", a moment in Asia/Ho_Chi_Minh (UTC+7 all year, vn-time.ts). */
export function viDateTime(epochMs: number): string {
  const local = vnClock(epochMs);
  return `${local.slice(11, 16)} ngày ${viShortDate(local.slice(0, 10))}`;
}

/** Roman numerals for quarters, sections and appendices (I … XII). */
export function roman(n: number): string {
  const numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
  return numerals[n - 1] ?? String(n);
}
