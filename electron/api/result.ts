import type { ApiError } from './errors';

/** What every contract call resolves to, in Electron and over HTTP alike. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
