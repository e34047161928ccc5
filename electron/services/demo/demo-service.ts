import { createCalendarRepository } from '../../../db/repositories/calendar-repository';
import { createProceduresRepository } from '../../../db/repositories/procedures-repository';
import { createSettingsRepository } from '../../../db/repositories/settings-repository';
import type { AppServices } from '../create-services';
import { createSettingsService } from '../settings/settings-service';
import { createWorkCalendar } from '../dossiers/working-days';
import type { Clock } from '../shared/clock';
import { dirname } from 'node:path';
import { createDemoDigitizer } from './demo-digitization';
import { seedDemoData, type DemoSeedResult } from './demo-seeder';

/** Used when the office has not been set up yet; the name says it is sample data. */
export const DEMO_OFFICE = {
  officeName: 'UBND phường Mẫu (dữ liệu mẫu)',
  adminUnitCode: '00001',
  agencyCode: '000.00.00.X00',
  place: 'Phường Mẫu',
};

export interface DemoSeedRequest {
  days: number;
  perWeekday: number;
  seed: number;
  onProgress?: (daysDone: number, dossiers: number) => void;
}

export function seedDemoOffice(
  services: AppServices,
  clock: Clock,
  request: DemoSeedRequest,
): DemoSeedResult & { office: string; documents: number } {
  const { db } = services.database;
  const settings = createSettingsService(createSettingsRepository(db), clock, services.events);
  const office = settings.getOffice() ?? settings.updateOffice(DEMO_OFFICE);
  const procedures = createProceduresRepository(db);
  const digitizer = createDemoDigitizer(db, {
    dataDir: dirname(services.database.file),
    seed: request.seed,
    now: clock.now(),
  });
  const result = seedDemoData(db, {
    ...request,
    onBatch: digitizer.add,
    agencyCode: office.agencyCode,
    procedures: procedures.list(),
    history: procedures.allHistory(),
    calendar: createWorkCalendar(createCalendarRepository(db).all()),
    now: clock.now(),
  });
  // A bulk load leaves a long WAL; fold it into the database now rather than into the first
  // dossier a clerk receives afterwards.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { ...result, office: office.officeName, documents: digitizer.documents() };
}
