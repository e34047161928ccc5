/**
 * Exposes exactly the contract as `window.motcua` (Electron checklist #20): one function per call,
 * one event subscription that hands over the payload only — never ipcRenderer or the IPC event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildMotcuaApi } from '../api/client';
import { callNames, type CallName } from '../api/contract';
import type { AppEvent } from '../api/events';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../api/ipc-channels';
import type { ApiResult } from '../api/result';

const api = buildMotcuaApi(callNames, {
  call: (name: CallName, input: unknown) =>
    ipcRenderer.invoke(CALL_CHANNEL, name, input) as Promise<ApiResult<unknown>>,
  subscribe(listener: (event: AppEvent) => void) {
    const handler = (_event: unknown, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('motcua', api);
