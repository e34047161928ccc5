import { createEsclDriver, type EsclDriverOptions } from '../../../native/scanner/escl/escl-driver';
import {
  createHotFolderDriver,
  type HotFolderOptions,
} from '../../../native/scanner/hot-folder/hot-folder-driver';
import type { DriverSet } from '../../../native/scanner/registry';
import { createSaneDriver, type SaneDriverOptions } from '../../../native/scanner/sane/sane-driver';
import type { ScannerDevice } from '../../../native/scanner/types';
import {
  createNaps2Driver,
  createWiaDriver,
} from '../../../native/scanner/windows/windows-drivers';

export interface ScannerConfig {
  drivers?: DriverSet;
  pageTimeoutMs?: { device: number; folder: number };
  extraDevices?: ScannerDevice[];
}

export interface DriverOptions {
  escl?: EsclDriverOptions;
  sane?: SaneDriverOptions;
  folder?: HotFolderOptions;
}

/**
 * Every route on every OS: eSCL and hot folders everywhere, SANE where scanimage exists, WIA and
 * NAPS2 on Windows (they report SCANNER_DRIVER_MISSING elsewhere). SANE's `test` device draws its
 * colour pattern unless the address asks for another picture (`sane:test?test-picture=Grid`).
 */
export function defaultScannerDrivers(options: DriverOptions = {}): DriverSet {
  return {
    escl: createEsclDriver(options.escl),
    sane: createSaneDriver({
      extraArgs: (device, uriOptions) =>
        device === 'test' && !uriOptions.some((o) => o.startsWith('--test-picture='))
          ? ['--test-picture', 'Color pattern']
          : [],
      ...options.sane,
    }),
    folder: createHotFolderDriver(options.folder),
    wia: createWiaDriver(),
    naps2: createNaps2Driver(),
  };
}
