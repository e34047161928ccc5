/** Display conventions: dd/MM/yyyy dates and times in Asia/Ho_Chi_Minh whatever the PC's zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "2003-05-15" → "15/05/2003" (calendar days carry no zone). */
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '—';
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

const timeFormatter = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** ISO instant → "14:05" in Vietnam. */
export function formatTime(isoInstant: string): string {
  return timeFormatter.format(new Date(isoInstant));
}

const numberFormatter = new Intl.NumberFormat('vi-VN');
export function formatNumber(value: number): string {
  return numberFormatter.format(value);
}

/** ISO instant → "24/11/2026 14:05" in Vietnam (UTC+7 all year). */
export function formatDateTime(isoInstant: string | null | undefined): string {
  if (!isoInstant) return '—';
  const t = new Date(Date.parse(isoInstant) + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
/** Today as YYYY-MM-DD on a Vietnamese wall calendar, whatever the PC's own zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return dayFormatter.format(now);
}
