/**
 * Composition root of the hub (`hub serve`): opens the database named by `--db` (SQLite for a
 * commune, PostgreSQL for a province or the nation), migrates it, serves the hub services over
 * HTTP(S), and forwards the rollup upward when an uplink is enrolled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  openHubServices,
  type HubServiceOptions,
  type HubServices,
} from '../../services/hub/hub-services';
import { BUNDLED_CATALOG } from '../../services/procedures/procedures-service';
import { systemClock } from '../../services/shared/clock';
import { APP_ROOT } from '../app-root';
import { createHubServer } from './hub-server';

export interface HubServeOptions extends Omit<HubServiceOptions, 'appRoot'> {
  appRoot?: string;
  port: number;
  host?: string;
  name?: string;
  readToken?: string | null;
  tls?: { certFile: string; keyFile: string };
  onInternalError?: (error: unknown) => void;
}

export interface RunningHub extends HubServices {
  url: string;
  port: number;
}

function procedureNames(appRoot: string): Map<string, string> {
  try {
    const doc = JSON.parse(readFileSync(join(appRoot, BUNDLED_CATALOG), 'utf8')) as {
      procedures: { key: string; name: string }[];
    };
    return new Map(doc.procedures.map((p) => [p.key, p.name]));
  } catch {
    return new Map();
  }
}

/** Batch ids are kept a month for audit; replays are refused by the clock window anyway. */
const BATCH_LOG_DAYS = 30;

export async function startHub(options: HubServeOptions): Promise<RunningHub> {
  const clock = options.clock ?? systemClock;
  const appRoot = options.appRoot ?? APP_ROOT;
  const services = await openHubServices({ ...options, appRoot, clock });
  if (options.name) await services.admin.setHubName(options.name);
  const server = createHubServer({
    ingest: services.ingest,
    admin: services.admin,
    readToken: options.readToken ?? null,
    procedureNames: procedureNames(appRoot),
    now: () => clock.now(),
    ...(options.tls
      ? {
          tls: {
            cert: readFileSync(options.tls.certFile, 'utf8'),
            key: readFileSync(options.tls.keyFile, 'utf8'),
          },
        }
      : {}),
    onInternalError: options.onInternalError ?? ((error) => console.error('[hub]', error)),
  });
  const prune = () => void services.pruneBatchLog(BATCH_LOG_DAYS).catch(() => undefined);
  prune();
  const pruneTimer = setInterval(prune, 86_400_000);
  pruneTimer.unref();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    clearInterval(pruneTimer);
    await services.close();
    throw error;
  }
  await services.forwarder.start();
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    ...services,
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: async () => {
      clearInterval(pruneTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.close();
    },
  };
}
