import type { SettingsRepository } from '../../../db/repositories/settings-repository';
import type { Handlers } from '../../api/dispatch';
import { officeSettingsSchema, type OfficeSettings } from '../../api/calls/settings';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';

const OFFICE_KEY = 'office';

export interface SettingsService {
  getOffice(): OfficeSettings | null;
  /** The office identity, or OFFICE_NOT_CONFIGURED: dossiers cannot be coded without it. */
  requireOffice(): OfficeSettings;
  updateOffice(office: OfficeSettings): OfficeSettings;
}

export function createSettingsService(
  repo: SettingsRepository,
  clock: Clock,
  events: EventBus,
): SettingsService {
  const getOffice = (): OfficeSettings | null => {
    const parsed = officeSettingsSchema.safeParse(repo.get(OFFICE_KEY));
    return parsed.success ? parsed.data : null;
  };
  return {
    getOffice,
    requireOffice() {
      const office = getOffice();
      if (!office) throw new AppError('OFFICE_NOT_CONFIGURED');
      return office;
    },
    updateOffice(office) {
      const now = clock.now();
      repo.set(OFFICE_KEY, office, now);
      events.publish({ type: 'settings.changed', at: now });
      return office;
    },
  };
}

export function createSettingsHandlers(
  service: SettingsService,
): Pick<Handlers, 'settings.getOffice' | 'settings.updateOffice'> {
  return {
    'settings.getOffice': () => service.getOffice(),
    'settings.updateOffice': (input) => service.updateOffice(input),
  };
}
