import type { CitizensRepository } from '../../../db/repositories/citizens-repository';
import type { DossierRow, DossiersRepository } from '../../../db/repositories/dossiers-repository';
import type { ProceduresRepository } from '../../../db/repositories/procedures-repository';
import { maskIdNumber } from '../../../native/cccd/id-number';
import type { Dossier, TodayCounts } from '../../api/calls/dossiers';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnDay, yymmdd } from '../shared/vn-time';

export interface DossiersDeps {
  dossiers: DossiersRepository;
  citizens: CitizensRepository;
  procedures: ProceduresRepository;
  settings: SettingsService;
  audit: AuditService;
  clock: Clock;
  events: EventBus;
}

/** The UI and every export see masked ID numbers; the full number stays in the database. */
export function toDossier(row: DossierRow): Dossier {
  return {
    code: row.code,
    procedureKey: row.procedureKey,
    procedureName: row.procedureName,
    citizenIdMasked: row.citizenIdNumber ? maskIdNumber(row.citizenIdNumber) : null,
    citizenName: row.citizenName,
    channel: row.channel,
    status: row.status,
    receivedAt: new Date(row.receivedAt).toISOString(),
    receivedDay: row.receivedDay,
  };
}

export function createDossiersHandlers(
  deps: DossiersDeps,
): Pick<Handlers, 'dossiers.create' | 'dossiers.todayCounts' | 'dossiers.listRecent'> {
  return {
    'dossiers.create': ({ procedureKey, channel, citizen, note }) => {
      const office = deps.settings.requireOffice();
      if (!deps.procedures.get(procedureKey))
        throw new AppError('PROCEDURE_NOT_FOUND', { procedureKey });
      const now = deps.clock.now();
      const day = vnDay(now);
      const code = deps.dossiers.create(
        office.agencyCode,
        yymmdd(day),
        {
          procedureKey,
          citizenIdNumber: citizen.idNumber,
          channel,
          receivedAt: now,
          receivedDay: day,
          dueAt: null,
          note: note ?? '',
          createdBy: 'counter',
        },
        // Inside the same transaction: the citizen row and the dossier land together or not at all.
        () => deps.citizens.upsert(citizen, now),
      );
      deps.audit.record('dossier.create', code, { procedureKey });
      deps.events.publish({ type: 'dossier.created', at: now, code, procedureKey, day });
      return toDossier(deps.dossiers.get(code)!);
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
    'dossiers.listRecent': (input) => deps.dossiers.recent(input?.limit ?? 20).map(toDossier),
  };
}
