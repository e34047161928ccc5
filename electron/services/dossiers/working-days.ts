/**
 * Due dates in working days (pure: no clock, no database).
 *
 * - Saturdays and Sundays are not working days, except a Saturday the government swaps in as a
 *   working day (`workday`); a weekday listed as `holiday` (lễ, Tết, nghỉ bù) is not one.
 * - By default the day of receipt is not counted (Bộ luật Dân sự 2015 Art. 147 §1: a period in
 *   days starts on the day after the event), so day one is the next working day.
 * - A procedure with the 15:00 rule (Luật Hộ tịch Art. 16, 34; NĐ 63/2024 liên thông) counts the
 *   day of receipt as day one when the file arrives on a working day no later than 15:00; after
 *   15:00 it counts from the next working day.
 * - The file is due by the end of the last working day (23:59:59.999 in Asia/Ho_Chi_Minh).
 */
import { addDays, vnDay, vnDayStart } from '../shared/vn-time';

export interface CalendarEntry {
  day: string; // YYYY-MM-DD
  kind: 'holiday' | 'workday';
}

export interface WorkCalendar {
  isWorkingDay(day: string): boolean;
}

export interface DueRule {
  processingDays: number;
  cutoff15h: boolean;
}

export interface DueDate {
  /** The first working day counted. */
  startDay: string;
  dueDay: string;
  /** Epoch ms of the last instant of `dueDay` in Vietnam. */
  dueAt: number;
}

const CUTOFF_MS = 15 * 3600_000;
/** No real calendar has a year without a working day; this stops a broken one from looping. */
const MAX_SCAN_DAYS = 400;

export function createWorkCalendar(entries: readonly CalendarEntry[]): WorkCalendar {
  const kinds = new Map(entries.map((e) => [e.day, e.kind]));
  return {
    isWorkingDay(day) {
      const kind = kinds.get(day);
      if (kind === 'holiday') return false;
      if (kind === 'workday') return true;
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(calendar: WorkCalendar, day: string): string {
  let candidate = day;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    candidate = addDays(candidate, 1);
    if (calendar.isWorkingDay(candidate)) return candidate;
  }
  throw new Error(`No working day within ${MAX_SCAN_DAYS} days after ${day}`);
}

/** End of `day` in Vietnam: the last millisecond before the next day starts. */
export function endOfVnDay(day: string): number {
  return vnDayStart(addDays(day, 1)) - 1;
}

export function computeDueDate(calendar: WorkCalendar, receivedAt: number, rule: DueRule): DueDate {
  const receivedDay = vnDay(receivedAt);
  const msIntoDay = receivedAt - vnDayStart(receivedDay);
  const sameDayCounts =
    (rule.cutoff15h || rule.processingDays === 0) &&
    calendar.isWorkingDay(receivedDay) &&
    msIntoDay <= CUTOFF_MS;
  const startDay = sameDayCounts ? receivedDay : nextWorkingDay(calendar, receivedDay);
  let dueDay = startDay;
  for (let counted = 1; counted < rule.processingDays; counted++) {
    dueDay = nextWorkingDay(calendar, dueDay);
  }
  return { startDay, dueDay, dueAt: endOfVnDay(dueDay) };
}
