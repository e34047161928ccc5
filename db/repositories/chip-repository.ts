import type { SqliteDatabase } from '../connection';

export interface TrustAnchorRow {
  fingerprint: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  country: string;
  validFrom: number;
  validTo: number;
  der: Buffer;
  source: string;
  importedAt: number;
}

export interface ChipReadRow {
  readAt: number;
  idNumber: string | null;
  source: string;
  method: 'pace' | 'bac' | 'vendor';
  verdict: string;
  checks: string;
  record: string;
  apduCount: number;
  durationMs: number;
}

/** The CSCA trust store, wrong-key counters and the log of complete reads (migration 0006). */
export function createChipRepository(db: SqliteDatabase) {
  const insertAnchor = db.prepare(
    `INSERT INTO chip_trust_anchors (fingerprint, subject, issuer, serial_number, country, valid_from,
       valid_to, der, source, imported_at)
     VALUES (@fingerprint, @subject, @issuer, @serialNumber, @country, @validFrom, @validTo, @der,
       @source, @importedAt)
     ON CONFLICT (fingerprint) DO NOTHING`,
  );
  const listAnchors = db.prepare<[], TrustAnchorRow>(
    `SELECT fingerprint, subject, issuer, serial_number AS serialNumber, country, valid_from AS validFrom,
       valid_to AS validTo, der, source, imported_at AS importedAt
     FROM chip_trust_anchors ORDER BY country, subject, valid_from`,
  );
  const deleteAnchor = db.prepare<[string]>('DELETE FROM chip_trust_anchors WHERE fingerprint = ?');
  const getFailures = db.prepare<[string], { failures: number; lastAt: number }>(
    'SELECT failures, last_at AS lastAt FROM chip_key_failures WHERE key_hash = ?',
  );
  const bumpFailures = db.prepare<[{ keyHash: string; at: number }]>(
    `INSERT INTO chip_key_failures (key_hash, failures, last_at) VALUES (@keyHash, 1, @at)
     ON CONFLICT (key_hash) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at`,
  );
  const clearFailures = db.prepare<[string]>('DELETE FROM chip_key_failures WHERE key_hash = ?');
  const insertRead = db.prepare(
    `INSERT INTO chip_reads (read_at, id_number, source, method, verdict, checks, record, apdu_count, duration_ms)
     VALUES (@readAt, @idNumber, @source, @method, @verdict, @checks, @record, @apduCount, @durationMs)`,
  );
  return {
    /** Adds anchors in one transaction; returns how many were new. */
    addAnchors: db.transaction((rows: TrustAnchorRow[]) =>
      rows.reduce((n, row) => n + insertAnchor.run(row).changes, 0),
    ),
    anchors: (): TrustAnchorRow[] => listAnchors.all(),
    removeAnchor: (fingerprint: string): boolean => deleteAnchor.run(fingerprint).changes > 0,
    failures: (keyHash: string): number => getFailures.get(keyHash)?.failures ?? 0,
    recordFailure: (keyHash: string, at: number): number => {
      bumpFailures.run({ keyHash, at });
      return getFailures.get(keyHash)?.failures ?? 1;
    },
    clearFailures: (keyHash: string): void => {
      clearFailures.run(keyHash);
    },
    saveRead: (row: ChipReadRow): number => Number(insertRead.run(row).lastInsertRowid),
  };
}
export type ChipRepository = ReturnType<typeof createChipRepository>;
