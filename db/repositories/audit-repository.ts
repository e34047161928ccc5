import type { SqliteDatabase } from '../connection';

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  subject?: string;
  detail?: Record<string, unknown>;
}

/** Append-only: there is deliberately no update or delete statement here. */
export function createAuditRepository(db: SqliteDatabase) {
  const insert = db.prepare<[number, string, string, string, string]>(
    'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const recent = db.prepare<
    [number],
    { at: number; actor: string; action: string; subject: string; detail: string }
  >('SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?');
  const bySubject = db.prepare<
    [string, number],
    { at: number; actor: string; action: string; detail: string }
  >('SELECT at, actor, action, detail FROM audit_log WHERE subject = ? ORDER BY id LIMIT ?');
  return {
    forSubject: (subject: string, limit = 200) => bySubject.all(subject, limit),
    append(entry: AuditEntry): void {
      insert.run(
        entry.at,
        entry.actor,
        entry.action,
        entry.subject ?? '',
        JSON.stringify(entry.detail ?? {}),
      );
    },
    recent: (limit: number) => recent.all(limit),
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
