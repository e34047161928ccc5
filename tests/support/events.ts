import type { AppEvent } from '../../electron/api/events';
import type { EventBus } from '../../electron/services/shared/event-bus';

/** Resolves with the next event matching `predicate` (a readiness signal, never a sleep). */
export function nextEvent<T extends AppEvent['type']>(
  events: EventBus,
  type: T,
  predicate: (event: Extract<AppEvent, { type: T }>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Extract<AppEvent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = events.subscribe((event) => {
      if (event.type !== type) return;
      const typed = event as Extract<AppEvent, { type: T }>;
      if (!predicate(typed)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(typed);
    });
  });
}
