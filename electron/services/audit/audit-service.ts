import type { AuditRepository } from '../../../db/repositories/audit-repository';
import type { Clock } from '../shared/clock';

/**
 * Privacy rule: every access to personal data is logged — who, what action, which subject —
 * never the data itself.
 */
export interface AuditService {
  record(action: string, subject: string, detail?: Record<string, unknown>): void;
  /** What was done to one record (a dossier's timeline), oldest first. */
  forSubject(subject: string): { at: number; actor: string; action: string; detail: string }[];
}

export function createAuditService(
  repo: AuditRepository,
  clock: Clock,
  actor: string,
): AuditService {
  return {
    record(action, subject, detail) {
      repo.append({ at: clock.now(), actor, action, subject, ...(detail ? { detail } : {}) });
    },
    forSubject: (subject) => repo.forSubject(subject),
  };
}
