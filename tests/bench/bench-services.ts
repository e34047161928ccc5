import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatch';
import { APP_ROOT } from '../../electron/host/app-root';
import { createServices, type AppServices } from '../../electron/services/create-services';

/**
 * Runs `work` on the app's services over a fresh temporary data dir (real clock, as a user's
 * machine runs them), then closes the services and removes the dir, whatever `work` does.
 */
export async function withBenchServices<T>(
  prefix: string,
  work: (opened: { services: AppServices; dispatcher: Dispatcher; dataDir: string }) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const services = createServices({
      dataDir,
      appRoot: APP_ROOT,
      appVersion: 'bench',
      host: 'web',
    });
    try {
      return await work({ services, dispatcher: createDispatcher(services.handlers), dataDir });
    } finally {
      services.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
