/**
 * NAPS2's console (`NAPS2.Console.exe`, `naps2 console` elsewhere), the TWAIN route for offices
 * that already have NAPS2 installed (scanners.md §2.3). UNTESTED ON REAL WINDOWS: command
 * construction and output parsing are unit-tested here; NAPS2 itself cannot run on this machine.
 */
import type { ScannerErrorCode } from '../errors';
import type { ScanSettings } from '../types';

export type Naps2Driver = 'twain' | 'wia' | 'escl' | 'sane' | 'apple';

/** `naps2:twain:Canon DR-C225` → driver and the (inexact) device name NAPS2 accepts. */
export function parseNaps2Uri(uri: string): { driver: Naps2Driver; device: string } | null {
  const m = /^naps2:(twain|wia|escl|sane|apple):(.+)$/.exec(uri);
  return m ? { driver: m[1] as Naps2Driver, device: m[2]! } : null;
}

export function naps2ListArgs(driver: Naps2Driver): string[] {
  return ['--listdevices', '--driver', driver];
}

export function naps2ScanArgs(
  target: { driver: Naps2Driver; device: string },
  settings: ScanSettings,
  outPattern: string,
): string[] {
  const source = settings.source === 'flatbed' ? 'glass' : settings.duplex ? 'duplex' : 'feeder';
  const bitdepth =
    settings.colorMode === 'color' ? 'color' : settings.colorMode === 'gray' ? 'gray' : 'bw';
  return [
    '--noprofile',
    '--driver',
    target.driver,
    '--device',
    target.device,
    '--source',
    source,
    '--dpi',
    String(settings.dpi),
    '--bitdepth',
    bitdepth,
    '--pagesize',
    'a4',
    // One image file per page (NAPS2 numbers them with the $(nnnn) placeholder), so pages count.
    '-o',
    outPattern,
    '-f',
    '-v',
  ];
}

export function parseNaps2DeviceList(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(NAPS2|Usage|Error)/i.test(l));
}

const MESSAGES: [RegExp, ScannerErrorCode][] = [
  [/feeder (is )?empty|no (more )?pages? in the feeder|out of paper/i, 'FEEDER_EMPTY'],
  [/jam/i, 'PAPER_JAM'],
  [/cover.*open|door.*open/i, 'COVER_OPEN'],
  [/busy|in use/i, 'SCANNER_BUSY'],
  [/offline|not (be )?found|no (such )?device|disconnected|unplugged/i, 'SCANNER_GONE'],
  [/cancel/i, 'SCAN_CANCELLED'],
];

/** NAPS2 console reports problems as English text on stderr/stdout; map what a clerk can fix. */
export function naps2Error(output: string, exitCode: number | null): ScannerErrorCode | null {
  for (const [re, code] of MESSAGES) if (re.test(output)) return code;
  return exitCode === 0 ? null : 'SCANNER_IO_ERROR';
}
