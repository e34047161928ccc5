/**
 * Every statement of the hub, written once for both dialects (see hub-sql.ts). Counts use the
 * workstation's column names, so a row means the same thing at every level.
 */
import { SUMMARY_COLUMNS, type SummaryColumnField } from '../repositories/sync-repository';
import type { HubSql, HubSqlExecutor, SqlValue } from './hub-sql';

const FIELDS = Object.keys(SUMMARY_COLUMNS) as SummaryColumnField[];
const COLUMNS = FIELDS.map((f) => SUMMARY_COLUMNS[f]);
const SUM_COLUMNS = FIELDS.map(
  (f) => `CAST(COALESCE(SUM(${SUMMARY_COLUMNS[f]}), 0) AS BIGINT) AS "${f}"`,
);

export type Counts = Record<SummaryColumnField, number>;

export interface HubRow {
  day: string;
  procedure: string;
  revision: number;
  figuresKey: string;
  counts: Counts;
}

export interface HubKey {
  keyId: string;
  officeCode: string;
  publicKey: string;
  status: 'active' | 'retired' | 'revoked';
  origin: 'code' | 'import' | 'rotation';
  label: string;
  createdAt: number;
  endedAt: number | null;
}

export interface HubOffice {
  code: string;
  name: string;
  createdAt: number;
  lastBatchAt: number | null;
  lastSentAt: number | null;
  lastCompleteAt: number | null;
  batches: number;
  rowsApplied: number;
  activeKeys: number;
  revokedKeys: number;
}

export type TotalsGroup = 'office' | 'procedure' | 'day' | 'month';
const GROUP_EXPR: Record<TotalsGroup, string> = {
  office: 'office_code',
  procedure: 'procedure_key',
  day: 'day',
  month: 'SUBSTR(day, 1, 7)',
};

export type TotalsRow = Counts & {
  office?: string;
  procedure?: string;
  day?: string;
  month?: string;
  rows: number;
};

const KEY_SELECT = `SELECT key_id AS "keyId", office_code AS "officeCode", public_key AS "publicKey",
  status, origin, label, created_at AS "createdAt", ended_at AS "endedAt" FROM hub_keys`;

const UPSERT_CHUNK = 500;

function upsertSql(table: 'hub_summaries' | 'hub_rollup', rows: number, withOffice: boolean) {
  const cols = [
    ...(withOffice ? ['office_code'] : []),
    'day',
    'procedure_key',
    ...COLUMNS,
    'figures_key',
    'revision',
    ...(withOffice ? ['received_at'] : []),
  ];
  const one = `(${cols.map(() => '?').join(', ')})`;
  const key = withOffice ? 'office_code, day, procedure_key' : 'day, procedure_key';
  const set = [...COLUMNS, 'figures_key', 'revision', ...(withOffice ? ['received_at'] : [])]
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  // The WHERE makes the upsert itself refuse an older revision, even between racing requests.
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}
    ON CONFLICT (${key}) DO UPDATE SET ${set} WHERE excluded.revision > ${table}.revision`;
}

// The forwarder writes its rollup with nextRevision() only, so the revision guard never refuses it.
const UPSERT_ROLLUP = upsertSql('hub_rollup', 1, false);

function rowParams(row: HubRow): SqlValue[] {
  return [
    row.day,
    row.procedure,
    ...FIELDS.map((f) => row.counts[f]),
    row.figuresKey,
    row.revision,
  ];
}

function toHubRow(r: Record<string, unknown>): HubRow {
  const counts = {} as Counts;
  for (const f of FIELDS) counts[f] = Number(r[f]);
  return {
    day: String(r.day),
    procedure: String(r.procedure),
    revision: Number(r.revision),
    figuresKey: String(r.figuresKey),
    counts,
  };
}

const ROW_SELECT = (table: string) =>
  `SELECT day, procedure_key AS "procedure", ${FIELDS.map((f) => `${SUMMARY_COLUMNS[f]} AS "${f}"`).join(', ')},
   figures_key AS "figuresKey", revision FROM ${table}`;

export function createHubRepository(sql: HubSql) {
  return {
    sql,
    // --- settings ------------------------------------------------------------------------
    async setting(key: string): Promise<string | null> {
      const rows = await sql.query<{ value: string }>(
        'SELECT value FROM hub_settings WHERE key = ?',
        [key],
      );
      return rows[0]?.value ?? null;
    },
    setSetting: (key: string, value: string) =>
      sql.run(
        'INSERT INTO hub_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      ),

    // --- offices, keys, enrollment codes -------------------------------------------------
    ensureOffice: (tx: HubSqlExecutor, code: string, name: string, now: number) =>
      tx.run(
        `INSERT INTO hub_offices (code, name, created_at) VALUES (?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN hub_offices.name ELSE excluded.name END`,
        [code, name, now],
      ),
    async offices(): Promise<HubOffice[]> {
      return sql.query<HubOffice>(
        `SELECT o.code, o.name, o.created_at AS "createdAt", o.last_batch_at AS "lastBatchAt",
           o.last_sent_at AS "lastSentAt", o.last_complete_at AS "lastCompleteAt", o.batches,
           o.rows_applied AS "rowsApplied",
           (SELECT COUNT(*) FROM hub_keys k WHERE k.office_code = o.code AND k.status = 'active') AS "activeKeys",
           (SELECT COUNT(*) FROM hub_keys k WHERE k.office_code = o.code AND k.status = 'revoked') AS "revokedKeys"
         FROM hub_offices o ORDER BY o.code`,
      );
    },
    async key(tx: HubSqlExecutor, keyId: string): Promise<HubKey | null> {
      return (await tx.query<HubKey>(`${KEY_SELECT} WHERE key_id = ?`, [keyId]))[0] ?? null;
    },
    async keysOf(exec: HubSqlExecutor, officeCode: string): Promise<HubKey[]> {
      return exec.query<HubKey>(`${KEY_SELECT} WHERE office_code = ? ORDER BY created_at`, [
        officeCode,
      ]);
    },
    async officeExists(exec: HubSqlExecutor, code: string): Promise<boolean> {
      return (
        (await exec.query('SELECT 1 AS one FROM hub_offices WHERE code = ?', [code])).length > 0
      );
    },
    insertKey: (tx: HubSqlExecutor, k: Omit<HubKey, 'endedAt' | 'status'>) =>
      tx.run(
        `INSERT INTO hub_keys (key_id, office_code, public_key, status, origin, label, created_at)
         VALUES (?, ?, ?, 'active', ?, ?, ?)`,
        [k.keyId, k.officeCode, k.publicKey, k.origin, k.label, k.createdAt],
      ),
    /** Ends every active key of the office (or one), as retired (rotation) or revoked. */
    endKeys: (
      tx: HubSqlExecutor,
      officeCode: string,
      status: 'retired' | 'revoked',
      at: number,
      keyId: string | null,
    ) =>
      tx.run(
        `UPDATE hub_keys SET status = ?, ended_at = ?
         WHERE office_code = ? AND status <> 'revoked' AND (CAST(? AS TEXT) IS NULL OR key_id = ?)`,
        [status, at, officeCode, keyId, keyId],
      ),
    insertCode: (tx: HubSqlExecutor, hash: string, office: string, now: number, expires: number) =>
      tx.run(
        'INSERT INTO hub_enrollment_codes (code_hash, office_code, created_at, expires_at) VALUES (?, ?, ?, ?)',
        [hash, office, now, expires],
      ),
    async code(tx: HubSqlExecutor, hash: string) {
      const rows = await tx.query<{ officeCode: string; expiresAt: number; usedAt: number | null }>(
        `SELECT office_code AS "officeCode", expires_at AS "expiresAt", used_at AS "usedAt"
         FROM hub_enrollment_codes WHERE code_hash = ?`,
        [hash],
      );
      return rows[0] ?? null;
    },
    /** 1 when this call used the code, 0 when another request used it first. */
    useCode: (tx: HubSqlExecutor, hash: string, at: number, keyId: string) =>
      tx.run(
        'UPDATE hub_enrollment_codes SET used_at = ?, key_id = ? WHERE code_hash = ? AND used_at IS NULL',
        [at, keyId, hash],
      ),

    // --- batches and summaries -------------------------------------------------------------
    /** false when the batch id was already accepted (a replay). */
    async recordBatch(
      tx: HubSqlExecutor,
      b: {
        batchId: string;
        office: string;
        keyId: string;
        sentAt: number;
        now: number;
        rows: number;
        applied: number;
      },
    ): Promise<boolean> {
      const changed = await tx.run(
        `INSERT INTO hub_batches (batch_id, office_code, key_id, sent_at, received_at, rows_in_batch, rows_applied)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (batch_id) DO NOTHING`,
        [b.batchId, b.office, b.keyId, b.sentAt, b.now, b.rows, b.applied],
      );
      return changed === 1;
    },
    async storedRevisions(tx: HubSqlExecutor, office: string, fromDay: string, toDay: string) {
      return tx.query<{ day: string; procedure: string; revision: number; figuresKey: string }>(
        `SELECT day, procedure_key AS "procedure", revision, figures_key AS "figuresKey"
         FROM hub_summaries WHERE office_code = ? AND day BETWEEN ? AND ?`,
        [office, fromDay, toDay],
      );
    },
    async upsertSummaries(tx: HubSqlExecutor, office: string, rows: HubRow[], now: number) {
      for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
        const chunk = rows.slice(i, i + UPSERT_CHUNK);
        await tx.run(
          upsertSql('hub_summaries', chunk.length, true),
          chunk.flatMap((r) => [office, ...rowParams(r), now]),
        );
        await tx.run(
          `INSERT INTO hub_rollup_dirty (day, procedure_key) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
           ON CONFLICT (day, procedure_key) DO NOTHING`,
          chunk.flatMap((r) => [r.day, r.procedure]),
        );
      }
    },
    officeAfterBatch: (
      tx: HubSqlExecutor,
      o: { office: string; now: number; sentAt: number; final: boolean; applied: number },
    ) =>
      tx.run(
        `UPDATE hub_offices SET last_batch_at = ?, last_sent_at = ?, batches = batches + 1,
           rows_applied = rows_applied + ?,
           last_complete_at = CASE WHEN ? = 1 THEN ? ELSE last_complete_at END
         WHERE code = ?`,
        [o.now, o.sentAt, o.applied, o.final ? 1 : 0, o.sentAt, o.office],
      ),
    pruneBatches: (before: number) =>
      sql.run('DELETE FROM hub_batches WHERE received_at < ?', [before]),

    async totals(
      fromDay: string,
      toDay: string,
      groups: readonly TotalsGroup[],
      office: string | null,
    ): Promise<TotalsRow[]> {
      const select = groups.map((g) => `${GROUP_EXPR[g]} AS "${g}"`);
      const by = groups.map((g) => GROUP_EXPR[g]);
      return sql.query<TotalsRow>(
        `SELECT ${[...select, ...SUM_COLUMNS, 'COUNT(*) AS "rows"'].join(', ')}
         FROM hub_summaries WHERE day BETWEEN ? AND ? AND (CAST(? AS TEXT) IS NULL OR office_code = ?)
         ${by.length > 0 ? `GROUP BY ${by.join(', ')} ORDER BY ${by.join(', ')}` : ''}`,
        [fromDay, toDay, office, office],
      );
    },

    // --- rollup forwarded upward -----------------------------------------------------------
    rollupDirty: (tx: HubSqlExecutor, limit: number) =>
      tx.query<{ day: string; procedure: string }>(
        `SELECT day, procedure_key AS "procedure" FROM hub_rollup_dirty
         ORDER BY day, procedure_key LIMIT ?`,
        [limit],
      ),
    clearRollupDirty: (tx: HubSqlExecutor, day: string, procedure: string) =>
      tx.run('DELETE FROM hub_rollup_dirty WHERE day = ? AND procedure_key = ?', [day, procedure]),
    markAllRollupDirty: (tx: HubSqlExecutor) =>
      tx.run(
        `INSERT INTO hub_rollup_dirty (day, procedure_key)
         SELECT DISTINCT day, procedure_key FROM hub_summaries WHERE office_code <> ''
         ON CONFLICT (day, procedure_key) DO NOTHING`,
      ),
    async sumDays(tx: HubSqlExecutor, fromDay: string, toDay: string) {
      const rows = await tx.query<Record<string, unknown>>(
        `SELECT day, procedure_key AS "procedure", ${SUM_COLUMNS.join(', ')}, 0 AS revision,
           '' AS "figuresKey"
         FROM hub_summaries WHERE day BETWEEN ? AND ? GROUP BY day, procedure_key`,
        [fromDay, toDay],
      );
      return rows.map(toHubRow);
    },
    async rollupRow(tx: HubSqlExecutor, day: string, procedure: string) {
      const rows = await tx.query<Record<string, unknown>>(
        `${ROW_SELECT('hub_rollup')} WHERE day = ? AND procedure_key = ?`,
        [day, procedure],
      );
      return rows[0] ? toHubRow(rows[0]) : null;
    },
    upsertRollup: (tx: HubSqlExecutor, row: HubRow) => tx.run(UPSERT_ROLLUP, rowParams(row)),
    async pendingRollup(limit: number) {
      const rows = await sql.query<Record<string, unknown>>(
        `${ROW_SELECT('hub_rollup')} WHERE revision > acked_revision
         ORDER BY day, procedure_key LIMIT ?`,
        [limit],
      );
      return rows.map(toHubRow);
    },
    async rollupBacklog(): Promise<number> {
      const rows = await sql.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM hub_rollup WHERE revision > acked_revision',
      );
      return Number(rows[0]?.n ?? 0);
    },
    ackRollup: (tx: HubSqlExecutor, day: string, procedure: string, revision: number) =>
      tx.run(
        `UPDATE hub_rollup SET acked_revision = ? WHERE day = ? AND procedure_key = ? AND acked_revision < ?`,
        [revision, day, procedure, revision],
      ),
    setRollupRevision: (tx: HubSqlExecutor, day: string, procedure: string, revision: number) =>
      tx.run('UPDATE hub_rollup SET revision = ? WHERE day = ? AND procedure_key = ?', [
        revision,
        day,
        procedure,
      ]),
    resetRollupAcks: () => sql.run('UPDATE hub_rollup SET acked_revision = 0'),
  };
}
export type HubRepository = ReturnType<typeof createHubRepository>;
