import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { isoDay } from '../schemas';

export const calendarDaySchema = z.object({
  day: isoDay,
  /** holiday: a weekday off (lễ, Tết, nghỉ bù); workday: a Saturday or Sunday worked in exchange. */
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(200),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarCalls = {
  'calendar.list': defineCall({
    summary: 'Holidays and swapped working days of the office calendar (optionally one year).',
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).optional(),
    output: z.array(calendarDaySchema),
    errors: [],
  }),
  'calendar.setDay': defineCall({
    summary: 'Add or change a holiday or a swapped working day (future due dates only).',
    input: calendarDaySchema,
    output: calendarDaySchema,
    errors: ['CALENDAR_DAY_INVALID'],
  }),
  'calendar.removeDay': defineCall({
    summary: 'Remove a day from the office calendar.',
    input: z.object({ day: isoDay }),
    output: z.object({ removed: z.boolean() }),
    errors: [],
  }),
  'calendar.dueDate': defineCall({
    summary: 'When a file of this procedure received now (or at a given time) would be due.',
    input: z.object({
      procedureKey: z.string().min(1).max(80),
      receivedAt: z.string().datetime({ offset: true }).optional(),
    }),
    output: z.object({
      processingDays: z.number().int().nullable(),
      cutoff15h: z.boolean(),
      startDay: isoDay.nullable(),
      dueDay: isoDay.nullable(),
      dueAt: z.string().nullable(),
    }),
    errors: ['PROCEDURE_NOT_FOUND'],
  }),
};
