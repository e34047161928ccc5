/**
 * Typed scanner errors. `native/` cannot import the API contract (dependency rule), so each
 * error carries its stable code as a plain string; `toApiError` keeps it when the catalogue
 * knows it (electron/api/error-catalog/scanner.ts has the Vietnamese messages).
 */
export const SCANNER_ERROR_CODES = [
  'SCANNER_BUSY',
  'SCANNER_GONE',
  'FEEDER_EMPTY',
  'PAPER_JAM',
  'COVER_OPEN',
  'SCAN_CANCELLED',
  'SCAN_TIMEOUT',
  /** The device answered, but with something that is not a usable image. */
  'SCAN_IMAGE_CORRUPT',
  /** The device refused the settings (a source, duplex or resolution it does not have). */
  'SCAN_SETTINGS_UNSUPPORTED',
  /** Any other device-side failure (SANE I/O error, eSCL 500). */
  'SCANNER_IO_ERROR',
  /** The program this route needs is not installed (scanimage, PowerShell, NAPS2). */
  'SCANNER_DRIVER_MISSING',
  /** `sane:…`, `escl:…`, `folder:…` could not be understood. */
  'SCANNER_URI_INVALID',
  /** A hot-folder file that is neither an image nor a PDF. */
  'HOT_FOLDER_FILE_UNSUPPORTED',
] as const;

export type ScannerErrorCode = (typeof SCANNER_ERROR_CODES)[number];

export class ScannerError extends Error {
  readonly code: ScannerErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ScannerErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ScannerError';
    this.code = code;
    this.details = details;
  }
}

/** The error an aborted signal turns into, whatever the driver was doing at the time. */
export function cancelledError(): ScannerError {
  return new ScannerError('SCAN_CANCELLED', 'Scan cancelled');
}

/** Waits `ms`, or rejects with SCAN_CANCELLED as soon as `signal` aborts (retry pauses, polling). */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
