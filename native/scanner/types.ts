/**
 * The document-scanner driver interface (DESIGN.md, Devices): every route to a scanner — eSCL,
 * SANE, WIA, NAPS2/TWAIN, a hot folder — discovers devices, reports capabilities and yields
 * pages one by one, so the pipeline above never knows which one it talks to.
 */
import type { ScannerErrorCode } from './errors';

export type DriverKind = 'escl' | 'sane' | 'wia' | 'naps2' | 'folder';

/** Where the paper is taken from. Duplex is a feeder flag, not a source of its own. */
export type ScanSource = 'flatbed' | 'feeder';

/** eSCL's RGB24 / Grayscale8 / BlackAndWhite1; SANE's Color / Gray / Lineart. */
export type ColorMode = 'color' | 'gray' | 'bw';

/** A device as the user picks it: `sane:test`, `escl:http://10.0.0.5/eSCL`, `folder:/srv/scan`. */
export interface ScannerDevice {
  uri: string;
  driver: DriverKind;
  name: string;
  /** How it was found: mDNS, `scanimage -L`, typed in by IT staff. */
  foundBy: 'mdns' | 'list' | 'manual';
  detail?: string;
}

export interface SourceCapabilities {
  source: ScanSource;
  duplex: boolean;
  /** Resolutions the device accepts (dpi); ranges are expanded to the usual stops. */
  resolutions: number[];
  colorModes: ColorMode[];
  /** MIME types the device can deliver. */
  formats: string[];
  /** The device's own name for this source (SANE backends differ: "ADF", "DP", …). */
  nativeName?: string;
  /** Largest scan area in millimetres, when the device says. */
  maxWidthMm?: number;
  maxHeightMm?: number;
}

export interface ScannerCapabilities {
  uri: string;
  makeAndModel: string;
  sources: SourceCapabilities[];
}

export interface ScanSettings {
  source: ScanSource;
  duplex: boolean;
  dpi: number;
  colorMode: ColorMode;
  /** Stop after this many pages (sides); unlimited when absent (until the feeder is empty). */
  maxPages?: number;
  /** Give up when no page arrived for this long (ms). */
  pageTimeoutMs?: number;
}

export type PageFormat = 'pnm' | 'jpeg' | 'png' | 'tiff' | 'pdf';

/** One acquired image (one side of a sheet) or, from a hot folder, one ready-made PDF. */
export interface ScannedPage {
  /** 0-based position in this job. */
  index: number;
  format: PageFormat;
  data: Buffer;
  /** The resolution the device says it used (it may differ from the one asked for). */
  dpi: number;
  colorMode: ColorMode;
  /** Where it came from, for the record (file name in a hot folder, job URL for eSCL). */
  origin?: string;
}

export interface ScannerDriver {
  readonly kind: DriverKind;
  discover(signal?: AbortSignal): Promise<ScannerDevice[]>;
  capabilities(uri: string, signal?: AbortSignal): Promise<ScannerCapabilities>;
  /**
   * Pages as the device delivers them. Ends normally when the job is complete (feeder empty
   * after ≥1 page, flatbed page done, page limit reached); throws ScannerError otherwise. Aborting
   * `signal` cancels the device job and throws SCAN_CANCELLED.
   */
  scan(uri: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage>;
}

export type { ScannerErrorCode };
