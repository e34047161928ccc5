import type { SqliteDatabase } from '../connection';

export interface ScannerProfileRow {
  deviceKey: string;
  mode: 'wedge' | 'hid_pos' | 'serial';
  label: string;
  enabled: boolean;
  vendorId: number | null;
  productId: number | null;
  /** Parsed JSON; the service validates it against the mode's schema. */
  settings: unknown;
  updatedAt: number;
}

interface RawRow {
  deviceKey: string;
  mode: ScannerProfileRow['mode'];
  label: string;
  enabled: number;
  vendorId: number | null;
  productId: number | null;
  settings: string;
  updatedAt: number;
}

const COLUMNS = `device_key AS deviceKey, mode, label, enabled, vendor_id AS vendorId,
  product_id AS productId, settings, updated_at AS updatedAt`;

function toRow(raw: RawRow): ScannerProfileRow {
  return { ...raw, enabled: raw.enabled === 1, settings: JSON.parse(raw.settings) as unknown };
}

/** Per-workstation scanner profiles (migration 0002). */
export function createScannerProfilesRepository(db: SqliteDatabase) {
  const all = db.prepare<[], RawRow>(
    `SELECT ${COLUMNS} FROM barcode_scanner_profiles ORDER BY mode, label`,
  );
  const one = db.prepare<[string], RawRow>(
    `SELECT ${COLUMNS} FROM barcode_scanner_profiles WHERE device_key = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO barcode_scanner_profiles
       (device_key, mode, label, enabled, vendor_id, product_id, settings, created_at, updated_at)
     VALUES (@deviceKey, @mode, @label, @enabled, @vendorId, @productId, @settings, @now, @now)
     ON CONFLICT (device_key) DO UPDATE SET mode = excluded.mode, label = excluded.label,
       enabled = excluded.enabled, vendor_id = excluded.vendor_id,
       product_id = excluded.product_id, settings = excluded.settings,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM barcode_scanner_profiles WHERE device_key = ?');
  return {
    list: (): ScannerProfileRow[] => all.all().map(toRow),
    get(deviceKey: string): ScannerProfileRow | null {
      const raw = one.get(deviceKey);
      return raw ? toRow(raw) : null;
    },
    save(profile: Omit<ScannerProfileRow, 'updatedAt'>, now: number): void {
      upsert.run({
        ...profile,
        enabled: profile.enabled ? 1 : 0,
        settings: JSON.stringify(profile.settings),
        now,
      });
    },
    delete: (deviceKey: string): boolean => remove.run(deviceKey).changes > 0,
  };
}
export type ScannerProfilesRepository = ReturnType<typeof createScannerProfilesRepository>;
