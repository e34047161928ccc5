import { createDispatcher, type Dispatcher } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import {
  createServices,
  type AppServices,
  type ServicesConfig,
} from '../../services/create-services';
import { defaultDataDir, resolveDataDir } from '../../services/shared/data-dir';
import { APP_ROOT, readAppVersion } from '../app-root';
import { reportError, UsageError, type CliIo } from './cli-kit';

export function cliDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? resolveDataDir(defaultDataDir(env), env);
}

/** The CLI runs the same services as the UI, through the same dispatcher and contract. */
export function openCliServices(
  dataDir: string,
  extra: Pick<ServicesConfig, 'autofillHost'> = {},
): {
  services: AppServices;
  dispatcher: Dispatcher;
} {
  const services = createServices({
    dataDir,
    appRoot: APP_ROOT,
    appVersion: readAppVersion(),
    host: 'web',
    actor: 'cli',
    ...extra,
  });
  return { services, dispatcher: createDispatcher(services.handlers) };
}

/** What a command body works with: the services, their dispatcher, and `call` (see callOrThrow). */
export interface CliSession {
  services: AppServices;
  dispatcher: Dispatcher;
  call: (name: string, input?: unknown) => Promise<unknown>;
}

/**
 * Opens the services for one command, runs `body` and always closes them. A domain error is
 * printed by `reportError` (exit code 1); a usage error goes on to `runCli` (exit code 2).
 */
export async function withCliServices(
  io: CliIo,
  dataDir: string | undefined,
  json: boolean,
  body: (session: CliSession) => Promise<number>,
  extra: Pick<ServicesConfig, 'autofillHost'> = {},
): Promise<number> {
  try {
    const { services, dispatcher } = openCliServices(cliDataDir(dataDir, io.env), extra);
    try {
      return await body({
        services,
        dispatcher,
        call: (name, input) => callOrThrow(dispatcher, name, input),
      });
    } finally {
      services.close();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return reportError(io, json, error);
  }
}

/** Runs one contract call and returns its value, or throws the API error for `reportError`. */
export async function callOrThrow(
  dispatcher: Dispatcher,
  name: string,
  input?: unknown,
): Promise<unknown> {
  const result = await dispatcher.dispatch(name, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.details, result.error.message);
  return result.value;
}
