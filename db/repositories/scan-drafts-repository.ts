import type { SqliteDatabase } from '../connection';

export type DraftState = 'scanning' | 'ready' | 'failed' | 'cancelled';

export interface DraftRow {
  id: string;
  dossierCode: string | null;
  deviceUri: string;
  settings: string;
  state: DraftState;
  errorCode: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DraftPageRow {
  draftId: string;
  seq: number;
  kind: 'jpeg' | 'bilevel' | 'pdf';
  file: string;
  pdfPage: number | null;
  width: number;
  height: number;
  dpi: number;
  components: number;
  inkCoverage: number;
  blank: number;
  keep: number;
  rotation: 0 | 90 | 180 | 270;
  skew: number;
  thumb: string;
  createdAt: number;
}

const DRAFT = `SELECT id, dossier_code AS dossierCode, device_uri AS deviceUri, settings, state,
  error_code AS errorCode, created_at AS createdAt, updated_at AS updatedAt FROM scan_drafts`;
const PAGE = `SELECT draft_id AS draftId, seq, kind, file, pdf_page AS pdfPage, width, height, dpi,
  components, ink_coverage AS inkCoverage, blank, keep, rotation, skew, thumb, created_at AS createdAt
  FROM scan_draft_pages`;

export function createScanDraftsRepository(db: SqliteDatabase) {
  const insertDraft = db.prepare(
    `INSERT INTO scan_drafts (id, dossier_code, device_uri, settings, state, error_code, created_at, updated_at)
     VALUES (@id, @dossierCode, @deviceUri, @settings, @state, @errorCode, @createdAt, @updatedAt)`,
  );
  const byId = db.prepare<[string], DraftRow>(`${DRAFT} WHERE id = ?`);
  const forDossier = db.prepare<[string], DraftRow>(
    `${DRAFT} WHERE dossier_code = ? ORDER BY created_at`,
  );
  const all = db.prepare<[], DraftRow>(
    `${DRAFT} WHERE dossier_code IS NOT NULL ORDER BY created_at DESC`,
  );
  const setState = db.prepare<[DraftState, string | null, number, string]>(
    'UPDATE scan_drafts SET state = ?, error_code = ?, updated_at = ? WHERE id = ?',
  );
  const setSettings = db.prepare<[string, string, number, string]>(
    'UPDATE scan_drafts SET device_uri = ?, settings = ?, updated_at = ? WHERE id = ?',
  );
  const insertPage = db.prepare(
    `INSERT INTO scan_draft_pages (draft_id, seq, kind, file, pdf_page, width, height, dpi, components,
       ink_coverage, blank, keep, rotation, skew, thumb, created_at)
     VALUES (@draftId, @seq, @kind, @file, @pdfPage, @width, @height, @dpi, @components, @inkCoverage,
       @blank, @keep, @rotation, @skew, @thumb, @createdAt)`,
  );
  const pages = db.prepare<[string], DraftPageRow>(`${PAGE} WHERE draft_id = ? ORDER BY seq`);
  const nextSeq = db.prepare<[string], { next: number }>(
    'SELECT coalesce(max(seq), 0) + 1 AS next FROM scan_draft_pages WHERE draft_id = ?',
  );
  const updatePage = db.prepare<[number, number, string, number]>(
    'UPDATE scan_draft_pages SET keep = ?, rotation = ? WHERE draft_id = ? AND seq = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM scan_drafts WHERE id = ?');
  const interrupted = db.prepare<[number]>(
    "UPDATE scan_drafts SET state = 'failed', error_code = 'SCAN_INTERRUPTED', updated_at = ? WHERE state = 'scanning'",
  );
  const allFiles = db.prepare<[], { file: string; thumb: string }>(
    'SELECT file, thumb FROM scan_draft_pages',
  );

  return {
    create: (row: DraftRow): void => void insertDraft.run(row),
    get: (id: string): DraftRow | undefined => byId.get(id),
    forDossier: (code: string): DraftRow[] => forDossier.all(code),
    listOpen: (): DraftRow[] => all.all(),
    setState: (id: string, state: DraftState, errorCode: string | null, now: number): void =>
      void setState.run(state, errorCode, now, id),
    setSettings: (id: string, deviceUri: string, settings: string, now: number): void =>
      void setSettings.run(deviceUri, settings, now, id),
    nextSeq: (id: string): number => nextSeq.get(id)!.next,
    addPage: (page: DraftPageRow): void => void insertPage.run(page),
    pages: (id: string): DraftPageRow[] => pages.all(id),
    updatePage: (id: string, seq: number, keep: boolean, rotation: number): boolean =>
      updatePage.run(keep ? 1 : 0, rotation, id, seq).changes > 0,
    remove: (id: string): void => void remove.run(id),
    /** At start-up: a draft still "scanning" belongs to a process that died; its pages are kept. */
    markInterrupted: (now: number): number => interrupted.run(now).changes,
    allFiles: () => allFiles.all(),
  };
}
export type ScanDraftsRepository = ReturnType<typeof createScanDraftsRepository>;
