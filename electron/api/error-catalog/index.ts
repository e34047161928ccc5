import { coreErrors } from './core';
import { hubErrors } from './hub';
import { qrErrors } from './qr';
import { syncErrors } from './sync';

/**
 * Every stable error code, one file per domain. A capability adds its file here; codes never
 * change meaning once released.
 */
export const errorCatalog = {
  ...coreErrors,
  ...qrErrors,
  ...syncErrors,
  ...hubErrors,
} as const;
