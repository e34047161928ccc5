import { callNames } from '../api/contract';
import type { Handlers } from '../api/dispatch';
import { AppError, toApiError, type ApiError } from '../api/errors';
import { createServices, type AppServices, type ServicesConfig } from './create-services';
import { createEventBus } from './shared/event-bus';

export type StartupResult =
  | { ok: true; services: AppServices }
  | { ok: false; error: ApiError; handlers: Handlers; services: null };

/**
 * A database that cannot be opened (not SQLite, newer schema, unwritable folder) must not give a
 * crash or a blank window: the host still serves the UI, and every call answers with the startup
 * error so the UI can show it in Vietnamese with what to do.
 */
export function startServices(config: ServicesConfig): StartupResult {
  try {
    return { ok: true, services: createServices(config) };
  } catch (thrown) {
    const error = toApiError(thrown);
    if (error.code === 'INTERNAL') console.error('[startup] unexpected failure:', thrown);
    const fail = () => {
      throw new AppError(error.code, error.details);
    };
    const handlers = Object.fromEntries(
      callNames.map((name) => [name, fail]),
    ) as unknown as Handlers;
    return { ok: false, error, handlers, services: null };
  }
}

/** Event bus for a host whose services failed to start: nothing will ever be published. */
export const silentEvents = createEventBus();
