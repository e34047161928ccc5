import { coreErrors } from './core';
import { qrErrors } from './qr';
import { scannerErrors } from './scanner';

/**
 * Every stable error code, one file per domain. A capability adds its file here; codes never
 * change meaning once released.
 */
export const errorCatalog = {
  ...coreErrors,
  ...qrErrors,
  ...scannerErrors,
} as const;
