import { coreErrors } from './core';
import { deviceErrors } from './devices';
import { qrErrors } from './qr';

/**
 * Every stable error code, one file per domain. A capability adds its file here; codes never
 * change meaning once released.
 */
export const errorCatalog = {
  ...coreErrors,
  ...qrErrors,
  ...deviceErrors,
} as const;
