import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../electron/host/app-root';
import {
  computeDueDate,
  createWorkCalendar,
  type CalendarEntry,
} from '../../../electron/services/dossiers/working-days';
import { addDays, vnDay } from '../../../electron/services/shared/vn-time';

const SHIPPED = JSON.parse(
  readFileSync(join(APP_ROOT, 'resources', 'catalog', 'holidays-vn.json'), 'utf8'),
) as { days: CalendarEntry[] };
const calendar = createWorkCalendar(SHIPPED.days);
const at = (local: string) => Date.parse(`${local}+07:00`);
const due = (received: string, processingDays: number, cutoff15h = false) =>
  computeDueDate(calendar, at(received), { processingDays, cutoff15h });

describe('working-day due dates', () => {
  it('skips weekends: the day of receipt is not counted (BLDS 2015 Art. 147)', () => {
    // Thursday 2026-11-19 + 3 working days → Fri 20, Mon 23, Tue 24.
    expect(due('2026-11-19T09:00:00', 3)).toMatchObject({
      startDay: '2026-11-20',
      dueDay: '2026-11-24',
    });
    // Friday afternoon + 1 → Monday.
    expect(due('2026-11-20T16:30:00', 1).dueDay).toBe('2026-11-23');
    // Received on a Saturday (desk open) → counting starts Monday.
    expect(due('2026-11-21T08:00:00', 2)).toMatchObject({
      startDay: '2026-11-23',
      dueDay: '2026-11-24',
    });
  });

  it('skips the Tết Ất Tỵ break (27–31/1/2025) and the weekends around it', () => {
    // Friday 24/1/2025 + 3 working days: 25–26 weekend, 27–31 Tết, 1–2/2 weekend → 3, 4, 5 Feb.
    expect(due('2025-01-24T10:00:00', 3)).toMatchObject({
      startDay: '2025-02-03',
      dueDay: '2025-02-05',
    });
    // 7 working days for an ID card received the Wednesday before Tết: 23, 24/1, then 3–7/2.
    expect(due('2025-01-22T10:00:00', 7).dueDay).toBe('2025-02-07');
  });

  it('counts a swapped working Saturday (26/4/2025) and skips 30/4, 1/5 and the swapped 2/5', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    // Friday 25/4 + 2: Sat 26/4 (worked), Mon 28/4.
    expect(due('2025-04-25T10:00:00', 2).dueDay).toBe('2025-04-28');
    // Tuesday 29/4 + 1: 30/4, 1/5, 2/5 off, weekend → Monday 5/5.
    expect(due('2025-04-29T10:00:00', 1).dueDay).toBe('2025-05-05');
  });

  it('applies the 15:00 rule: before 15:00 the day counts, after it the next working day', () => {
    // Khai sinh: 1 working day, "trả ngay trong ngày; sau 15 giờ trả ngày làm việc tiếp theo".
    expect(due('2026-11-24T14:59:59', 1, true).dueDay).toBe('2026-11-24');
    expect(due('2026-11-24T15:00:00', 1, true).dueDay).toBe('2026-11-24');
    expect(due('2026-11-24T15:00:01', 1, true).dueDay).toBe('2026-11-25');
    // Liên thông khai sinh, 3 days: Friday 16:00 → Mon, Tue, Wed.
    expect(due('2026-11-20T16:00:00', 3, true)).toMatchObject({
      startDay: '2026-11-23',
      dueDay: '2026-11-25',
    });
    // Friday 31/1/2025 is in Tết: even at 09:00 it counts from the next working day.
    expect(due('2025-01-31T09:00:00', 1, true).dueDay).toBe('2025-02-03');
    // Without the rule, a morning file still starts the next day.
    expect(due('2026-11-24T08:00:00', 1, false).dueDay).toBe('2026-11-25');
  });

  it('is due at the last millisecond of the due day in Vietnam', () => {
    const d = due('2026-11-24T10:00:00', 1);
    expect(new Date(d.dueAt).toISOString()).toBe('2026-11-25T16:59:59.999Z');
    expect(vnDay(d.dueAt)).toBe('2026-11-25');
  });

  it('never lands on a day off, is never before receipt, and grows with the processing time', () => {
    const start = Date.parse('2021-01-01T00:00:00+07:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 * 365 * 24 * 60 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        (minutes, days, cutoff) => {
          const received = start + minutes * 60_000;
          const a = computeDueDate(calendar, received, { processingDays: days, cutoff15h: cutoff });
          const b = computeDueDate(calendar, received, {
            processingDays: days + 1,
            cutoff15h: cutoff,
          });
          expect(calendar.isWorkingDay(a.dueDay)).toBe(true);
          expect(a.dueDay >= vnDay(received)).toBe(true);
          // 0 days ("same day") and 1 day coincide on a day off; from 1 day on, each day counts.
          expect(days === 0 ? b.dueDay >= a.dueDay : b.dueDay > a.dueDay).toBe(true);
          expect(a.startDay <= a.dueDay || days === 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has a shipped holiday list of weekday holidays and weekend working days only', () => {
    for (const entry of SHIPPED.days) {
      const weekday = new Date(`${entry.day}T00:00:00Z`).getUTCDay();
      expect(
        entry.kind === 'holiday' ? weekday >= 1 && weekday <= 5 : weekday === 6 || weekday === 0,
        entry.day,
      ).toBe(true);
    }
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
