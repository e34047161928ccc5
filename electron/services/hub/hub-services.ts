/**
 * The hub's services over its database (SQLite for a commune, PostgreSQL for a province or the
 * nation): ingest for workstations, admin for the CLI and the read API, the upward forwarder.
 */
import { createHubRepository } from '../../../db/hub/hub-repository';
import type { HubDialect } from '../../../db/hub/hub-sql';
import { createUplinkRepository } from '../../../db/hub/hub-uplink-repository';
import { openHubDatabase } from '../../../db/hub/open-hub-database';
import type { BackoffPolicy } from '../../../native/sync/backoff';
import { systemClock, type Clock } from '../shared/clock';
import { createHubAdmin, type HubAdmin } from './hub-admin';
import { createHubForwarder, type HubForwarder } from './hub-forwarder';
import { createHubIngest, type HubIngest } from './hub-ingest';

export {
  isCalendarDay,
  MAX_BODY_BYTES,
  NEW_KEY_SIGNATURE_HEADER,
  PATHS,
  PROTOCOL,
  SIGNATURE_HEADER,
} from '../../../native/sync/protocol';
export type { BackoffPolicy };

export interface HubServiceOptions {
  /** `sqlite:PATH` or `postgres://…` */
  db: string;
  appRoot: string;
  clock?: Clock;
  clockToleranceMs?: number;
  forwardIntervalMs?: number;
  forwardBackoff?: BackoffPolicy;
}

export interface HubServices {
  dialect: HubDialect;
  description: string;
  admin: HubAdmin;
  ingest: HubIngest;
  forwarder: HubForwarder;
  /** Forgets batch ids older than `days` (replays are refused by the clock window anyway). */
  pruneBatchLog(days: number): Promise<number>;
  close(): Promise<void>;
}

export async function openHubServices(options: HubServiceOptions): Promise<HubServices> {
  const clock = options.clock ?? systemClock;
  const sql = await openHubDatabase(options.db, options.appRoot);
  const repo = createHubRepository(sql);
  const admin = createHubAdmin(repo, clock);
  const forwarder = createHubForwarder({
    repo,
    uplinks: createUplinkRepository(sql),
    clock,
    ...(options.forwardIntervalMs ? { intervalMs: options.forwardIntervalMs } : {}),
    ...(options.forwardBackoff ? { backoff: options.forwardBackoff } : {}),
  });
  return {
    dialect: sql.dialect,
    description: sql.description,
    admin,
    ingest: createHubIngest(repo, clock, {
      ...(options.clockToleranceMs !== undefined
        ? { clockToleranceMs: options.clockToleranceMs }
        : {}),
      hubName: () => admin.hubName(),
    }),
    forwarder,
    pruneBatchLog: (days) => repo.pruneBatches(clock.now() - days * 86_400_000),
    close: async () => {
      forwarder.stop();
      await sql.close();
    },
  };
}
