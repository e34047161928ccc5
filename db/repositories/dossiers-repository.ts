import type { SqliteDatabase } from '../connection';

export interface NewDossierRow {
  procedureKey: string;
  citizenIdNumber: string | null;
  channel: 'in_person' | 'online_assisted' | 'postal';
  receivedAt: number;
  receivedDay: string; // YYYY-MM-DD, Asia/Ho_Chi_Minh
  dueAt: number | null;
  note: string;
  createdBy: string;
}

export interface DossierRow {
  code: string;
  procedureKey: string;
  procedureName: string;
  citizenIdNumber: string | null;
  citizenName: string | null;
  channel: 'in_person' | 'online_assisted' | 'postal';
  status: 'received' | 'processing' | 'done' | 'returned' | 'cancelled';
  receivedAt: number;
  receivedDay: string;
}

const DOSSIER_SELECT = `SELECT d.code, d.procedure_key AS procedureKey, p.name AS procedureName,
    d.citizen_id_number AS citizenIdNumber, c.full_name AS citizenName, d.channel, d.status,
    d.received_at AS receivedAt, d.received_day AS receivedDay
  FROM dossiers d
  JOIN procedures p ON p.key = d.procedure_key
  LEFT JOIN citizens c ON c.id_number = d.citizen_id_number`;

/** `agency-YYMMDD-NNNN`: the 4-digit daily sequence of TT 01/2018/TT-VPCP Art. 19. */
export function formatDossierCode(agencyCode: string, yymmdd: string, sequence: number): string {
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export function createDossiersRepository(db: SqliteDatabase) {
  const bumpSequence = db.prepare<[string, string], { last_value: number }>(
    `INSERT INTO dossier_code_sequences (agency_code, day, last_value) VALUES (?, ?, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  );
  const insert = db.prepare(
    `INSERT INTO dossiers (code, procedure_key, citizen_id_number, channel, received_at, received_day,
       due_at, note, created_by)
     VALUES (@code, @procedureKey, @citizenIdNumber, @channel, @receivedAt, @receivedDay, @dueAt,
       @note, @createdBy)`,
  );
  const byCode = db.prepare<[string], DossierRow>(`${DOSSIER_SELECT} WHERE d.code = ?`);
  const recent = db.prepare<[number], DossierRow>(`${DOSSIER_SELECT} ORDER BY d.id DESC LIMIT ?`);
  const countsForDay = db.prepare<[string], { procedureKey: string; count: number }>(
    `SELECT procedure_key AS procedureKey, count(*) AS count FROM dossiers
     WHERE received_day = ? GROUP BY procedure_key`,
  );

  /**
   * Takes the next number and inserts the dossier in one IMMEDIATE transaction, so two windows or
   * two processes on the same file serialise here: no duplicate and no gap (a failed insert rolls
   * the number back with it).
   */
  const createTx = db.transaction(
    (agencyCode: string, yymmdd: string, row: NewDossierRow, beforeInsert?: () => void): string => {
      beforeInsert?.();
      const sequence = bumpSequence.get(agencyCode, yymmdd)!.last_value;
      const code = formatDossierCode(agencyCode, yymmdd, sequence);
      insert.run({ ...row, code });
      return code;
    },
  );

  return {
    create(
      agencyCode: string,
      yymmdd: string,
      row: NewDossierRow,
      beforeInsert?: () => void,
    ): string {
      return createTx.immediate(agencyCode, yymmdd, row, beforeInsert);
    },
    get: (code: string): DossierRow | undefined => byCode.get(code),
    recent: (limit: number): DossierRow[] => recent.all(limit),
    countsForDay: (day: string) => countsForDay.all(day),
  };
}
export type DossiersRepository = ReturnType<typeof createDossiersRepository>;

export interface SeededDossierRow extends NewDossierRow {
  code: string;
  agencyCode: string;
  codeDay: string; // YYMMDD
  sequence: number;
  status: DossierRow['status'];
  completedAt: number | null;
}

/**
 * Bulk path for synthetic data (`demo seed`, benchmarks): rows arrive with their codes already
 * numbered; the sequences table is raised to match so later dossiers continue the numbering.
 */
export function createDossierBulkWriter(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO dossiers (code, procedure_key, citizen_id_number, channel, status, received_at,
       received_day, due_at, completed_at, note, created_by)
     VALUES (@code, @procedureKey, @citizenIdNumber, @channel, @status, @receivedAt, @receivedDay,
       @dueAt, @completedAt, @note, @createdBy)`,
  );
  const raise = db.prepare<[string, string, number]>(
    `INSERT INTO dossier_code_sequences (agency_code, day, last_value) VALUES (?, ?, ?)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
  );
  const lastSequence = db.prepare<[string, string], { last_value: number }>(
    'SELECT last_value FROM dossier_code_sequences WHERE agency_code = ? AND day = ?',
  );
  return {
    lastSequence: (agencyCode: string, codeDay: string): number =>
      lastSequence.get(agencyCode, codeDay)?.last_value ?? 0,
    insertMany: db.transaction((rows: SeededDossierRow[]) => {
      const highest = new Map<string, SeededDossierRow>();
      for (const row of rows) {
        insert.run(row);
        const key = `${row.agencyCode}\u0000${row.codeDay}`;
        if ((highest.get(key)?.sequence ?? 0) < row.sequence) highest.set(key, row);
      }
      for (const row of highest.values()) raise.run(row.agencyCode, row.codeDay, row.sequence);
    }),
  };
}
