/**
 * Errors of the chip layer carry a stable `code` (the API keeps known codes as they are, see
 * electron/api/errors.ts `toApiError`) and optional facts in `details`. No messages here:
 * `native/` knows nothing of the app's languages.
 */
export type ChipErrorCode =
  | 'CHIP_TLV_MALFORMED'
  | 'CHIP_LENGTH_OVERSIZED'
  | 'CHIP_RESPONSE_MALFORMED'
  | 'CHIP_SM_INVALID'
  | 'CHIP_ACCESS_KEY_REJECTED'
  | 'CHIP_ACCESS_KEY_INVALID'
  | 'CHIP_PACE_UNSUPPORTED'
  | 'CHIP_NOT_ID_CARD'
  | 'CHIP_FILE_MISSING'
  | 'CHIP_ACCESS_DENIED'
  | 'CHIP_STATUS_UNEXPECTED'
  | 'CHIP_CARD_REMOVED'
  | 'CHIP_TRANSPORT_FAILED'
  | 'CHIP_DG_MALFORMED'
  | 'CHIP_SOD_MALFORMED'
  | 'CHIP_CURVE_UNSUPPORTED'
  | 'CHIP_MRZ_INVALID'
  | 'CHIP_CANCELLED';

export class ChipError extends Error {
  readonly code: ChipErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ChipErrorCode, details?: Record<string, unknown>) {
    super(details ? `${code} ${JSON.stringify(details)}` : code);
    this.name = 'ChipError';
    this.code = code;
    this.details = details;
  }
}
