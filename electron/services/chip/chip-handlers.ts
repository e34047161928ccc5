import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { ChipService } from './chip-service';
import type { TrustStore } from './trust-store';
import type { VendorIngest } from './vendor-ingest';

export function createChipHandlers(
  chip: ChipService,
  trust: TrustStore,
  vendor: VendorIngest,
): Pick<
  Handlers,
  | 'chip.status'
  | 'chip.read'
  | 'chip.cancel'
  | 'chip.trustList'
  | 'chip.trustImport'
  | 'chip.trustRemove'
  | 'chip.vendorIngest'
> {
  return {
    'chip.status': () => chip.status(),
    'chip.read': (input) => chip.read(input),
    'chip.cancel': () => ({ cancelled: chip.cancel() }),
    'chip.trustList': () => trust.list(),
    'chip.trustImport': ({ fileName, contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length === 0) throw new AppError('TRUST_FILE_INVALID', { fileName });
      return trust.import(fileName, bytes);
    },
    'chip.trustRemove': ({ fingerprint }) => ({ removed: trust.remove(fingerprint) }),
    'chip.vendorIngest': ({ format, payload, qr }) => vendor.ingest(format, payload, qr),
  };
}
