import { createAuditRepository } from '../../db/repositories/audit-repository';
import { createCitizensRepository } from '../../db/repositories/citizens-repository';
import { createDossiersRepository } from '../../db/repositories/dossiers-repository';
import { createProceduresRepository } from '../../db/repositories/procedures-repository';
import { createSettingsRepository } from '../../db/repositories/settings-repository';
import { createDailyFiguresRepository } from '../../db/repositories/daily-figures-repository';
import { createSyncRepository } from '../../db/repositories/sync-repository';
import { migrationStatusSync } from '../../db/migrate';
import type { BackoffPolicy } from '../../native/sync/backoff';
import type { Handlers } from '../api/dispatch';
import { createAuditService } from './audit/audit-service';
import { createDossiersHandlers } from './dossiers/dossiers-service';
import { createIntakeHandlers } from './intake/intake-service';
import { openOfficeDatabaseSync, type OfficeDatabase } from './office-database';
import { createProceduresHandlers, seedBundledCatalogSync } from './procedures/procedures-service';
import { createSettingsHandlers, createSettingsService } from './settings/settings-service';
import { systemClock, type Clock } from './shared/clock';
import { createEventBus, type EventBus } from './shared/event-bus';
import { createSystemHandlers } from './system/system-service';
import { createKeyStore } from './sync/key-store';
import { createSyncHandlers } from './sync/sync-handlers';
import { createSyncService, type SyncService } from './sync/sync-service';
import {
  assistedFilingFiguresProviderPendingIssue4,
  createDailySummarySource,
  digitizationFiguresProviderPendingIssue5,
  dossierFiguresProvider,
} from './sync/summary-source';

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
  /** Upward sync: run the background sender (the app's hosts; not the CLI or tests). */
  syncBackground?: boolean;
  /** Upward sync retry policy (tests shorten it). */
  syncBackoff?: BackoffPolicy;
}

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  database: OfficeDatabase;
  sync: SyncService;
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
  const syncRepo = createSyncRepository(db);
  const syncKeys = createKeyStore(syncRepo, config.dataDir, clock);
  const sync = createSyncService({
    repo: syncRepo,
    settingsRepo: createSettingsRepository(db),
    office: settings,
    // The seam for issues 4 and 5: one provider per source of figures (see summary-source.ts).
    source: createDailySummarySource([
      dossierFiguresProvider(createDailyFiguresRepository(db)),
      assistedFilingFiguresProviderPendingIssue4(),
      digitizationFiguresProviderPendingIssue5(),
    ]),
    keys: syncKeys,
    clock,
    events,
    ...(config.syncBackoff ? { backoff: config.syncBackoff } : {}),
  });
  if (config.syncBackground) sync.scheduler.start();

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
      dossiers: createDossiersRepository(db),
      citizens: createCitizensRepository(db),
      procedures,
      settings,
      audit,
      clock,
      events,
    }),
    ...createSyncHandlers({
      service: sync,
      repo: syncRepo,
      keys: syncKeys,
      office: settings,
      clock,
    }),
  };

  return {
    handlers,
    events,
    database,
    sync,
    close: () => {
      sync.scheduler.stop();
      db.close();
    },
  };
}
