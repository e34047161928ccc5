/**
 * The daily summary row that leaves a workstation: counts only, keyed by (office, day in
 * Asia/Ho_Chi_Minh, procedure). No field can hold a name, an ID number or an address — the
 * shape itself is the privacy guarantee (docs/sync-protocol.md §3), so it is closed: a new figure
 * is a new schema version, never an extra key.
 */
/** Wire order is this order; the content hash depends on it, so it never changes in v1. */
export const SUMMARY_FIELDS = [
  'receivedInPerson',
  'receivedOnlineAssisted',
  'receivedPostal',
  'assistedSubmitted',
  'assistedFailed',
  'completed',
  'completedOnTime',
  'digitizedComponents',
  'digitizedResults',
  'reused',
  'pages',
] as const;

export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type SummaryCounts = Record<SummaryField, number>;

/** One office-day-procedure. `procedure` is the catalogue key (e.g. `dang-ky-khai-sinh`). */
export interface SummaryKey {
  day: string;
  procedure: string;
}

export interface SummaryRow extends SummaryKey {
  revision: number;
  counts: SummaryCounts;
}

/** Upper bound of any count: far above a real office, and inside PostgreSQL's INTEGER. */
export const MAX_COUNT = 1_000_000_000;

export function zeroCounts(): SummaryCounts {
  return Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, 0])) as SummaryCounts;
}

export function isAllZero(counts: SummaryCounts): boolean {
  return SUMMARY_FIELDS.every((f) => counts[f] === 0);
}

/**
 * The row's figures in canonical form, `n1,n2,…` in SUMMARY_FIELDS order (day and procedure are
 * the row's key). Equal figures give equal keys on every machine, so a recomputation that
 * changes nothing bumps no revision, and the hub can tell a harmless duplicate from two
 * different rows claiming the same revision. A plain string: compared, never trusted for secrecy.
 */
export function figuresKey(counts: SummaryCounts): string {
  let key = String(counts[SUMMARY_FIELDS[0]]);
  for (let i = 1; i < SUMMARY_FIELDS.length; i++) key += `,${counts[SUMMARY_FIELDS[i]!]}`;
  return key;
}

/**
 * The next revision of a row: one more than the last, and never below the wall clock in ms. The
 * clock floor keeps revisions rising even after the database is restored from an older backup
 * (the hub would otherwise hold "newer" revisions and refuse the office's current figures).
 */
export function nextRevision(previous: number | null | undefined, now: number): number {
  return Math.max((previous ?? 0) + 1, Math.floor(now));
}

export function keyOf(row: SummaryKey): string {
  return `${row.day}\u0000${row.procedure}`;
}
