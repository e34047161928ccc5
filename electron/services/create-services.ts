import { createAuditRepository } from '../../db/repositories/audit-repository';
import { createCitizensRepository } from '../../db/repositories/citizens-repository';
import { createDossiersRepository } from '../../db/repositories/dossiers-repository';
import { createProceduresRepository } from '../../db/repositories/procedures-repository';
import { createSettingsRepository } from '../../db/repositories/settings-repository';
import { createDigitizationRepository } from '../../db/repositories/digitization-repository';
import { createScanDraftsRepository } from '../../db/repositories/scan-drafts-repository';
import { createScannerProfilesRepository } from '../../db/repositories/scanner-profiles-repository';
import { migrationStatusSync } from '../../db/migrate';
import type { Handlers } from '../api/dispatch';
import { createAuditService } from './audit/audit-service';
import { loadComponentTypesSync } from './digitization/component-types';
import { createDigitizationHandlers } from './digitization/digitization-handlers';
import {
  createDigitizationService,
  type DigitizationService,
} from './digitization/digitization-service';
import { createScanSessions } from './digitization/scan-sessions';
import { defaultScannerDrivers, type ScannerConfig } from './digitization/scanner-drivers';
import { createScannerHandlers } from './digitization/scanner-handlers';
import { createDossiersHandlers } from './dossiers/dossiers-service';
import { createIntakeHandlers } from './intake/intake-service';
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
  /** Document-scanner drivers and their patience (tests shorten retries; defaults otherwise). */
  scanners?: ScannerConfig;
}

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  database: OfficeDatabase;
  /** The scan/draft/filing service, for hosts that go past the contract (CLI `scan --out`). */
  digitization: DigitizationService;
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

  const actor = config.actor ?? 'workstation';
  const dossiers = createDossiersRepository(db);
  const drafts = createScanDraftsRepository(db);
  const documents = createDigitizationRepository(db);
  const profiles = createScannerProfilesRepository(db);
  const drivers = config.scanners?.drivers ?? defaultScannerDrivers();
  // A draft still "scanning" was left by a process that died: its pages stay, marked interrupted.
  drafts.markInterrupted(clock.now());
  const sessions = createScanSessions({
    dataDir: config.dataDir,
    drafts,
    drivers,
    events,
    clock,
    ...(config.scanners?.pageTimeoutMs ? { pageTimeoutMs: config.scanners.pageTimeoutMs } : {}),
    onInternalError: (error) => console.error('[scan]', error),
  });
  const digitization = createDigitizationService({
    dataDir: config.dataDir,
    documents,
    drafts,
    dossiers,
    profiles,
    sessions,
    events,
    audit,
    clock,
    actor,
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
    ...createIntakeHandlers(clock),
    ...createDossiersHandlers({
      dossiers,
      citizens: createCitizensRepository(db),
      procedures,
      settings,
      audit,
      clock,
      events,
    }),
    ...createScannerHandlers({
      drivers,
      profiles,
      audit,
      clock,
      ...(config.scanners?.extraDevices ? { extraDevices: config.scanners.extraDevices } : {}),
    }),
    ...createDigitizationHandlers({
      dataDir: config.dataDir,
      service: digitization,
      documents,
      drafts,
      dossiers,
      procedures,
      componentTypes: loadComponentTypesSync(config.appRoot),
      audit,
      events,
      clock,
      actor,
    }),
  };

  return {
    handlers,
    events,
    database,
    digitization,
    close: () => {
      // Running scans are stopped; their drafts are marked interrupted at the next start.
      void sessions.cancelAll().catch(() => undefined);
      db.close();
    },
  };
}
