import type { DossierRow } from '../../../db/repositories/dossiers-repository';
import { maskIdNumber } from '../../../native/cccd/id-number';
import type { Dossier, DossierTimeliness } from '../../api/calls/dossiers';
import { vnDay } from '../shared/vn-time';

const DAY_MS = 86_400_000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function isOpen(status: DossierRow['status']): boolean {
  return status === 'received' || status === 'processing';
}

/** QĐ 766: a finished file is on time when completed by its due time; an open one until then. */
export function timelinessOf(row: DossierRow, now: number): DossierTimeliness {
  if (row.status === 'cancelled') return 'cancelled';
  if (row.dueAt === null) return 'no_deadline';
  if (isOpen(row.status)) return now > row.dueAt ? 'overdue' : 'in_time';
  return row.completedAt !== null && row.completedAt <= row.dueAt ? 'on_time' : 'late';
}

/** The UI and every export see masked ID numbers; the full number stays in the database. */
export function toDossier(row: DossierRow, now: number): Dossier {
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
    applicantKind: row.applicantKind,
    organizationName: row.organizationName,
    intakeMethod: row.intakeMethod,
    dueAt: iso(row.dueAt),
    // The due instant is the last millisecond of the due day in Vietnam (working-days.ts).
    dueDay: row.dueAt === null ? null : vnDay(row.dueAt),
    processingAt: iso(row.processingAt),
    completedAt: iso(row.completedAt),
    statusChangedAt: new Date(row.statusChangedAt).toISOString(),
    statusNote: row.statusNote,
    levelAtReceipt: row.levelAtReceipt,
    assistedOutcome: row.assistedOutcome,
    assistedFailureReason: row.assistedFailureReason,
    onlineReference: row.onlineReference,
    timeliness: timelinessOf(row, now),
    idleDays: isOpen(row.status)
      ? Math.max(0, Math.floor((now - row.statusChangedAt) / DAY_MS))
      : null,
  };
}
