import type { SqliteDatabase } from '../connection';
import type { LogEvent, NewDocumentRow } from './digitization-repository';

/** One seeded document with its log entry; ids are given so a reuse can point at its original. */
export interface SeededDocumentRow extends NewDocumentRow {
  id: number;
  procedureKey: string;
  event: LogEvent;
}

/**
 * Bulk path for synthetic digitization history (`demo seed`, benchmarks): document rows and
 * their log entries in one transaction per batch, exactly as `record` writes them one at a time.
 */
export function createDigitizationBulkWriter(db: SqliteDatabase) {
  const insertDoc = db.prepare(
    `INSERT INTO digitized_documents (id, dossier_code, kind, component_type, title, file, sha256,
       bytes, pages, blank_pages_left_out, dpi, color_mode, source_device, reused_from, created_at,
       created_day, created_by)
     VALUES (@id, @dossierCode, @kind, @componentType, @title, @file, @sha256, @bytes, @pages,
       @blankPagesLeftOut, @dpi, @colorMode, @sourceDevice, @reusedFrom, @createdAt, @createdDay,
       @createdBy)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO digitization_log (at, day, dossier_code, procedure_key, event, document_id, pages, actor)
     VALUES (@createdAt, @createdDay, @dossierCode, @procedureKey, @event, @id, @pages, @createdBy)`,
  );
  const nextId = db
    .prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM digitized_documents')
    .pluck();
  return {
    nextDocumentId: (): number => nextId.get()!,
    insertMany: db.transaction((rows: readonly SeededDocumentRow[]) => {
      for (const row of rows) {
        insertDoc.run(row);
        insertLog.run(row);
      }
    }),
  };
}
