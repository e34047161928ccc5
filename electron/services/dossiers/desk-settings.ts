import type { SettingsRepository } from '../../../db/repositories/settings-repository';
import { dossierSettingsSchema, type DossierSettings } from '../../api/calls/dossiers';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';

const KEY = 'desk';
/** Five working days without movement is a week of silence for the citizen (regulations.md §6). */
export const DEFAULT_STUCK_AFTER_DAYS = 5;

/**
 * Workstation-level settings of the dossier lifecycle. The province code defaults to the office's
 * administrative unit code when that is a 2-digit province code.
 */
export function createDeskSettings(
  repo: SettingsRepository,
  office: SettingsService,
  clock: Clock,
) {
  function get(): DossierSettings {
    const stored = dossierSettingsSchema.partial().safeParse(repo.get(KEY));
    const value = stored.success ? stored.data : {};
    const adminUnit = office.getOffice()?.adminUnitCode ?? '';
    return {
      workstationPrefix: value.workstationPrefix ?? null,
      stuckAfterDays: value.stuckAfterDays ?? DEFAULT_STUCK_AFTER_DAYS,
      provinceCode: value.provinceCode ?? (/^\d{2}$/.test(adminUnit) ? adminUnit : null),
    };
  }
  return {
    get,
    update(settings: DossierSettings): DossierSettings {
      repo.set(KEY, settings, clock.now());
      return get();
    },
  };
}
export type DeskSettings = ReturnType<typeof createDeskSettings>;
