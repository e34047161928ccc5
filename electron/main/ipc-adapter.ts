import type { IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../api/dispatch';
import { errorMessage } from '../api/errors';
import { CALL_CHANNEL } from '../api/ipc-channels';
import type { ApiResult } from '../api/result';

/** The part of ipcMain the adapter needs; tests pass a Map-backed fake (Bruno's IpcMainLike). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * The IPC adapter: one channel, one loop over the contract via the shared dispatcher. The sender
 * is checked first (checklist #17), then the dispatcher validates the input before any service.
 */
export function registerIpcAdapter(
  ipc: IpcMainLike,
  dispatcher: Dispatcher,
  isTrustedSender: SenderCheck,
): () => void {
  ipc.handle(CALL_CHANNEL, async (event, name, input): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return {
        ok: false,
        error: { code: 'UNTRUSTED_SENDER', message: errorMessage('UNTRUSTED_SENDER') },
      };
    }
    return dispatcher.dispatch(name, input);
  });
  return () => ipc.removeHandler(CALL_CHANNEL);
}
