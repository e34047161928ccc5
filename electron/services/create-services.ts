import { createAuditRepository } from '../../db/repositories/audit-repository';
import { createCitizensRepository } from '../../db/repositories/citizens-repository';
import { createDossiersRepository } from '../../db/repositories/dossiers-repository';
import { createProceduresRepository } from '../../db/repositories/procedures-repository';
import { createScannerProfilesRepository } from '../../db/repositories/scanner-profiles-repository';
import { createSettingsRepository } from '../../db/repositories/settings-repository';
import { migrationStatusSync } from '../../db/migrate';
import type { Handlers } from '../api/dispatch';
import { createAuditService } from './audit/audit-service';
import { createDossiersHandlers } from './dossiers/dossiers-service';
import { createBarcodeDevices, type BarcodeDevices } from './devices/devices-service';
import { createScannerProfiles } from './devices/scanner-profiles';
import { createIntakeHandlers } from './intake/intake-service';
import { createScanIntake } from './intake/scan-intake';
import { openOfficeDatabaseSync, type OfficeDatabase } from './office-database';
import { createProceduresHandlers, seedBundledCatalogSync } from './procedures/procedures-service';
import { createSettingsHandlers, createSettingsService } from './settings/settings-service';
import { systemClock, type Clock } from './shared/clock';
import { createEventBus, type EventBus } from './shared/event-bus';
import { createSystemHandlers } from './system/system-service';

export interface ServicesConfig {
  /** Folder with the office database, scans and logs. */
  dataDir: string;
  /** Folder holding `db/migrations` and `resources/` (the repo in dev, app.asar when packaged). */
  appRoot: string;
  appVersion: string;
  host: 'electron' | 'web';
  clock?: Clock;
  /** Who is acting, for the audit log (a workstation user once users exist). */
  actor?: string;
}

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  database: OfficeDatabase;
  /** Barcode scanners: hosts call `devices.start()`; await `devices.stop()` before exiting. */
  devices: BarcodeDevices;
  close(): void;
}

/**
 * The one place that builds every service with its dependencies. Both composition roots (the
 * Electron main process and the headless host) call it, which is why a call that works in one
 * works in the other.
 */
export function createServices(config: ServicesConfig): AppServices {
  const clock = config.clock ?? systemClock;
  const database = openOfficeDatabaseSync(config.dataDir, config.appRoot);
  const { db } = database;
  const events = createEventBus((error) => console.error('[events] listener failed:', error));

  const procedures = createProceduresRepository(db);
  seedBundledCatalogSync(procedures, config.appRoot, clock);
  const settings = createSettingsService(createSettingsRepository(db), clock, events);
  const audit = createAuditService(createAuditRepository(db), clock, config.actor ?? 'workstation');
  const intake = createScanIntake({ clock, events, audit });
  const devices = createBarcodeDevices({
    profiles: createScannerProfiles(createScannerProfilesRepository(db), clock, (key, error) =>
      console.error(`[devices] profile ${key} ignored:`, error),
    ),
    intake,
    events,
    clock,
  });

  const handlers: Handlers = {
    ...createSystemHandlers({
      appVersion: config.appVersion,
      host: config.host,
      dataDir: config.dataDir,
      databaseFile: database.file,
      schemaVersion: () => migrationStatusSync(db, database.migrations).current,
      catalogVersion: () => procedures.activeVersion(),
    }),
    ...createSettingsHandlers(settings),
    ...createProceduresHandlers(procedures),
    ...createIntakeHandlers({
      clock,
      intake,
      audit,
      settings,
      dataDir: config.dataDir,
      appRoot: config.appRoot,
    }),
    ...devices.handlers,
    ...createDossiersHandlers({
      dossiers: createDossiersRepository(db),
      citizens: createCitizensRepository(db),
      procedures,
      settings,
      audit,
      clock,
      events,
    }),
  };

  return {
    handlers,
    events,
    database,
    devices,
    close() {
      // Readers only publish events (no database use): they finish closing on their own.
      void devices.stop();
      db.close();
    },
  };
}
