import { createDispatcher, type Dispatcher } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import {
  createServices,
  type AppServices,
  type ServicesConfig,
} from '../../services/create-services';
import { defaultDataDir, resolveDataDir } from '../../services/shared/data-dir';
import { APP_ROOT, readAppVersion } from '../app-root';

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

/** Opens the services for one command and always closes them, whatever the command does. */
export async function withCliServices<T>(
  dataDir: string,
  work: (dispatcher: Dispatcher) => Promise<T>,
): Promise<T> {
  const { services, dispatcher } = openCliServices(dataDir);
  try {
    return await work(dispatcher);
  } finally {
    services.close();
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
