import { createAutofillTemplatesRepository } from '../../db/repositories/autofill-templates-repository';
import { createAuditRepository } from '../../db/repositories/audit-repository';
import { createCalendarRepository } from '../../db/repositories/calendar-repository';
import { createDossierStatsRepository } from '../../db/repositories/dossier-stats-repository';
import { createChipRepository } from '../../db/repositories/chip-repository';
import { createCitizensRepository } from '../../db/repositories/citizens-repository';
import { createDossiersRepository } from '../../db/repositories/dossiers-repository';
import { createProceduresRepository } from '../../db/repositories/procedures-repository';
import { createScannerProfilesRepository } from '../../db/repositories/scanner-profiles-repository';
import { createSettingsRepository } from '../../db/repositories/settings-repository';
import { createDigitizationRepository } from '../../db/repositories/digitization-repository';
import { createScanDraftsRepository } from '../../db/repositories/scan-drafts-repository';
import { createDocumentScannerProfilesRepository } from '../../db/repositories/document-scanner-profiles-repository';
import { createSyncRepository } from '../../db/repositories/sync-repository';
import { createReportsRepository } from '../../db/repositories/reports-repository';
import { migrationStatusSync } from '../../db/migrate';
import type { BackoffPolicy } from '../../native/sync/backoff';
import type { Handlers } from '../api/dispatch';
import { createAuditService } from './audit/audit-service';
import {
  createCalendarHandlers,
  createCalendarService,
  seedBundledCalendarSync,
} from './dossiers/calendar-service';
import { createDeskSettings } from './dossiers/desk-settings';
import { createChipHandlers } from './chip/chip-handlers';
import { createChipService } from './chip/chip-service';
import { createTrustStore } from './chip/trust-store';
import { createVendorIngest } from './chip/vendor-ingest';
import { startVendorReceiver, type VendorReceiver } from './chip/vendor-receiver';
import { createAutofillHandlers } from './autofill/autofill-handlers';
import { headlessAutofillHost, type AutofillHost } from './autofill/autofill-host';
import { createAutofillService, type AutofillService } from './autofill/autofill-service';
import { createTemplatesService } from './autofill/templates-service';
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
import { createIndicatorsHandlers, createIndicatorsService } from './indicators/indicators-service';
import { createBarcodeDevices, type BarcodeDevices } from './devices/devices-service';
import { createScannerProfiles } from './devices/scanner-profiles';
import { createIntakeHandlers } from './intake/intake-service';
import { createScanIntake } from './intake/scan-intake';
import { openOfficeDatabaseSync, type OfficeDatabase } from './office-database';
import { createCatalogHandlers, createCatalogService } from './procedures/catalog-service';
import {
  createProceduresHandlers,
  createProceduresService,
  seedBundledCatalogSync,
} from './procedures/procedures-service';
import {
  createReportsHandlers,
  createReportsService,
  type ReportsService,
} from './reports/reports-service';
import { createSettingsHandlers, createSettingsService } from './settings/settings-service';
import { systemClock, type Clock } from './shared/clock';
import { createEventBus, type EventBus } from './shared/event-bus';
import { createSystemHandlers } from './system/system-service';
import { createKeyStore } from './sync/key-store';
import { createSyncHandlers } from './sync/sync-handlers';
import { createSyncService, type SyncService } from './sync/sync-service';
import { createDailySummarySource, officeSummaryProviders } from './sync/summary-source';

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
  /** PC/SC chip readers; off with MOTCUA_PCSC=off (machines where no smart-card service may run). */
  pcsc?: boolean;
  /** Loopback port for vendor reader middleware pushing JSON (MOTCUA_VENDOR_PUSH_PORT); off if unset. */
  vendorPushPort?: number;
  /** Focus, Esc and desktop access for autofill; the headless one unless the host has its own. */
  autofillHost?: AutofillHost;
  /** Document-scanner drivers and their patience (tests shorten retries; defaults otherwise). */
  scanners?: ScannerConfig;
  /** Upward sync: run the background sender (the app's hosts; not the CLI or tests). */
  syncBackground?: boolean;
  /** Upward sync retry policy (tests shorten it). */
  syncBackoff?: BackoffPolicy;
}

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  database: OfficeDatabase;
  /** The vendor push receiver, when configured (null if it could not listen). */
  vendorReceiver?: Promise<VendorReceiver | null>;
  autofill: AutofillService;
  /** Barcode scanners: hosts call `devices.start()`; await `devices.stop()` before exiting. */
  devices: BarcodeDevices;
  /** The scan/draft/filing service, for hosts that go past the contract (CLI `scan --out`). */
  digitization: DigitizationService;
  sync: SyncService;
  /** Reports, for the CLI's `report --out` (bytes without a base64 round trip). */
  reports: ReportsService;
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

  const actor = config.actor ?? 'workstation';
  const procedures = createProceduresRepository(db);
  seedBundledCatalogSync(procedures, config.appRoot, clock);
  const settingsRepo = createSettingsRepository(db);
  const calendarRepo = createCalendarRepository(db);
  seedBundledCalendarSync(calendarRepo, settingsRepo, config.appRoot, clock);
  const settings = createSettingsService(settingsRepo, clock, events);
  const audit = createAuditService(createAuditRepository(db), clock, actor);
  const desk = createDeskSettings(settingsRepo, settings, clock);
  const dossiers = createDossiersRepository(db);
  const proceduresService = createProceduresService({
    repo: procedures,
    audit,
    clock,
    events,
    provinceCode: () => desk.get().provinceCode,
    actor,
  });
  const calendar = createCalendarService({ repo: calendarRepo, procedures, audit, clock });
  const chipRepo = createChipRepository(db);
  const trust = createTrustStore(chipRepo, clock, audit);
  const vendorIngest = createVendorIngest({ repo: chipRepo, trust, audit, clock });
  const chip = createChipService({
    repo: chipRepo,
    trust,
    audit,
    events,
    clock,
    enabled: config.pcsc ?? process.env.MOTCUA_PCSC !== 'off',
  });
  const citizens = createCitizensRepository(db);
  const templates = createTemplatesService(
    createAutofillTemplatesRepository(db),
    settingsRepo,
    clock,
  );
  templates.seedBuiltinsSync();
  const autofill = createAutofillService({
    host: config.autofillHost ?? headlessAutofillHost(),
    audit,
    events,
    clock,
    onInternalError: (error) => console.error('[autofill]', error),
  });
  const intake = createScanIntake({ clock, events, audit });
  const devices = createBarcodeDevices({
    profiles: createScannerProfiles(createScannerProfilesRepository(db), clock, (key, error) =>
      console.error(`[devices] profile ${key} ignored:`, error),
    ),
    intake,
    events,
    clock,
  });

  const drafts = createScanDraftsRepository(db);
  const documents = createDigitizationRepository(db);
  const profiles = createDocumentScannerProfilesRepository(db);
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
  const syncRepo = createSyncRepository(db);
  const syncKeys = createKeyStore(syncRepo, config.dataDir, clock);
  const sync = createSyncService({
    repo: syncRepo,
    settingsRepo,
    office: settings,
    // One provider per source table of the figures (see summary-source.ts).
    source: createDailySummarySource(officeSummaryProviders(db)),
    keys: syncKeys,
    clock,
    events,
    ...(config.syncBackoff ? { backoff: config.syncBackoff } : {}),
  });
  if (config.syncBackground) sync.scheduler.start();

  const indicators = createIndicatorsService({
    stats: createDossierStatsRepository(db),
    dossiers,
    procedures: proceduresService,
    desk,
    clock,
  });
  const reports = createReportsService({
    appRoot: config.appRoot,
    repo: createReportsRepository(db),
    digitization: documents,
    indicators,
    procedures: proceduresService,
    settings,
    clock,
    events,
    actor,
  });
  reports.profiles.seedBuiltinsSync();

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
    ...createProceduresHandlers(proceduresService),
    ...createCatalogHandlers(
      createCatalogService({ repo: procedures, audit, clock, events, actor }),
    ),
    ...createCalendarHandlers(calendar, procedures, clock),
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
      dossiers,
      citizens,
      procedures,
      settings,
      desk,
      calendar,
      audit,
      clock,
      events,
    }),
    ...createIndicatorsHandlers(indicators),
    ...createChipHandlers(chip, trust, vendorIngest),
    ...createAutofillHandlers({
      templates,
      runs: autofill,
      citizens,
      dossiers,
      clock,
      // A reveal counts for the clerk's current customer, not for the rest of the day.
      wasRevealed: (idNumber) => intake.wasRevealed(idNumber, 30 * 60_000),
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
    ...createSyncHandlers({
      service: sync,
      repo: syncRepo,
      keys: syncKeys,
      office: settings,
      clock,
    }),
    ...createReportsHandlers(reports),
  };

  const pushPort =
    config.vendorPushPort ??
    (process.env.MOTCUA_VENDOR_PUSH_PORT ? Number(process.env.MOTCUA_VENDOR_PUSH_PORT) : undefined);
  const vendorReceiver =
    pushPort === undefined || !Number.isInteger(pushPort)
      ? undefined
      : startVendorReceiver({ port: pushPort, ingest: vendorIngest, events, clock }).catch(
          (error: unknown) => {
            console.error(`[chip] vendor push receiver could not listen on ${pushPort}:`, error);
            return null;
          },
        );

  return {
    handlers,
    events,
    database,
    ...(vendorReceiver ? { vendorReceiver } : {}),
    autofill,
    devices,
    digitization,
    sync,
    reports,
    close: () => {
      sync.scheduler.stop();
      autofill.abort();
      chip.close();
      void vendorReceiver?.then((r) => r?.close());
      // Readers only publish events (no database use): they finish closing on their own.
      void devices.stop();
      // Running scans are stopped; their drafts are marked interrupted at the next start.
      void sessions.cancelAll().catch(() => undefined);
      db.close();
    },
  };
}
