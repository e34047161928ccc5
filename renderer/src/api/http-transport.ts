import type { CallName } from '../../../electron/api/contract';
import type { AppEvent } from '../../../electron/api/events';
import type { ApiResult } from '../../../electron/api/result';
import type { Transport } from '../../../electron/api/client';

const TOKEN_KEY = 'motcua.token';

/**
 * The headless host prints `http://127.0.0.1:PORT/#token=…`. The token is moved out of the URL
 * (so it does not linger in history or screenshots) into this tab's session storage.
 */
export function takeSessionToken(location: Location, storage: Storage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

function transportFailure(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export function createHttpTransport(token: string | null): Transport {
  // One event stream for the whole page, opened now and kept open: a scan announced while a
  // page is mounting (and subscribing) must not fall between two connections.
  const listeners = new Set<(event: AppEvent) => void>();
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
  source.onmessage = (message: MessageEvent<string>) => {
    let event: AppEvent;
    try {
      event = JSON.parse(message.data) as AppEvent;
    } catch {
      return; // a malformed frame is dropped; the next one is independent
    }
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[events] listener failed:', error); // one page's bug must not stop others
      }
    }
  };
  return {
    async call(name: CallName, input: unknown) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: input === undefined ? '' : JSON.stringify(input),
        });
      } catch {
        return transportFailure(
          'Mất kết nối tới máy chủ cục bộ của ứng dụng. Hãy kiểm tra cửa sổ dòng lệnh "npm run web".',
        );
      }
      try {
        return (await response.json()) as ApiResult<unknown>;
      } catch {
        return transportFailure(`Máy chủ cục bộ trả lời không hợp lệ (HTTP ${response.status}).`);
      }
    },
    subscribe(listener: (event: AppEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
