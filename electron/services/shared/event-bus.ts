import type { AppEvent } from '../../api/events';

export type EventListener = (event: AppEvent) => void;

/** Services publish here; each host forwards to its UI transport (IPC or SSE). */
export interface EventBus {
  publish(event: AppEvent): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onListenerError?: (error: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // One broken subscriber (a closed window) must not stop the others.
          onListenerError?.(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
