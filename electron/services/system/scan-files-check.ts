/**
 * `db check`'s file side (issue 5): every digitized document row has its file, with the sha256
 * recorded when it was filed; files under `<data>/scans/` that no row (or draft) points at are
 * reported as orphans — e.g. a PDF written just before a power cut, before its row committed.
 * Read-only: nothing is deleted or "repaired".
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from '../../../db/connection';
import { fromStoredPath, SCANS_DIR, sha256OfFile, toStoredPath } from '../digitization/scan-files';

export interface ScanFilesReport {
  documents: number;
  files: number;
  missing: { id: number; file: string }[];
  mismatched: { id: number; file: string; expected: string; actual: string }[];
  orphans: string[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

function tableExists(db: SqliteDatabase, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

export async function checkScanFiles(
  db: SqliteDatabase,
  dataDir: string,
): Promise<ScanFilesReport | null> {
  if (!tableExists(db, 'digitized_documents')) return null;
  const rows = db.prepare('SELECT id, file, sha256 FROM digitized_documents ORDER BY id').all() as {
    id: number;
    file: string;
    sha256: string;
  }[];
  const referenced = new Set<string>();
  const report: ScanFilesReport = {
    documents: rows.length,
    files: 0,
    missing: [],
    mismatched: [],
    orphans: [],
  };
  // A reused document shares its original's file: hash each file once.
  const hashes = new Map<string, string | null>();
  for (const row of rows) {
    referenced.add(row.file);
    if (!hashes.has(row.file)) {
      const path = fromStoredPath(dataDir, row.file);
      const present = existsSync(path) && statSync(path).isFile();
      hashes.set(row.file, present ? (await sha256OfFile(path)).sha256 : null);
    }
    const actual = hashes.get(row.file)!;
    if (actual === null) report.missing.push({ id: row.id, file: row.file });
    else if (actual !== row.sha256)
      report.mismatched.push({ id: row.id, file: row.file, expected: row.sha256, actual });
  }
  if (tableExists(db, 'scan_draft_pages')) {
    for (const r of db.prepare('SELECT file, thumb FROM scan_draft_pages').all() as {
      file: string;
      thumb: string;
    }[]) {
      referenced.add(r.file);
      referenced.add(r.thumb);
    }
  }
  report.files = hashes.size;
  const scans = join(dataDir, SCANS_DIR);
  if (existsSync(scans)) {
    const all: string[] = [];
    walk(scans, all);
    for (const path of all) {
      const stored = toStoredPath(dataDir, path);
      if (!referenced.has(stored)) report.orphans.push(stored);
    }
  }
  return report;
}
