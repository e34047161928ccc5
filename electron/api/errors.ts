/**
 * Stable error codes that cross the UI ↔ service boundary, with the message a clerk reads.
 *
 * Codes never change meaning once released: the UI, the CLI's JSON and tests key on them.
 * Vietnamese is the primary language (the message sent over the API); English is the UI's second
 * language. Each message says what happened and, where the user can act, what to do. The tables
 * live in `error-catalog/`, one file per domain.
 */
import { errorCatalog } from './error-catalog';

export { errorCatalog };

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCatalog, value);
}

export function errorMessage(code: ErrorCode, locale: 'vi' | 'en' = 'vi'): string {
  return errorCatalog[code][locale];
}

/** The error shape that crosses the boundary: a stable code, a message for people, optional facts. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown by services; the adapters turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? errorMessage(code));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Maps anything thrown to an ApiError. Errors from `db/` and `native/` cannot import this module
 * (dependency rule), so they carry a `code` string of their own; a known code is kept as is.
 */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof AppError) return thrown.toApiError();
  if (typeof thrown === 'object' && thrown !== null && 'code' in thrown) {
    const code = (thrown as { code: unknown }).code;
    if (isErrorCode(code)) {
      const details = (thrown as { details?: unknown }).details;
      return details && typeof details === 'object'
        ? { code, message: errorMessage(code), details: details as Record<string, unknown> }
        : { code, message: errorMessage(code) };
    }
    // better-sqlite3 reports lock contention this way; it is retryable, not internal.
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return { code: 'DB_BUSY', message: errorMessage('DB_BUSY') };
    }
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      return { code: 'DB_CORRUPT', message: errorMessage('DB_CORRUPT') };
    }
  }
  return { code: 'INTERNAL', message: errorMessage('INTERNAL') };
}
