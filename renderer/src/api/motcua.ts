import type { CallName } from '../../../electron/api/contract';
import type { MotcuaApi, Transport } from '../../../electron/api/client';
import { createHttpTransport, takeSessionToken } from './http-transport';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in a plain browser. */
    motcua?: MotcuaApi;
  }
}

/**
 * In the browser the same `domain.action` shape is built lazily with a Proxy: the renderer needs
 * no copy of the call list, only the types.
 */
function proxyApi(transport: Transport): MotcuaApi {
  const domains = new Map<string, Record<string, unknown>>();
  return new Proxy({} as MotcuaApi, {
    get(_target, domain) {
      if (domain === 'onEvent') return transport.subscribe;
      if (typeof domain !== 'string') return undefined;
      let bucket = domains.get(domain);
      if (!bucket) {
        bucket = new Proxy({} as Record<string, unknown>, {
          get: (_t, action) =>
            typeof action === 'string'
              ? (input?: unknown) => transport.call(`${domain}.${action}` as CallName, input)
              : undefined,
        });
        domains.set(domain, bucket);
      }
      return bucket;
    },
  });
}

let api: MotcuaApi | null = null;

export function motcua(): MotcuaApi {
  api ??=
    window.motcua ??
    proxyApi(createHttpTransport(takeSessionToken(window.location, window.sessionStorage)));
  return api;
}

export function hostKind(): 'electron' | 'web' {
  return window.motcua ? 'electron' : 'web';
}
