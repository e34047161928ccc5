import {
  parseCccdQr,
  type QrIssue,
  type QrParseResult,
  type QrWarningCode,
} from '../../../native/cccd/qr-payload';
import { AppError, errorMessage } from '../../api/errors';
import type { Warning } from '../../api/schemas';
import { warningMessage } from '../../api/warnings';

function describeWarnings(warnings: QrIssue<QrWarningCode>[]): Warning[] {
  return warnings.map((w) => ({ code: w.code, message: warningMessage(w.code) }));
}

/** The parser reports codes; here they get the clerk's words. This is also the CLI's line shape. */
export function describeQrResult(result: QrParseResult) {
  if (!result.ok) {
    const { code, field } = result.error;
    return {
      ok: false as const,
      error: { code, message: errorMessage(code), ...(field ? { field } : {}) },
    };
  }
  return {
    ok: true as const,
    citizen: result.citizen,
    warnings: describeWarnings(result.warnings),
  };
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
export function parseQrPayload(bytes: Uint8Array | string, today: string) {
  return describeQrResult(parseCccdQr(bytes, { today }));
}
