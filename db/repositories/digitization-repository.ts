import type { SqliteDatabase } from '../connection';
import { DAY_BUCKET, type StatsGranularity } from './dossier-stats-repository';

export type DocumentKind = 'component' | 'result';
export type LogEvent = 'component_digitized' | 'result_digitized' | 'component_reused';

export interface NewDocumentRow {
  dossierCode: string;
  kind: DocumentKind;
  componentType: string;
  title: string;
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
  blankPagesLeftOut: number;
  dpi: number;
  colorMode: string;
  sourceDevice: string;
  reusedFrom: number | null;
  createdAt: number;
  createdDay: string;
  createdBy: string;
}

export interface DocumentRow extends NewDocumentRow {
  id: number;
}

export interface DailySummaryRow {
  day: string;
  procedureKey: string;
  /** Dossiers received that day, and how many of them have a digitized/reused component. */
  received: number;
  receivedWithComponents: number;
  receivedWithReuse: number;
  /** Dossiers completed that day, and how many of them have a digitized result. */
  completed: number;
  completedWithResult: number;
  /** Activity on that day (from the log). */
  componentDocuments: number;
  componentPages: number;
  resultDocuments: number;
  resultPages: number;
  reusedDocuments: number;
  reusedPages: number;
}

export interface DossierOverviewRow {
  code: string;
  procedureKey: string;
  procedureName: string;
  citizenName: string | null;
  citizenIdNumber: string | null;
  status: 'received' | 'processing' | 'done' | 'returned' | 'cancelled';
  receivedDay: string;
  componentDocuments: number;
  componentPages: number;
  resultDocuments: number;
  resultPages: number;
  reused: number;
  openDrafts: number;
}

/** Every count of a daily summary at zero: the starting point of a row and of a period's totals. */
export function emptySummaryCounts(): Omit<DailySummaryRow, 'day' | 'procedureKey'> {
  return {
    received: 0,
    receivedWithComponents: 0,
    receivedWithReuse: 0,
    completed: 0,
    completedWithResult: 0,
    componentDocuments: 0,
    componentPages: 0,
    resultDocuments: 0,
    resultPages: 0,
    reusedDocuments: 0,
    reusedPages: 0,
  };
}

const DOC = `SELECT id, dossier_code AS dossierCode, kind, component_type AS componentType, title, file,
  sha256, bytes, pages, blank_pages_left_out AS blankPagesLeftOut, dpi, color_mode AS colorMode,
  source_device AS sourceDevice, reused_from AS reusedFrom, created_at AS createdAt,
  created_day AS createdDay, created_by AS createdBy FROM digitized_documents`;

// Vietnam is UTC+7 all year (vn-time.ts): epoch ms → local calendar day inside SQL.
const VN_DAY = (col: string) => `date(${col} / 1000 + 25200, 'unixepoch')`;

function sortedSummaries(rows: DailySummaryRow[]): DailySummaryRow[] {
  return rows.sort(
    (a, b) => a.day.localeCompare(b.day) || a.procedureKey.localeCompare(b.procedureKey),
  );
}

export function createDigitizationRepository(db: SqliteDatabase) {
  const insertDoc = db.prepare(
    `INSERT INTO digitized_documents (dossier_code, kind, component_type, title, file, sha256, bytes, pages,
       blank_pages_left_out, dpi, color_mode, source_device, reused_from, created_at, created_day, created_by)
     VALUES (@dossierCode, @kind, @componentType, @title, @file, @sha256, @bytes, @pages, @blankPagesLeftOut,
       @dpi, @colorMode, @sourceDevice, @reusedFrom, @createdAt, @createdDay, @createdBy)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO digitization_log (at, day, dossier_code, procedure_key, event, document_id, pages, actor)
     VALUES (@at, @day, @dossierCode, @procedureKey, @event, @documentId, @pages, @actor)`,
  );
  const docById = db.prepare<[number], DocumentRow>(`${DOC} WHERE id = ?`);
  const docsForDossier = db.prepare<[string], DocumentRow>(
    `${DOC} WHERE dossier_code = ? ORDER BY id`,
  );
  const allDocs = db.prepare<[], { id: number; file: string; sha256: string; bytes: number }>(
    'SELECT id, file, sha256, bytes FROM digitized_documents ORDER BY id',
  );
  // The citizen's earlier documents, for reuse (tái sử dụng): never reuses of reuses, only originals.
  const forCitizen = db.prepare<
    [string, string],
    DocumentRow & { procedureName: string; receivedDay: string }
  >(
    `SELECT x.id, x.dossier_code AS dossierCode, x.kind, x.component_type AS componentType, x.title, x.file,
       x.sha256, x.bytes, x.pages, x.blank_pages_left_out AS blankPagesLeftOut, x.dpi, x.color_mode AS colorMode,
       x.source_device AS sourceDevice, x.reused_from AS reusedFrom, x.created_at AS createdAt,
       x.created_day AS createdDay, x.created_by AS createdBy, p.name AS procedureName, d.received_day AS receivedDay
     FROM digitized_documents x
     JOIN dossiers d ON d.code = x.dossier_code
     JOIN procedures p ON p.key = d.procedure_key
     WHERE d.citizen_id_number = ? AND x.dossier_code <> ? AND x.reused_from IS NULL
     ORDER BY x.id DESC LIMIT 100`,
  );

  const activity = db.prepare<
    [string, string],
    Omit<
      DailySummaryRow,
      | 'received'
      | 'receivedWithComponents'
      | 'receivedWithReuse'
      | 'completed'
      | 'completedWithResult'
    >
  >(
    `SELECT day, procedure_key AS procedureKey,
       sum(CASE WHEN event = 'component_digitized' THEN documents ELSE 0 END) AS componentDocuments,
       sum(CASE WHEN event = 'component_digitized' THEN pages ELSE 0 END) AS componentPages,
       sum(CASE WHEN event = 'result_digitized' THEN documents ELSE 0 END) AS resultDocuments,
       sum(CASE WHEN event = 'result_digitized' THEN pages ELSE 0 END) AS resultPages,
       sum(CASE WHEN event = 'component_reused' THEN documents ELSE 0 END) AS reusedDocuments,
       sum(CASE WHEN event = 'component_reused' THEN pages ELSE 0 END) AS reusedPages
     FROM digitization_log WHERE day BETWEEN ? AND ? GROUP BY day, procedure_key`,
  );
  const received = db.prepare<
    [string, string],
    {
      day: string;
      procedureKey: string;
      received: number;
      receivedWithComponents: number;
      receivedWithReuse: number;
    }
  >(
    `SELECT d.received_day AS day, d.procedure_key AS procedureKey, count(*) AS received,
       sum(EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = d.code
                   AND l.event IN ('component_digitized', 'component_reused'))) AS receivedWithComponents,
       sum(EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = d.code
                   AND l.event = 'component_reused')) AS receivedWithReuse
     FROM dossiers d WHERE d.received_day BETWEEN ? AND ? GROUP BY d.received_day, d.procedure_key`,
  );
  const completed = db.prepare<
    [number, number],
    { day: string; procedureKey: string; completed: number; completedWithResult: number }
  >(
    `SELECT ${VN_DAY('d.completed_at')} AS day, d.procedure_key AS procedureKey, count(*) AS completed,
       sum(EXISTS (SELECT 1 FROM digitization_log l WHERE l.dossier_code = d.code
                   AND l.event = 'result_digitized')) AS completedWithResult
     FROM dossiers d WHERE d.completed_at BETWEEN ? AND ? GROUP BY 1, 2`,
  );
  const dossierCounts = db.prepare<
    [string],
    { kind: DocumentKind; documents: number; pages: number; reused: number }
  >(
    `SELECT kind, count(*) AS documents, sum(pages) AS pages, sum(reused_from IS NOT NULL) AS reused
     FROM digitized_documents WHERE dossier_code = ? GROUP BY kind`,
  );

  const overview = db.prepare<
    [{ like: string | null; idNumber: string | null; limit: number }],
    DossierOverviewRow
  >(
    `SELECT d.code, d.procedure_key AS procedureKey, p.name AS procedureName, c.full_name AS citizenName,
       d.citizen_id_number AS citizenIdNumber, d.status, d.received_day AS receivedDay,
       (SELECT count(*) FROM digitized_documents x WHERE x.dossier_code = d.code AND x.kind = 'component') AS componentDocuments,
       (SELECT coalesce(sum(x.pages), 0) FROM digitized_documents x WHERE x.dossier_code = d.code AND x.kind = 'component') AS componentPages,
       (SELECT count(*) FROM digitized_documents x WHERE x.dossier_code = d.code AND x.kind = 'result') AS resultDocuments,
       (SELECT coalesce(sum(x.pages), 0) FROM digitized_documents x WHERE x.dossier_code = d.code AND x.kind = 'result') AS resultPages,
       (SELECT count(*) FROM digitized_documents x WHERE x.dossier_code = d.code AND x.reused_from IS NOT NULL) AS reused,
       (SELECT count(*) FROM scan_drafts s WHERE s.dossier_code = d.code) AS openDrafts
     FROM dossiers d
     JOIN procedures p ON p.key = d.procedure_key
     LEFT JOIN citizens c ON c.id_number = d.citizen_id_number
     WHERE (@like IS NULL OR d.code LIKE @like OR c.full_name LIKE @like)
       AND (@idNumber IS NULL OR d.citizen_id_number = @idNumber)
     ORDER BY d.id DESC LIMIT @limit`,
  );

  // Received files from dossier_daily_stats, the rest from digitization_daily_stats (0008),
  // summed per day, per month or over the whole period (`day` then holds 'YYYY-MM' or '').
  const countedSummaries = (bucket: StatsGranularity) =>
    db.prepare<[string, string, string, string], DailySummaryRow>(
      `SELECT ${DAY_BUCKET[bucket]} AS day, procedure_key AS procedureKey, sum(received) AS received,
         sum(rwc) AS receivedWithComponents, sum(rwr) AS receivedWithReuse,
         sum(completed) AS completed, sum(cwr) AS completedWithResult,
         sum(cd) AS componentDocuments, sum(cp) AS componentPages, sum(rd) AS resultDocuments,
         sum(rp) AS resultPages, sum(ud) AS reusedDocuments, sum(up) AS reusedPages
       FROM (
         SELECT day, procedure_key, received, 0 AS rwc, 0 AS rwr, 0 AS completed, 0 AS cwr,
           0 AS cd, 0 AS cp, 0 AS rd, 0 AS rp, 0 AS ud, 0 AS up
         FROM dossier_daily_stats WHERE day BETWEEN ? AND ? AND received <> 0
         UNION ALL
         SELECT day, procedure_key, 0, received_with_components, received_with_reuse, completed,
           completed_with_result, component_documents, component_pages, result_documents,
           result_pages, reused_documents, reused_pages
         FROM digitization_daily_stats WHERE day BETWEEN ? AND ?
       )
       GROUP BY 1, 2
       HAVING sum(received) + sum(rwc) + sum(rwr) + sum(completed) + sum(cwr) + sum(cd) + sum(cp)
         + sum(rd) + sum(rp) + sum(ud) + sum(up) > 0`,
    );
  const counted = {
    day: countedSummaries('day'),
    month: countedSummaries('month'),
    period: countedSummaries('period'),
  };

  const recordTx = db.transaction(
    (
      doc: NewDocumentRow,
      log: { procedureKey: string; event: LogEvent; actor: string },
    ): number => {
      const id = Number(insertDoc.run(doc).lastInsertRowid);
      insertLog.run({
        at: doc.createdAt,
        day: doc.createdDay,
        dossierCode: doc.dossierCode,
        procedureKey: log.procedureKey,
        event: log.event,
        documentId: id,
        pages: doc.pages,
        actor: log.actor,
      });
      return id;
    },
  );

  const logDays = db.prepare<[], { day: string }>(
    'SELECT DISTINCT day FROM digitization_log ORDER BY day',
  );

  return {
    /** Log activity per day and procedure (documents and pages by event), nothing else. */
    logActivity: (fromDay: string, toDay: string) => activity.all(fromDay, toDay),
    /** Every day with digitization work (upward sync's full reconciliation). */
    logDays: (): string[] => logDays.all().map((r) => r.day),
    /** The document row and its log entry land together, or neither does. */
    record: (
      doc: NewDocumentRow,
      log: { procedureKey: string; event: LogEvent; actor: string },
    ): number => recordTx.immediate(doc, log),
    document: (id: number): DocumentRow | undefined => docById.get(id),
    documentsFor: (code: string): DocumentRow[] => docsForDossier.all(code),
    allDocumentFiles: () => allDocs.all(),
    citizenDocuments: (idNumber: string, exceptDossier: string) =>
      forCitizen.all(idNumber, exceptDossier),
    dossierCounts: (code: string) => dossierCounts.all(code),
    /** Newest dossiers first; `like` matches code or name, `idNumber` is an exact ID number. */
    overview: (like: string | null, idNumber: string | null, limit: number): DossierOverviewRow[] =>
      overview.all({ like, idNumber, limit }),
    /**
     * Daily per-procedure rows for [fromDay, toDay]. Dossier-level counts are attributed to the
     * day the dossier was received (components, reuse) or completed (results), so they add up
     * over any period and the §4 rates follow from these rows alone. Read from the counters the
     * triggers of migration 0008 keep (a year is ~9,000 rows, not a probe per dossier);
     * `recountDailySummaries` computes the same rows from the log and the dossiers.
     */
    dailySummaries(fromDay: string, toDay: string): DailySummaryRow[] {
      return sortedSummaries(counted.day.all(fromDay, toDay, fromDay, toDay));
    },
    /**
     * The same counts summed per month ('YYYY-MM' in `day`) or over the whole range ('') and
     * procedure: a report's trend and its per-procedure table without reading every day.
     */
    summariesBy(fromDay: string, toDay: string, bucket: 'month' | 'period'): DailySummaryRow[] {
      return sortedSummaries(counted[bucket].all(fromDay, toDay, fromDay, toDay));
    },
    /** The same rows straight from the log and the dossiers, to prove the counters exact. */
    recountDailySummaries(
      fromDay: string,
      toDay: string,
      fromMs: number,
      toMsExclusive: number,
    ): DailySummaryRow[] {
      const rows = new Map<string, DailySummaryRow>();
      const row = (day: string, procedureKey: string): DailySummaryRow => {
        const key = `${day}\u0000${procedureKey}`;
        let r = rows.get(key);
        if (!r) {
          r = { day, procedureKey, ...emptySummaryCounts() };
          rows.set(key, r);
        }
        return r;
      };
      for (const a of activity.all(fromDay, toDay)) Object.assign(row(a.day, a.procedureKey), a);
      for (const r of received.all(fromDay, toDay)) Object.assign(row(r.day, r.procedureKey), r);
      for (const c of completed.all(fromMs, toMsExclusive - 1))
        Object.assign(row(c.day, c.procedureKey), c);
      return sortedSummaries([...rows.values()]);
    },
  };
}
export type DigitizationRepository = ReturnType<typeof createDigitizationRepository>;
