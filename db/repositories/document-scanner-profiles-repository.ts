import type { SqliteDatabase } from '../connection';

export interface DocumentScannerProfileRow {
  id: number;
  name: string;
  deviceUri: string;
  source: 'flatbed' | 'feeder';
  duplex: boolean;
  dpi: number;
  colorMode: 'color' | 'gray' | 'bw';
  deskew: boolean;
  isDefault: boolean;
}

export type DocumentScannerProfileInput = Omit<DocumentScannerProfileRow, 'id'> & { id?: number };

interface RawProfile {
  id: number;
  name: string;
  deviceUri: string;
  source: 'flatbed' | 'feeder';
  duplex: number;
  dpi: number;
  colorMode: 'color' | 'gray' | 'bw';
  deskew: number;
  isDefault: number;
}

const SELECT = `SELECT id, name, device_uri AS deviceUri, source, duplex, dpi, color_mode AS colorMode,
  deskew, is_default AS isDefault FROM scanner_profiles`;

const toRow = (r: RawProfile): DocumentScannerProfileRow => ({
  ...r,
  duplex: r.duplex === 1,
  deskew: r.deskew === 1,
  isDefault: r.isDefault === 1,
});

export function createDocumentScannerProfilesRepository(db: SqliteDatabase) {
  const list = db.prepare<[], RawProfile>(
    `${SELECT} WHERE archived = 0 ORDER BY is_default DESC, name`,
  );
  const byId = db.prepare<[number], RawProfile>(`${SELECT} WHERE id = ? AND archived = 0`);
  const insert = db.prepare(
    `INSERT INTO scanner_profiles (name, device_uri, source, duplex, dpi, color_mode, deskew, is_default,
       created_at, updated_at)
     VALUES (@name, @deviceUri, @source, @duplex, @dpi, @colorMode, @deskew, @isDefault, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE scanner_profiles SET name = @name, device_uri = @deviceUri, source = @source, duplex = @duplex,
       dpi = @dpi, color_mode = @colorMode, deskew = @deskew, is_default = @isDefault, updated_at = @now
     WHERE id = @id AND archived = 0`,
  );
  const clearDefault = db.prepare(
    'UPDATE scanner_profiles SET is_default = 0 WHERE is_default = 1',
  );
  // Profiles are archived, not deleted: filed documents name the device they came from.
  const archive = db.prepare<[number, number]>(
    'UPDATE scanner_profiles SET archived = 1, is_default = 0, updated_at = ? WHERE id = ?',
  );
  const save = db.transaction((input: DocumentScannerProfileInput, now: number): number => {
    if (input.isDefault) clearDefault.run();
    const params = {
      ...input,
      duplex: input.duplex ? 1 : 0,
      deskew: input.deskew ? 1 : 0,
      isDefault: input.isDefault ? 1 : 0,
      now,
    };
    if (input.id === undefined) return Number(insert.run(params).lastInsertRowid);
    update.run(params);
    return input.id;
  });
  return {
    list: (): DocumentScannerProfileRow[] => list.all().map(toRow),
    get: (id: number): DocumentScannerProfileRow | undefined => {
      const r = byId.get(id);
      return r ? toRow(r) : undefined;
    },
    save: (input: DocumentScannerProfileInput, now: number): number => save.immediate(input, now),
    archive: (id: number, now: number): boolean => archive.run(now, id).changes > 0,
  };
}
export type DocumentScannerProfilesRepository = ReturnType<
  typeof createDocumentScannerProfilesRepository
>;
