import type { SqliteDatabase } from '../connection';
import { STATS_COLUMNS } from './dossier-stats-repository';

export type DossierChannelCode = 'in_person' | 'online_assisted' | 'postal';
export type DossierStatusCode = 'received' | 'processing' | 'done' | 'returned' | 'cancelled';
export type ServiceLevelValue = 'full' | 'partial' | 'info_only';

export interface NewDossierRow {
  procedureKey: string;
  citizenIdNumber: string | null;
  channel: DossierChannelCode;
  receivedAt: number;
  receivedDay: string; // YYYY-MM-DD, Asia/Ho_Chi_Minh
  dueAt: number | null;
  note: string;
  createdBy: string;
  applicantKind?: 'individual' | 'organization';
  organizationName?: string | null;
  intakeMethod?: 'qr' | 'chip' | 'manual' | null;
  levelAtReceipt?: ServiceLevelValue | null;
  assistedOutcome?: 'submitted' | 'failed' | null;
  assistedFailureReason?: string | null;
  onlineReference?: string | null;
}

export interface DossierRow {
  id: number;
  code: string;
  procedureKey: string;
  procedureName: string;
  citizenIdNumber: string | null;
  citizenName: string | null;
  channel: DossierChannelCode;
  status: DossierStatusCode;
  receivedAt: number;
  receivedDay: string;
  applicantKind: 'individual' | 'organization';
  organizationName: string | null;
  intakeMethod: 'qr' | 'chip' | 'manual' | null;
  dueAt: number | null;
  processingAt: number | null;
  completedAt: number | null;
  statusChangedAt: number;
  statusNote: string;
  levelAtReceipt: ServiceLevelValue | null;
  assistedOutcome: 'submitted' | 'failed' | null;
  assistedFailureReason: string | null;
  onlineReference: string | null;
}

const DOSSIER_SELECT = `SELECT d.id, d.code, d.procedure_key AS procedureKey, p.name AS procedureName,
    d.citizen_id_number AS citizenIdNumber, c.full_name AS citizenName, d.channel, d.status,
    d.received_at AS receivedAt, d.received_day AS receivedDay, d.applicant_kind AS applicantKind,
    d.organization_name AS organizationName, d.intake_method AS intakeMethod, d.due_at AS dueAt,
    d.processing_at AS processingAt, d.completed_at AS completedAt,
    d.status_changed_at AS statusChangedAt, d.status_note AS statusNote,
    d.level_at_receipt AS levelAtReceipt, d.assisted_outcome AS assistedOutcome,
    d.assisted_failure_reason AS assistedFailureReason, d.online_reference AS onlineReference
  FROM dossiers d
  JOIN procedures p ON p.key = d.procedure_key
  LEFT JOIN citizens c ON c.id_number = d.citizen_id_number`;

/** `agency-YYMMDD-NNNN`: the 4-digit daily sequence of TT 01/2018/TT-VPCP Art. 19. */
export function formatDossierCode(
  agencyCode: string,
  yymmdd: string,
  sequence: number,
  prefix: string | null = null,
): string {
  const digits = prefix ? prefix + String(sequence).padStart(4 - prefix.length, '0') : null;
  return `${agencyCode}-${yymmdd}-${digits ?? String(sequence).padStart(4, '0')}`;
}

/**
 * The highest number a workstation prefix leaves in the 4 digits (prefix "2" → 2001…2999), or
 * null without a prefix (the sequence may then grow past 9999 rather than refuse a citizen).
 */
export function prefixCapacity(prefix: string | null): number | null {
  return prefix ? 10 ** (4 - prefix.length) - 1 : null;
}

/** Each workstation prefix has its own daily sequence row. */
export function sequenceKey(agencyCode: string, prefix: string | null): string {
  return prefix ? `${agencyCode}#${prefix}` : agencyCode;
}

export class SequenceExhaustedError extends Error {
  readonly code = 'DOSSIER_SEQUENCE_EXHAUSTED';
  constructor(readonly details: Record<string, unknown>) {
    super('Daily sequence exhausted for this workstation prefix');
  }
}

export interface DossierListFilter {
  fromMs: number;
  toMs: number;
  procedureKeys?: readonly string[] | null;
  status?: DossierStatusCode | null;
  channel?: DossierChannelCode | null;
  codeLike?: string | null;
  /** Only open files; with these, only the overdue (due before) or stuck (unchanged since). */
  open?: boolean;
  dueBefore?: number | null;
  idleSince?: number | null;
  order?: 'newest' | 'most_overdue' | 'longest_idle';
}

const ORDER_BY: Readonly<Record<NonNullable<DossierListFilter['order']>, string>> = {
  newest: 'd.received_at DESC, d.id DESC',
  most_overdue: 'd.due_at ASC, d.id ASC',
  longest_idle: 'd.status_changed_at ASC, d.id ASC',
};

/** Cursor of keyset paging: the last row's receipt time and id. */
export interface DossierCursor {
  receivedAt: number;
  id: number;
}

export function createDossiersRepository(db: SqliteDatabase) {
  const bumpSequence = db.prepare<[string, string], { last_value: number }>(
    `INSERT INTO dossier_code_sequences (agency_code, day, last_value) VALUES (?, ?, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  );
  const insert = db.prepare(
    `INSERT INTO dossiers (code, procedure_key, citizen_id_number, channel, received_at, received_day,
       due_at, note, created_by, applicant_kind, organization_name, intake_method, level_at_receipt,
       status_changed_at, assisted_outcome, assisted_failure_reason, online_reference)
     VALUES (@code, @procedureKey, @citizenIdNumber, @channel, @receivedAt, @receivedDay, @dueAt,
       @note, @createdBy, @applicantKind, @organizationName, @intakeMethod, @levelAtReceipt,
       @receivedAt, @assistedOutcome, @assistedFailureReason, @onlineReference)`,
  );
  const byCode = db.prepare<[string], DossierRow>(`${DOSSIER_SELECT} WHERE d.code = ?`);
  const recent = db.prepare<[number], DossierRow>(`${DOSSIER_SELECT} ORDER BY d.id DESC LIMIT ?`);
  const countsForDay = db.prepare<[string], { procedureKey: string; count: number }>(
    `SELECT procedure_key AS procedureKey, count(*) AS count FROM dossiers
     WHERE received_day = ? GROUP BY procedure_key`,
  );
  const updateStatus = db.prepare(
    `UPDATE dossiers SET status = @status, status_changed_at = @at, status_note = @note,
       processing_at = CASE WHEN @status = 'processing' THEN @at ELSE processing_at END,
       completed_at = CASE WHEN @status IN ('done', 'returned', 'cancelled') THEN @at
         ELSE completed_at END
     WHERE code = @code`,
  );
  const updateAssisted = db.prepare(
    `UPDATE dossiers SET assisted_outcome = @outcome, assisted_failure_reason = @reason,
       online_reference = coalesce(@reference, online_reference)
     WHERE code = @code`,
  );

  const createTx = db.transaction(
    (
      agencyCode: string,
      yymmdd: string,
      row: NewDossierRow,
      prefix: string | null,
      beforeInsert?: () => void,
    ): string => {
      beforeInsert?.();
      const sequence = bumpSequence.get(sequenceKey(agencyCode, prefix), yymmdd)!.last_value;
      const capacity = prefixCapacity(prefix);
      if (capacity !== null && sequence > capacity) {
        throw new SequenceExhaustedError({ prefix, capacity, day: yymmdd });
      }
      const code = formatDossierCode(agencyCode, yymmdd, sequence, prefix);
      insert.run({
        applicantKind: 'individual',
        organizationName: null,
        intakeMethod: null,
        levelAtReceipt: null,
        assistedOutcome: null,
        assistedFailureReason: null,
        onlineReference: null,
        ...row,
        code,
      });
      return code;
    },
  );

  const listStatements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  /** Filters are fixed SQL fragments chosen by which filters are set; one prepared statement each. */
  function listStatement(filter: DossierListFilter, mode: 'rows' | 'count', paged: boolean) {
    // Open files are few and have their own partial index (dossiers_open); the unary + keeps the
    // planner from scanning the receipt-time index over the whole history instead.
    const where = [
      filter.open
        ? '+d.received_at BETWEEN @fromMs AND @toMs'
        : 'd.received_at BETWEEN @fromMs AND @toMs',
    ];
    if (filter.procedureKeys) where.push('d.procedure_key IN (SELECT value FROM json_each(@keys))');
    if (filter.status) where.push('d.status = @status');
    if (filter.channel) where.push('d.channel = @channel');
    if (filter.codeLike) where.push('d.code LIKE @codeLike');
    if (filter.open) where.push("d.status IN ('received', 'processing')");
    if (filter.dueBefore != null) where.push('d.due_at < @dueBefore');
    if (filter.idleSince != null) where.push('d.status_changed_at < @idleSince');
    const order = filter.order ?? 'newest';
    if (paged && mode === 'rows' && order === 'newest') {
      where.push('(d.received_at < @cursorAt OR (d.received_at = @cursorAt AND d.id < @cursorId))');
    }
    const key = `${mode}|${paged}|${order}|${where.join(' AND ')}`;
    let statement = listStatements.get(key);
    if (!statement) {
      statement =
        mode === 'count'
          ? db.prepare(`SELECT count(*) AS n FROM dossiers d WHERE ${where.join(' AND ')}`)
          : // The page is chosen on the dossiers alone (indexes only), then joined: joining
            // names and procedures before LIMIT would touch every candidate row.
            db.prepare(
              `${DOSSIER_SELECT.replace(
                'FROM dossiers d',
                `FROM (SELECT d.id FROM dossiers d
                 WHERE ${where.join(' AND ')} ORDER BY ${ORDER_BY[order]} LIMIT @limit) page
               JOIN dossiers d ON d.id = page.id`,
              )}
               ORDER BY ${ORDER_BY[order]}`,
            );
      listStatements.set(key, statement);
    }
    return statement;
  }
  function params(filter: DossierListFilter) {
    return {
      fromMs: filter.fromMs,
      toMs: filter.toMs,
      keys: JSON.stringify(filter.procedureKeys ?? []),
      status: filter.status ?? null,
      channel: filter.channel ?? null,
      codeLike: filter.codeLike ?? null,
      dueBefore: filter.dueBefore ?? null,
      idleSince: filter.idleSince ?? null,
    };
  }

  return {
    create(
      agencyCode: string,
      yymmdd: string,
      row: NewDossierRow,
      beforeInsert?: () => void,
      prefix: string | null = null,
    ): string {
      return createTx.immediate(agencyCode, yymmdd, row, prefix, beforeInsert);
    },
    get: (code: string): DossierRow | undefined => byCode.get(code),
    recent: (limit: number): DossierRow[] => recent.all(limit),
    countsForDay: (day: string) => countsForDay.all(day),
    list(filter: DossierListFilter, limit: number, cursor: DossierCursor | null): DossierRow[] {
      const statement = listStatement(filter, 'rows', cursor !== null);
      return statement.all({
        ...params(filter),
        limit,
        ...(cursor ? { cursorAt: cursor.receivedAt, cursorId: cursor.id } : {}),
      }) as DossierRow[];
    },
    count(filter: DossierListFilter): number {
      return (listStatement(filter, 'count', false).get(params(filter)) as { n: number }).n;
    },
    setStatus(code: string, status: DossierStatusCode, at: number, note: string): void {
      updateStatus.run({ code, status, at, note });
    },
    setAssisted(
      code: string,
      outcome: 'submitted' | 'failed',
      reason: string | null,
      reference: string | null,
    ): void {
      updateAssisted.run({ code, outcome, reason, reference });
    },
  };
}
export type DossiersRepository = ReturnType<typeof createDossiersRepository>;

export interface SeededDossierRow extends NewDossierRow {
  code: string;
  agencyCode: string;
  codeDay: string; // YYMMDD
  sequence: number;
  status: DossierStatusCode;
  completedAt: number | null;
  processingAt?: number | null;
  statusChangedAt?: number | null;
  statusNote?: string;
}

/**
 * Bulk path for synthetic data (`demo seed`, benchmarks): rows arrive with their codes already
 * numbered; the sequences table is raised to match so later dossiers continue the numbering.
 */
export function createDossierBulkWriter(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO dossiers (code, procedure_key, citizen_id_number, channel, status, received_at,
       received_day, due_at, completed_at, note, created_by, applicant_kind, organization_name,
       intake_method, level_at_receipt, processing_at, status_changed_at, status_note,
       assisted_outcome, assisted_failure_reason, online_reference)
     VALUES (@code, @procedureKey, @citizenIdNumber, @channel, @status, @receivedAt, @receivedDay,
       @dueAt, @completedAt, @note, @createdBy, @applicantKind, @organizationName, @intakeMethod,
       @levelAtReceipt, @processingAt, @statusChangedAt, @statusNote, @assistedOutcome,
       @assistedFailureReason, @onlineReference)`,
  );
  const raise = db.prepare<[string, string, number]>(
    `INSERT INTO dossier_code_sequences (agency_code, day, last_value) VALUES (?, ?, ?)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
  );
  const lastSequence = db.prepare<[string, string], { last_value: number }>(
    'SELECT last_value FROM dossier_code_sequences WHERE agency_code = ? AND day = ?',
  );
  // Bulk loads add each batch's counters in one aggregate instead of two upserts per row (the
  // insert trigger halves the load rate). Inside the batch's transaction, so no reader ever sees
  // rows without their counts, and the trigger is back before the transaction commits.
  const insertTrigger = db
    .prepare<[], string>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'dossiers_stats_insert'",
    )
    .pluck()
    .get();
  const nextId = db.prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM dossiers').pluck();
  const addCounters = (table: string, key: 'day' | 'month') =>
    db.prepare<[number]>(
      `INSERT INTO ${table} (${key}, procedure_key, ${STATS_COLUMNS.join(', ')})
       SELECT ${key}, procedure_key, ${STATS_COLUMNS.map((c) => `sum(${c})`).join(', ')}
       FROM dossier_stats_rows WHERE id >= ? GROUP BY ${key}, procedure_key
       ON CONFLICT (${key}, procedure_key) DO UPDATE SET
         ${STATS_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
  const addDaily = addCounters('dossier_daily_stats', 'day');
  const addMonthly = addCounters('dossier_monthly_stats', 'month');
  return {
    lastSequence: (agencyCode: string, codeDay: string): number =>
      lastSequence.get(agencyCode, codeDay)?.last_value ?? 0,
    insertMany: db.transaction((rows: SeededDossierRow[]) => {
      const firstId = nextId.get()!;
      if (insertTrigger) db.exec('DROP TRIGGER dossiers_stats_insert');
      const highest = new Map<string, SeededDossierRow>();
      for (const row of rows) {
        insert.run({
          applicantKind: 'individual',
          organizationName: null,
          intakeMethod: null,
          levelAtReceipt: null,
          processingAt: null,
          statusChangedAt: row.completedAt ?? row.receivedAt,
          statusNote: '',
          assistedOutcome: null,
          assistedFailureReason: null,
          onlineReference: null,
          ...row,
        });
        const key = `${row.agencyCode}\u0000${row.codeDay}`;
        if ((highest.get(key)?.sequence ?? 0) < row.sequence) highest.set(key, row);
      }
      for (const row of highest.values()) raise.run(row.agencyCode, row.codeDay, row.sequence);
      if (insertTrigger) {
        addDaily.run(firstId);
        addMonthly.run(firstId);
        db.exec(insertTrigger);
      }
    }),
  };
}
