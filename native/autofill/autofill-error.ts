/**
 * Errors of the typing engine. `native/` cannot import the API's error catalogue (dependency
 * rule), so these carry the stable code as a string; `toApiError` keeps it when it is known.
 */
export type AutofillErrorCode =
  | 'AUTOFILL_NO_DISPLAY'
  | 'AUTOFILL_UNAVAILABLE'
  | 'AUTOFILL_NO_TARGET_WINDOW'
  | 'AUTOFILL_OWN_WINDOW'
  | 'AUTOFILL_FOCUS_CHANGED'
  | 'AUTOFILL_ABORTED'
  | 'AUTOFILL_ESC_UNAVAILABLE'
  | 'AUTOFILL_CLIPBOARD_FAILED'
  | 'AUTOFILL_PASTE_NOT_TAKEN'
  | 'AUTOFILL_PASTE_UNCONFIRMED'
  | 'AUTOFILL_FIELD_MISMATCH'
  | 'AUTOFILL_CLIPBOARD_TAKEN'
  | 'AUTOFILL_CANNOT_TYPE';

export class AutofillError extends Error {
  readonly code: AutofillErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AutofillErrorCode, details?: Record<string, unknown>, cause?: unknown) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'AutofillError';
    this.code = code;
    this.details = details;
  }
}
