import type { SqliteDatabase } from '../connection';

/** Summary columns in wire order (native/sync/summary-row.ts SUMMARY_FIELDS ↔ snake_case). */
export const SUMMARY_COLUMNS = {
  receivedInPerson: 'received_in_person',
  receivedOnlineAssisted: 'received_online_assisted',
  receivedPostal: 'received_postal',
  assistedSubmitted: 'assisted_submitted',
  assistedFailed: 'assisted_failed',
  completed: 'completed',
  completedOnTime: 'completed_on_time',
  digitizedComponents: 'digitized_components',
  digitizedResults: 'digitized_results',
  reused: 'reused',
  pages: 'pages',
} as const;
export type SummaryColumnField = keyof typeof SUMMARY_COLUMNS;
const FIELDS = Object.keys(SUMMARY_COLUMNS) as SummaryColumnField[];
const COLUMNS = FIELDS.map((f) => SUMMARY_COLUMNS[f]);
const SELECT_COUNTS = FIELDS.map((f) => `s.${SUMMARY_COLUMNS[f]} AS ${f}`).join(', ');

export interface StoredSummary {
  day: string;
  procedure: string;
  counts: Record<SummaryColumnField, number>;
  figuresKey: string;
  revision: number;
}

export interface SyncKeyRow {
  keyId: string;
  publicKey: string;
  privateKeyFile: string;
  createdAt: number;
  retiredAt: number | null;
}

export type RecipientLevel = 'commune' | 'province' | 'national' | 'sector';

export interface RecipientRow {
  id: number;
  name: string;
  url: string;
  level: RecipientLevel;
  enabled: number;
  officeCode: string;
  keyId: string;
  tlsPinSha256: string | null;
  tlsCaPem: string | null;
  hubName: string;
  enrolledAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastErrorCode: string | null;
  lastErrorDetails: string | null;
  lastErrorAt: number | null;
  failures: number;
  nextAttemptAt: number | null;
  rowsAcknowledged: number;
}

export type NewRecipient = Pick<
  RecipientRow,
  'name' | 'url' | 'level' | 'officeCode' | 'keyId' | 'tlsPinSha256' | 'tlsCaPem' | 'hubName'
> & { enrolledAt: number };

const RECIPIENT_SELECT = `SELECT id, name, url, level, enabled, office_code AS officeCode,
  key_id AS keyId, tls_pin_sha256 AS tlsPinSha256, tls_ca_pem AS tlsCaPem, hub_name AS hubName,
  enrolled_at AS enrolledAt, last_attempt_at AS lastAttemptAt, last_success_at AS lastSuccessAt,
  last_error_code AS lastErrorCode, last_error_details AS lastErrorDetails,
  last_error_at AS lastErrorAt, failures, next_attempt_at AS nextAttemptAt,
  rows_acknowledged AS rowsAcknowledged
  FROM sync_recipients`;

type FlatSummary = Record<SummaryColumnField, number> & {
  day: string;
  procedure: string;
  figuresKey: string;
  revision: number;
};

function unflatten(row: FlatSummary): StoredSummary {
  const counts = {} as Record<SummaryColumnField, number>;
  for (const f of FIELDS) counts[f] = row[f];
  return {
    day: row.day,
    procedure: row.procedure,
    counts,
    figuresKey: row.figuresKey,
    revision: row.revision,
  };
}

/** Keys, recipients, summaries with revisions, the change marks and the outbox (0005). */
export function createSyncRepository(db: SqliteDatabase) {
  const s = {
    insertKey: db.prepare(
      `INSERT INTO sync_keys (key_id, public_key, private_key_file, created_at)
       VALUES (@keyId, @publicKey, @privateKeyFile, @createdAt)`,
    ),
    keys: db.prepare<[], SyncKeyRow>(
      `SELECT key_id AS keyId, public_key AS publicKey, private_key_file AS privateKeyFile,
         created_at AS createdAt, retired_at AS retiredAt FROM sync_keys ORDER BY created_at`,
    ),
    retireKey: db.prepare<[number, string]>(
      'UPDATE sync_keys SET retired_at = ? WHERE key_id = ? AND retired_at IS NULL',
    ),
    insertRecipient: db.prepare(
      `INSERT INTO sync_recipients (name, url, level, office_code, key_id, tls_pin_sha256,
         tls_ca_pem, hub_name, enrolled_at)
       VALUES (@name, @url, @level, @officeCode, @keyId, @tlsPinSha256, @tlsCaPem, @hubName,
         @enrolledAt)`,
    ),
    recipients: db.prepare<[], RecipientRow>(`${RECIPIENT_SELECT} ORDER BY id`),
    recipient: db.prepare<[number], RecipientRow>(`${RECIPIENT_SELECT} WHERE id = ?`),
    recipientByUrl: db.prepare<[string], RecipientRow>(`${RECIPIENT_SELECT} WHERE url = ?`),
    deleteRecipient: db.prepare<[number]>('DELETE FROM sync_recipients WHERE id = ?'),
    setEnabled: db.prepare<[number, number]>('UPDATE sync_recipients SET enabled = ? WHERE id = ?'),
    setRecipientKey: db.prepare<[string, number]>(
      'UPDATE sync_recipients SET key_id = ? WHERE id = ?',
    ),
    attempt: db.prepare<[number, number]>(
      'UPDATE sync_recipients SET last_attempt_at = ? WHERE id = ?',
    ),
    success: db.prepare<[number, number, number]>(
      `UPDATE sync_recipients SET last_success_at = ?, failures = 0, next_attempt_at = NULL,
         last_error_code = NULL, last_error_details = NULL, last_error_at = NULL,
         rows_acknowledged = rows_acknowledged + ? WHERE id = ?`,
    ),
    failure: db.prepare<[string, string, number, number | null, number]>(
      `UPDATE sync_recipients SET last_error_code = ?, last_error_details = ?, last_error_at = ?,
         failures = failures + 1, next_attempt_at = ? WHERE id = ?`,
    ),
    dirty: db.prepare<[number], { day: string; procedure: string }>(
      'SELECT day, procedure_key AS procedure FROM sync_dirty ORDER BY day, procedure_key LIMIT ?',
    ),
    dirtyCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_dirty'),
    clearDirty: db.prepare<[string, string]>(
      'DELETE FROM sync_dirty WHERE day = ? AND procedure_key = ?',
    ),
    markAllDirty: db.prepare<[string, string]>(
      `INSERT OR IGNORE INTO sync_dirty (day, procedure_key)
       SELECT day, procedure_key FROM sync_summaries WHERE day BETWEEN ? AND ?`,
    ),
    markDirty: db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO sync_dirty (day, procedure_key) VALUES (?, ?)',
    ),
    summary: db.prepare<[string, string], FlatSummary>(
      `SELECT s.day, s.procedure_key AS procedure, ${SELECT_COUNTS},
         s.figures_key AS figuresKey, s.revision FROM sync_summaries s
       WHERE s.day = ? AND s.procedure_key = ?`,
    ),
    summaryDays: db.prepare<[], { day: string }>(
      'SELECT DISTINCT day FROM sync_summaries ORDER BY day',
    ),
    upsertSummary: db.prepare(
      `INSERT INTO sync_summaries (day, procedure_key, ${COLUMNS.join(', ')}, figures_key,
         revision, computed_at)
       VALUES (@day, @procedure, ${FIELDS.map((f) => `@${f}`).join(', ')}, @figuresKey,
         @revision, @computedAt)
       ON CONFLICT (day, procedure_key) DO UPDATE SET
         ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
         figures_key = excluded.figures_key, revision = excluded.revision,
         computed_at = excluded.computed_at`,
    ),
    summariesTotals: db.prepare<[string, string], Record<SummaryColumnField, number>>(
      `SELECT ${FIELDS.map((f) => `coalesce(sum(s.${SUMMARY_COLUMNS[f]}), 0) AS ${f}`).join(', ')}
       FROM sync_summaries s WHERE s.day BETWEEN ? AND ?`,
    ),
    enqueue: db.prepare<[string, string, number, number]>(
      `INSERT INTO sync_outbox (recipient_id, day, procedure_key, revision, enqueued_at)
       SELECT id, ?, ?, ?, ? FROM sync_recipients WHERE true
       ON CONFLICT (recipient_id, day, procedure_key) DO UPDATE SET
         revision = max(revision, excluded.revision), enqueued_at = excluded.enqueued_at`,
    ),
    enqueueAllFor: db.prepare<[number, number]>(
      `INSERT INTO sync_outbox (recipient_id, day, procedure_key, revision, enqueued_at)
       SELECT ?, day, procedure_key, revision, ? FROM sync_summaries WHERE true
       ON CONFLICT (recipient_id, day, procedure_key) DO UPDATE SET
         revision = max(revision, excluded.revision)`,
    ),
    pending: db.prepare<[number, number], FlatSummary>(
      `SELECT s.day, s.procedure_key AS procedure, ${SELECT_COUNTS},
         s.figures_key AS figuresKey, s.revision
       FROM sync_outbox o JOIN sync_summaries s
         ON s.day = o.day AND s.procedure_key = o.procedure_key
       WHERE o.recipient_id = ? ORDER BY o.day, o.procedure_key LIMIT ?`,
    ),
    ack: db.prepare<[number, string, string, number]>(
      `DELETE FROM sync_outbox
       WHERE recipient_id = ? AND day = ? AND procedure_key = ? AND revision <= ?`,
    ),
    backlog: db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM sync_outbox WHERE recipient_id = ?',
    ),
    bumpRevision: db.prepare<[number, string, string]>(
      'UPDATE sync_summaries SET revision = ? WHERE day = ? AND procedure_key = ?',
    ),
  };

  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),

    insertKey: (key: Omit<SyncKeyRow, 'retiredAt'>) => void s.insertKey.run(key),
    keys: (): SyncKeyRow[] => s.keys.all(),
    retireKey: (keyId: string, at: number) => void s.retireKey.run(at, keyId),

    insertRecipient: (r: NewRecipient): number => Number(s.insertRecipient.run(r).lastInsertRowid),
    recipients: (): RecipientRow[] => s.recipients.all(),
    recipient: (id: number): RecipientRow | undefined => s.recipient.get(id),
    recipientByUrl: (url: string): RecipientRow | undefined => s.recipientByUrl.get(url),
    deleteRecipient: (id: number) => void s.deleteRecipient.run(id),
    setEnabled: (id: number, enabled: boolean) => void s.setEnabled.run(enabled ? 1 : 0, id),
    setRecipientKey: (id: number, keyId: string) => void s.setRecipientKey.run(keyId, id),
    recordAttempt: (id: number, at: number) => void s.attempt.run(at, id),
    recordSuccess: (id: number, at: number, rows: number) => void s.success.run(at, rows, id),
    recordFailure: (id: number, code: string, details: string, at: number, next: number | null) =>
      void s.failure.run(code, details, at, next, id),

    dirtyKeys: (limit: number) => s.dirty.all(limit),
    dirtyCount: (): number => s.dirtyCount.get()!.n,
    clearDirty: (day: string, procedure: string) => void s.clearDirty.run(day, procedure),
    markDirty: (day: string, procedure: string) => void s.markDirty.run(day, procedure),
    markSummariesDirty: (fromDay: string, toDay: string) => void s.markAllDirty.run(fromDay, toDay),

    summary: (day: string, procedure: string): StoredSummary | undefined => {
      const row = s.summary.get(day, procedure);
      return row ? unflatten(row) : undefined;
    },
    summaryDays: (): string[] => s.summaryDays.all().map((r) => r.day),
    upsertSummary: (row: StoredSummary, computedAt: number) =>
      void s.upsertSummary.run({
        day: row.day,
        procedure: row.procedure,
        ...row.counts,
        figuresKey: row.figuresKey,
        revision: row.revision,
        computedAt,
      }),
    totals: (fromDay: string, toDay: string) => s.summariesTotals.get(fromDay, toDay)!,

    /** Queues a new revision for every recipient (enabled or not: a paused hub catches up). */
    enqueue: (day: string, procedure: string, revision: number, at: number) =>
      void s.enqueue.run(day, procedure, revision, at),
    enqueueEverythingFor: (recipientId: number, at: number) =>
      void s.enqueueAllFor.run(recipientId, at),
    pending: (recipientId: number, limit: number): StoredSummary[] =>
      s.pending.all(recipientId, limit).map(unflatten),
    acknowledge: (recipientId: number, day: string, procedure: string, revision: number) =>
      s.ack.run(recipientId, day, procedure, revision).changes,
    backlog: (recipientId: number): number => s.backlog.get(recipientId)!.n,
    setRevision: (day: string, procedure: string, revision: number) =>
      void s.bumpRevision.run(revision, day, procedure),
  };
}
export type SyncRepository = ReturnType<typeof createSyncRepository>;
