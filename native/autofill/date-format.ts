/**
 * Calendar days (`YYYY-MM-DD`) written the way a target form wants them. A pattern is a sequence
 * of tokens — dd, d, MM, M, yyyy, yy — and literal separators (`/`, `-`, `.`, space). A form with
 * separate day / month / year boxes uses three fields with the patterns `dd`, `MM`, `yyyy`.
 */
const TOKEN = /yyyy|yy|MM|M|dd|d|[/\-. ]/g;

/** True when the whole pattern is made of known tokens and has at least one date part. */
export function isDatePattern(pattern: string): boolean {
  if (pattern.length === 0 || pattern.length > 20) return false;
  const tokens = pattern.match(TOKEN) ?? [];
  return tokens.join('') === pattern && tokens.some((t) => /[dMy]/.test(t));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats an ISO day; throws RangeError on a malformed day or pattern (callers validate first). */
export function formatDay(isoDay: string, pattern: string): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${isoDay}`);
  if (!isDatePattern(pattern)) throw new RangeError(`not a date pattern: ${pattern}`);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const parts: Record<string, string> = {
    yyyy: year,
    yy: year.slice(2),
    MM: month,
    M: String(Number(month)),
    dd: day,
    d: String(Number(day)),
  };
  return (pattern.match(TOKEN) ?? []).map((token) => parts[token] ?? token).join('');
}
