import type { DocumentScannerProfilesRepository } from '../../../db/repositories/document-scanner-profiles-repository';
import { driverFor, driverKindOf, type DriverSet } from '../../../native/scanner/registry';
import type { ScannerDevice } from '../../../native/scanner/types';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';

export interface ScannerHandlerDeps {
  drivers: DriverSet;
  profiles: DocumentScannerProfilesRepository;
  audit: AuditService;
  clock: Clock;
  /** Devices always offered (e.g. `sane:test` on a demo machine). */
  extraDevices?: ScannerDevice[];
}

type ScannersCall = Extract<keyof Handlers, `scanners.${string}`>;

export function createScannerHandlers(deps: ScannerHandlerDeps): Pick<Handlers, ScannersCall> {
  return {
    'scanners.discover': async () => {
      const devices: ScannerDevice[] = [...(deps.extraDevices ?? [])];
      const unavailable: { driver: string; code: string }[] = [];
      // Each route is searched on its own: a missing scanimage must not hide network scanners.
      const results = await Promise.allSettled(
        Object.values(deps.drivers).map(async (driver) => ({
          driver,
          found: await driver.discover(AbortSignal.timeout(8000)),
        })),
      );
      for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled') devices.push(...result.value.found);
        else
          unavailable.push({
            driver: Object.keys(deps.drivers)[i]!,
            code: String((result.reason as { code?: string }).code ?? 'SCANNER_IO_ERROR'),
          });
      }
      const seen = new Set<string>();
      return { devices: devices.filter((d) => !seen.has(d.uri) && seen.add(d.uri)), unavailable };
    },
    'scanners.capabilities': ({ uri }) =>
      driverFor(deps.drivers, uri).capabilities(uri, AbortSignal.timeout(15_000)),
    'scanners.listProfiles': () => deps.profiles.list(),
    'scanners.saveProfile': (input) => {
      driverKindOf(input.deviceUri);
      if (input.id !== undefined && !deps.profiles.get(input.id))
        throw new AppError('SCANNER_PROFILE_NOT_FOUND', { id: input.id });
      const id = deps.profiles.save(input, deps.clock.now());
      deps.audit.record('scanners.saveProfile', String(id), { deviceUri: input.deviceUri });
      return deps.profiles.get(id)!;
    },
    'scanners.archiveProfile': ({ id }) => {
      if (!deps.profiles.archive(id, deps.clock.now()))
        throw new AppError('SCANNER_PROFILE_NOT_FOUND', { id });
      deps.audit.record('scanners.archiveProfile', String(id));
      return { archived: true as const };
    },
  };
}
