import type { CallInput, CallName, CallOutput } from './contract';
import type { AppEvent } from './events';
import type { ApiResult } from './result';

type DomainOf<N extends string> = N extends `${infer D}.${string}` ? D : never;
type ActionOf<N extends string, D extends string> = N extends `${D}.${infer A}` ? A : never;

/** A call is optional-argument when its input schema accepts `undefined`. */
type CallFn<N extends CallName> =
  undefined extends CallInput<N>
    ? (input?: CallInput<N>) => Promise<ApiResult<CallOutput<N>>>
    : (input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>>;

/**
 * The contract as the UI sees it, `window.motcua` in Electron: `motcua.dossiers.create({…})`.
 * Only these functions exist; there is no generic channel to reach anything else.
 */
export type MotcuaApi = {
  [D in DomainOf<CallName>]: {
    [A in ActionOf<CallName, D>]: `${D}.${A}` extends CallName ? CallFn<`${D}.${A}`> : never;
  };
} & {
  /** Subscribe to service events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
};

/** How a client reaches the services: IPC in Electron, fetch + SSE in the headless host. */
export interface Transport {
  call(name: CallName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/**
 * Builds the nested `domain.action` object from a list of call names. Used by the preload (which
 * must hand contextBridge a plain object, not a Proxy) and by the browser client.
 */
export function buildMotcuaApi(names: readonly CallName[], transport: Transport): MotcuaApi {
  const api: Record<string, unknown> = {
    onEvent: (listener: (event: AppEvent) => void) => transport.subscribe(listener),
  };
  for (const name of names) {
    const [domain, action] = name.split('.') as [string, string];
    const bucket = (api[domain] ??= {}) as Record<string, unknown>;
    bucket[action] = (input?: unknown) => transport.call(name, input);
  }
  return api as MotcuaApi;
}
