import { createAutofillTemplatesRepository } from '../../db/repositories/autofill-templates-repository';
import { createAuditRepository } from '../../db/repositories/audit-repository';
import { createCitizensRepository } from '../../db/repositories/citizens-repository';
import { createDossiersRepository } from '../../db/repositories/dossiers-repository';
import { createProceduresRepository } from '../../db/repositories/procedures-repository';
import { createSettingsRepository } from '../../db/repositories/settings-repository';
import { migrationStatusSync } from '../../db/migrate';
import type { Handlers } from '../api/dispatch';
import { createAuditService } from './audit/audit-service';
import { createAutofillHandlers } from './autofill/autofill-handlers';
import { headlessAutofillHost, type AutofillHost } from './autofill/autofill-host';
import { createAutofillService, type AutofillService } from './autofill/autofill-service';
import { createTemplatesService } from './autofill/templates-service';
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
  /** Focus, Esc and desktop access for autofill; the headless one unless the host has its own. */
  autofillHost?: AutofillHost;
}

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  database: OfficeDatabase;
  autofill: AutofillService;
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
  const citizens = createCitizensRepository(db);
  const dossiers = createDossiersRepository(db);
  const templates = createTemplatesService(
    createAutofillTemplatesRepository(db),
    createSettingsRepository(db),
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
      citizens,
      procedures,
      settings,
      audit,
      clock,
      events,
    }),
    ...createAutofillHandlers({ templates, runs: autofill, citizens, dossiers, clock }),
  };

  return {
    handlers,
    events,
    database,
    autofill,
    close: () => {
      autofill.abort();
      db.close();
    },
  };
}
