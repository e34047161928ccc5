/** Routes a device URI to its driver by scheme: `sane:`, `escl:`, `folder:`, `wia:`, `naps2:`. */
import { ScannerError } from './errors';
import type { DriverKind, ScannerDriver } from './types';

export type DriverSet = Partial<Record<DriverKind, ScannerDriver>>;

export function driverKindOf(uri: string): DriverKind {
  const scheme = /^([a-z0-9]+):/.exec(uri)?.[1];
  if (
    scheme === 'sane' ||
    scheme === 'escl' ||
    scheme === 'folder' ||
    scheme === 'wia' ||
    scheme === 'naps2'
  )
    return scheme;
  throw new ScannerError('SCANNER_URI_INVALID', `Unknown device address: ${uri}`, { uri });
}

export function driverFor(drivers: DriverSet, uri: string): ScannerDriver {
  const kind = driverKindOf(uri);
  const driver = drivers[kind];
  if (!driver)
    throw new ScannerError('SCANNER_DRIVER_MISSING', `No ${kind} driver on this computer`, { uri });
  return driver;
}
