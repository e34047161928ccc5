import {
  contract,
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type ParsedInput,
} from './contract';
import { errorMessage, toApiError, type ApiError } from './errors';
import type { ApiResult } from './result';

/** A service function behind one call. It may throw AppError (or a coded db/native error). */
export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
) => CallOutput<N> | Promise<CallOutput<N>>;

/** Every call must have a handler: the compiler rejects a table with one missing. */
export type Handlers = { [N in CallName]: Handler<N> };

export interface Dispatcher {
  /** Typed form, for callers inside the app (CLI, tests). */
  dispatch<N extends CallName>(name: N, input?: CallInput<N>): Promise<ApiResult<CallOutput<N>>>;
  /** Untyped form, for adapters passing on whatever arrived over IPC or HTTP. */
  dispatch(name: unknown, input?: unknown): Promise<ApiResult<unknown>>;
}

export interface DispatchOptions {
  /** Called with anything unexpected (not an AppError), for the log; never shown to users. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The one place where a call is checked and run: unknown names are refused, input is validated
 * against the contract before any service code runs, and the output is checked against the
 * contract so a service cannot leak fields it did not declare (zod strips unknown keys).
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatcher {
  return {
    async dispatch(name: unknown, input?: unknown): Promise<ApiResult<never>> {
      if (!isCallName(name)) {
        return fail({
          code: 'UNKNOWN_CALL',
          message: errorMessage('UNKNOWN_CALL'),
          details: { name: String(name).slice(0, 100) },
        });
      }
      const spec = contract[name];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return fail({
          code: 'INVALID_INPUT',
          message: errorMessage('INVALID_INPUT'),
          details: {
            issues: parsed.error.issues.map((issue) => ({
              path: issue.path.map(String).join('.'),
              message: issue.message,
            })),
          },
        });
      }
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          options.onInternalError?.(name, checked.error);
          return fail({ code: 'INTERNAL', message: errorMessage('INTERNAL') });
        }
        return { ok: true, value: checked.data as never };
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'INTERNAL') options.onInternalError?.(name, error);
        return fail(apiError);
      }
    },
  };
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}
