import type { CitizensRepository } from '../../../db/repositories/citizens-repository';
import type {
  DossierCursor,
  DossierListFilter,
  DossiersRepository,
} from '../../../db/repositories/dossiers-repository';
import type { ProceduresRepository } from '../../../db/repositories/procedures-repository';
import type { TodayCounts } from '../../api/calls/dossiers';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { DossierStatus } from '../../api/schemas';
import type { AuditService } from '../audit/audit-service';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { addDays, vnDay, vnDayStart, yymmdd } from '../shared/vn-time';
import type { CalendarService } from './calendar-service';
import type { DeskSettings } from './desk-settings';
import { toDossier } from './dossier-view';

export { toDossier } from './dossier-view';

export interface DossiersDeps {
  dossiers: DossiersRepository;
  citizens: CitizensRepository;
  procedures: ProceduresRepository;
  settings: SettingsService;
  desk: DeskSettings;
  calendar: CalendarService;
  audit: AuditService;
  clock: Clock;
  events: EventBus;
}

/** received → processing → done / returned / cancelled; a finished file never reopens. */
const NEXT: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  received: ['processing', 'done', 'returned', 'cancelled'],
  processing: ['done', 'returned', 'cancelled'],
  done: [],
  returned: [],
  cancelled: [],
};

const DAY_MS = 86_400_000;
const MAX_PERIOD_DAYS = 3700; // ten years and a little: a typo like 20266 is refused

/** A calendar day that exists (2026-02-30 does not) → epoch range of the days in Vietnam. */
export function periodRange(from: string, to: string): { fromMs: number; toMs: number } {
  const valid = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && addDays(d, 0) === d;
  if (!valid(from) || !valid(to) || from > to) throw new AppError('PERIOD_INVALID', { from, to });
  const fromMs = vnDayStart(from);
  const toMs = vnDayStart(addDays(to, 1)) - 1;
  if ((toMs - fromMs) / DAY_MS > MAX_PERIOD_DAYS)
    throw new AppError('PERIOD_INVALID', { from, to });
  return { fromMs, toMs };
}

function encodeCursor(c: DossierCursor): string {
  return `${c.receivedAt}.${c.id}`;
}

function decodeCursor(text: string | undefined): DossierCursor | null {
  const match = text ? /^(\d+)\.(\d+)$/.exec(text) : null;
  return match ? { receivedAt: Number(match[1]), id: Number(match[2]) } : null;
}

export function createDossiersHandlers(
  deps: DossiersDeps,
): Pick<
  Handlers,
  | 'dossiers.create'
  | 'dossiers.todayCounts'
  | 'dossiers.listRecent'
  | 'dossiers.list'
  | 'dossiers.get'
  | 'dossiers.setStatus'
  | 'dossiers.recordAssistedFiling'
  | 'dossiers.getSettings'
  | 'dossiers.updateSettings'
> {
  const find = (code: string) => {
    const row = deps.dossiers.get(code);
    if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code });
    return row;
  };
  const publishUpdate = (code: string, procedureKey: string, day: string) =>
    deps.events.publish({ type: 'dossier.updated', at: deps.clock.now(), code, procedureKey, day });

  return {
    'dossiers.create': (input) => {
      const office = deps.settings.requireOffice();
      const procedure = deps.procedures.get(input.procedureKey);
      if (!procedure)
        throw new AppError('PROCEDURE_NOT_FOUND', { procedureKey: input.procedureKey });
      const individual = input.applicantKind === 'individual';
      if (individual && !input.citizen) throw new AppError('APPLICANT_ID_REQUIRED');
      if (!individual && !input.organizationName) throw new AppError('ORGANIZATION_NAME_REQUIRED');
      const now = deps.clock.now();
      const day = vnDay(now);
      // Chỉ thị 24/CT-TTg: from its day the desk takes no paper for the procedure, it assists.
      if (
        procedure.onlineOnlyFrom &&
        day >= procedure.onlineOnlyFrom &&
        input.channel !== 'online_assisted'
      ) {
        throw new AppError('PAPER_NOT_ACCEPTED', {
          procedureKey: procedure.key,
          onlineOnlyFrom: procedure.onlineOnlyFrom,
        });
      }
      const assisted = input.assistedFiling;
      if (assisted && input.channel !== 'online_assisted')
        throw new AppError('ASSISTED_FILING_CHANNEL');
      if (assisted?.outcome === 'failed' && !assisted.reason) {
        throw new AppError('ASSISTED_REASON_REQUIRED');
      }
      const due = deps.calendar.dueFor(procedure, now);
      const { workstationPrefix } = deps.desk.get();
      const code = deps.dossiers.create(
        office.agencyCode,
        yymmdd(day),
        {
          procedureKey: procedure.key,
          citizenIdNumber: input.citizen?.idNumber ?? null,
          channel: input.channel,
          receivedAt: now,
          receivedDay: day,
          dueAt: due?.dueAt ?? null,
          note: input.note ?? '',
          createdBy: 'counter',
          applicantKind: input.applicantKind,
          organizationName: individual ? null : (input.organizationName ?? null),
          intakeMethod: input.intakeMethod ?? null,
          levelAtReceipt: procedure.currentLevel,
          assistedOutcome: assisted?.outcome ?? null,
          assistedFailureReason: assisted?.outcome === 'failed' ? (assisted.reason ?? null) : null,
          onlineReference: assisted?.reference ?? null,
        },
        // Inside the same transaction: the citizen row and the dossier land together or not at all.
        input.citizen ? () => deps.citizens.upsert(input.citizen!, now) : undefined,
        workstationPrefix,
      );
      deps.audit.record('dossier.create', code, {
        procedureKey: procedure.key,
        channel: input.channel,
        ...(assisted ? { assisted: assisted.outcome } : {}),
      });
      deps.events.publish({
        type: 'dossier.created',
        at: now,
        code,
        procedureKey: procedure.key,
        day,
      });
      return toDossier(deps.dossiers.get(code)!, now);
    },
    'dossiers.todayCounts': (): TodayCounts => {
      const day = vnDay(deps.clock.now());
      const counts = new Map(deps.dossiers.countsForDay(day).map((c) => [c.procedureKey, c.count]));
      const byProcedure = deps.procedures
        .list()
        .map((p) => ({ procedureKey: p.key, name: p.name, count: counts.get(p.key) ?? 0 }));
      // The total also counts procedures a newer catalogue retired: they were received today.
      const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
      return { day, total, byProcedure };
    },
    'dossiers.listRecent': (input) => {
      const now = deps.clock.now();
      return deps.dossiers.recent(input?.limit ?? 20).map((row) => toDossier(row, now));
    },
    'dossiers.list': (input) => {
      const now = deps.clock.now();
      const { stuckAfterDays } = deps.desk.get();
      const filter: DossierListFilter = {
        ...periodRange(input.from, input.to),
        procedureKeys: input.procedureKey ? [input.procedureKey] : null,
        status: input.status ?? null,
        channel: input.channel ?? null,
        codeLike: input.code ? `%${input.code.replace(/[%_]/g, '')}%` : null,
        open: input.view !== 'all',
        dueBefore: input.view === 'overdue' ? now : null,
        idleSince: input.view === 'stuck' ? now - stuckAfterDays * DAY_MS : null,
      };
      const rows = deps.dossiers.list(filter, input.limit, decodeCursor(input.cursor));
      const last = rows[rows.length - 1];
      return {
        total: deps.dossiers.count(filter),
        items: rows.map((row) => toDossier(row, now)),
        nextCursor: rows.length === input.limit && last ? encodeCursor(last) : null,
      };
    },
    'dossiers.get': ({ code }) => {
      const row = find(code);
      return {
        ...toDossier(row, deps.clock.now()),
        events: deps.audit.forSubject(code).map((e) => ({
          at: new Date(e.at).toISOString(),
          actor: e.actor,
          action: e.action,
          detail: e.detail,
        })),
      };
    },
    'dossiers.setStatus': ({ code, status, note }) => {
      const row = find(code);
      if (!NEXT[row.status].includes(status)) {
        throw new AppError('DOSSIER_TRANSITION_INVALID', { from: row.status, to: status });
      }
      if ((status === 'returned' || status === 'cancelled') && !note) {
        throw new AppError('DOSSIER_REASON_REQUIRED', { status });
      }
      const now = deps.clock.now();
      deps.dossiers.setStatus(code, status, now, note ?? '');
      deps.audit.record('dossier.status', code, { from: row.status, to: status, note: note ?? '' });
      publishUpdate(code, row.procedureKey, row.receivedDay);
      return toDossier(deps.dossiers.get(code)!, now);
    },
    'dossiers.recordAssistedFiling': ({ code, outcome, reason, reference }) => {
      const row = find(code);
      if (row.channel !== 'online_assisted')
        throw new AppError('ASSISTED_FILING_CHANNEL', { code });
      if (outcome === 'failed' && !reason) throw new AppError('ASSISTED_REASON_REQUIRED');
      deps.dossiers.setAssisted(
        code,
        outcome,
        outcome === 'failed' ? reason! : null,
        reference ?? null,
      );
      deps.audit.record('dossier.assisted', code, { outcome, reason: reason ?? '' });
      publishUpdate(code, row.procedureKey, row.receivedDay);
      return toDossier(deps.dossiers.get(code)!, deps.clock.now());
    },
    'dossiers.getSettings': () => deps.desk.get(),
    'dossiers.updateSettings': (input) => {
      const saved = deps.desk.update(input);
      deps.events.publish({ type: 'settings.changed', at: deps.clock.now() });
      return saved;
    },
  };
}
