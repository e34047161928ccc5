import { chipErrors } from './chip';
import { autofillErrors } from './autofill';
import { coreErrors } from './core';
import { dossierErrors } from './dossiers';
import { procedureErrors } from './procedures';
import { deviceErrors } from './devices';
import { qrErrors } from './qr';
import { reportErrors } from './reports';
import { scannerErrors } from './scanner';
import { hubErrors } from './hub';
import { syncErrors } from './sync';

/**
 * Every stable error code, one file per domain. A capability adds its file here; codes never
 * change meaning once released.
 */
export const errorCatalog = {
  ...coreErrors,
  ...qrErrors,
  ...procedureErrors,
  ...dossierErrors,
  ...chipErrors,
  ...autofillErrors,
  ...deviceErrors,
  ...scannerErrors,
  ...syncErrors,
  ...hubErrors,
  ...reportErrors,
} as const;
