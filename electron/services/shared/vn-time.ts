/**
 * Statistics count days and months in Asia/Ho_Chi_Minh (DESIGN.md, Data). Vietnam has kept UTC+7
 * without daylight saving since 1975, so a fixed offset is exact and far cheaper than Intl.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3600_000;

/** Epoch ms → "YYYY-MM-DDTHH:mm:ss.sss" as a wall clock in Vietnam shows it (no zone suffix). */
export function vnClock(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 23);
}

/** Epoch ms → "YYYY-MM-DD" as a wall calendar in Vietnam shows it. */
export function vnDay(epochMs: number): string {
  return vnClock(epochMs).slice(0, 10);
}

/** Calendar arithmetic on YYYY-MM-DD (UTC midnight avoids any DST of the host). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → "YYMMDD", the date part of a dossier code. */
export function yymmdd(day: string): string {
  return day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
}

/** Epoch ms of 00:00 on `day` in Vietnam. */
export function vnDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+07:00`);
}
