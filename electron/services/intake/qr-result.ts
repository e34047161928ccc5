import {
  parseCccdQr,
  type QrIssue,
  type QrParseResult,
  type QrWarningCode,
} from '../../../native/cccd/qr-payload';
import { AppError, errorMessage } from '../../api/errors';
import type { QrResult } from '../../api/scan-schemas';
import type { Warning } from '../../api/schemas';
import { warningMessage } from '../../api/warnings';

/** cccd-formats.md §1.2 field names, for telling the clerk which field is wrong. */
const FIELD_NAMES: Readonly<Record<number, string>> = {
  1: 'số định danh cá nhân',
  2: 'số CMND cũ',
  3: 'họ và tên',
  4: 'ngày sinh',
  5: 'giới tính',
  6: 'nơi thường trú',
  7: 'ngày cấp',
};

function describeWarnings(warnings: QrIssue<QrWarningCode>[]): Warning[] {
  return warnings.map((w) => ({ code: w.code, message: warningMessage(w.code) }));
}

/**
 * The parser reports codes; here they get the clerk's words, in the issue's exact shape (also
 * the CLI's line): `{ ok, citizen, warnings: [{ code, message }] }` or `{ ok, error: { code,
 * message } }`. The faulty field, when known, is named at the end of the message.
 */
export function describeQrResult(result: QrParseResult): QrResult {
  if (!result.ok) {
    const { code, field } = result.error;
    const where = field && FIELD_NAMES[field] ? ` (trường ${field}: ${FIELD_NAMES[field]})` : '';
    return { ok: false, error: { code, message: `${errorMessage(code)}${where}` } };
  }
  return { ok: true, citizen: result.citizen, warnings: describeWarnings(result.warnings) };
}

/** For the API: a rejected payload is a domain error carrying its stable code. */
export function qrResultOrThrow(result: QrParseResult) {
  if (!result.ok) {
    const { code, field } = result.error;
    throw new AppError(code, field ? { field } : undefined);
  }
  return { citizen: result.citizen, warnings: describeWarnings(result.warnings) };
}

/** Parses scanner bytes for the CLI and tests, with the clerk's messages attached. */
export function parseQrPayload(bytes: Uint8Array | string, today: string): QrResult {
  return describeQrResult(parseCccdQr(bytes, { today }));
}
