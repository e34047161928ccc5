import type { ScannerProfilesRepository } from '../../../db/repositories/scanner-profiles-repository';
import {
  DEFAULT_WEDGE_SETTINGS,
  profileInputSchema,
  type Profile,
  type ProfileInput,
  type WedgeSettings,
} from '../../api/device-schemas';
import type { Clock } from '../shared/clock';

export interface ScannerProfiles {
  list(): Profile[];
  get(deviceKey: string): Profile | null;
  save(input: ProfileInput): Profile;
  delete(deviceKey: string): boolean;
  wedgeSettings(): WedgeSettings;
}

/**
 * Profiles as stored, re-validated on the way out: a row written by another app version with a
 * setting this one does not understand is skipped (and reported) rather than crashing a reader.
 */
export function createScannerProfiles(
  repo: ScannerProfilesRepository,
  clock: Clock,
  onInvalid: (deviceKey: string, error: unknown) => void = () => undefined,
): ScannerProfiles {
  const load = (row: ReturnType<ScannerProfilesRepository['list']>[number]): Profile | null => {
    const parsed = profileInputSchema.safeParse({
      deviceKey: row.deviceKey,
      mode: row.mode,
      label: row.label,
      enabled: row.enabled,
      vendorId: row.vendorId,
      productId: row.productId,
      settings: row.settings,
    });
    if (!parsed.success) {
      onInvalid(row.deviceKey, parsed.error);
      return null;
    }
    return { ...parsed.data, updatedAt: row.updatedAt };
  };
  const get = (deviceKey: string) => {
    const row = repo.get(deviceKey);
    return row ? load(row) : null;
  };
  return {
    list: () => repo.list().flatMap((row) => load(row) ?? []),
    get,
    save(input) {
      const profile = profileInputSchema.parse(input);
      repo.save(profile, clock.now());
      return get(profile.deviceKey)!;
    },
    delete: (deviceKey) => repo.delete(deviceKey),
    wedgeSettings() {
      const wedge = get('wedge');
      return wedge?.mode === 'wedge' && wedge.enabled ? wedge.settings : DEFAULT_WEDGE_SETTINGS;
    },
  };
}
