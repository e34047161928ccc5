import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarRepository } from '../../../db/repositories/calendar-repository';
import type { ProceduresRepository } from '../../../db/repositories/procedures-repository';
import type { SettingsRepository } from '../../../db/repositories/settings-repository';
import type { CalendarDay } from '../../api/calls/calendar';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import {
  computeDueDate,
  createWorkCalendar,
  type DueDate,
  type WorkCalendar,
} from './working-days';

export const BUNDLED_HOLIDAYS = join('resources', 'catalog', 'holidays-vn.json');

const SEEDED_KEY = 'calendar.seeded';

/**
 * Loads the shipped holiday list once per database; an office that later deletes days keeps its
 * own calendar (the marker, not emptiness, says it was loaded).
 */
export function seedBundledCalendarSync(
  repo: CalendarRepository,
  settings: SettingsRepository,
  appRoot: string,
  clock: Clock,
): void {
  if (settings.get(SEEDED_KEY) !== undefined) return;
  if (repo.isEmpty()) {
    const doc = JSON.parse(readFileSync(join(appRoot, BUNDLED_HOLIDAYS), 'utf8')) as {
      days: CalendarDay[];
    };
    repo.seed(doc.days, clock.now());
  }
  settings.set(SEEDED_KEY, BUNDLED_HOLIDAYS, clock.now());
}

export function createCalendarService(deps: {
  repo: CalendarRepository;
  procedures: ProceduresRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const workCalendar = (): WorkCalendar => createWorkCalendar(deps.repo.all());
  return {
    workCalendar,
    /** Due date of a file of this procedure; null when the catalogue gives no processing time. */
    dueFor(
      procedure: { processingDays: number | null; cutoff15h: 0 | 1 },
      receivedAt: number,
    ): DueDate | null {
      if (procedure.processingDays === null) return null;
      return computeDueDate(workCalendar(), receivedAt, {
        processingDays: procedure.processingDays,
        cutoff15h: procedure.cutoff15h === 1,
      });
    },
    list: (year?: number): CalendarDay[] =>
      year === undefined ? deps.repo.all() : deps.repo.range(`${year}-01-01`, `${year}-12-31`),
    setDay(day: CalendarDay): CalendarDay {
      const weekday = new Date(`${day.day}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      if (Number.isNaN(weekday) || (day.kind === 'holiday') === weekend) {
        throw new AppError('CALENDAR_DAY_INVALID', { day: day.day, kind: day.kind });
      }
      deps.repo.set(day, deps.clock.now());
      deps.audit.record('calendar.set', day.day, { kind: day.kind, name: day.name });
      return day;
    },
    removeDay(day: string): boolean {
      const removed = deps.repo.remove(day);
      if (removed) deps.audit.record('calendar.remove', day);
      return removed;
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarHandlers(
  service: CalendarService,
  procedures: ProceduresRepository,
  clock: Clock,
): Pick<Handlers, 'calendar.list' | 'calendar.setDay' | 'calendar.removeDay' | 'calendar.dueDate'> {
  return {
    'calendar.list': (input) => service.list(input?.year),
    'calendar.setDay': (day) => service.setDay(day),
    'calendar.removeDay': ({ day }) => ({ removed: service.removeDay(day) }),
    'calendar.dueDate': ({ procedureKey, receivedAt }) => {
      const procedure = procedures.get(procedureKey);
      if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { procedureKey });
      const due = service.dueFor(procedure, receivedAt ? Date.parse(receivedAt) : clock.now());
      return {
        processingDays: procedure.processingDays,
        cutoff15h: procedure.cutoff15h === 1,
        startDay: due?.startDay ?? null,
        dueDay: due?.dueDay ?? null,
        dueAt: due ? new Date(due.dueAt).toISOString() : null,
      };
    },
  };
}
