/**
 * Hub → hub: this hub's rollup (the sum over its offices per day × procedure) forwarded upward
 * with the same protocol, the same revision rule and the same sender as a workstation. The upper
 * hub sees this hub as one office, under the code it was enrolled with.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { HubRepository, HubRow } from '../../../db/hub/hub-repository';
import type { UplinkRepository } from '../../../db/hub/hub-uplink-repository';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../native/sync/backoff';
import type { WireRow } from '../../../native/sync/protocol';
import { generateOfficeKeyPair, keyIdOf, privateKeyObject } from '../../../native/sync/signing';
import {
  figuresKey,
  isAllZero,
  keyOf,
  nextRevision,
  SUMMARY_FIELDS,
  zeroCounts,
  type SummaryCounts,
} from '../../../native/sync/summary-row';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';
import { drainOutbox, type DrainResult, type OutboxStore } from '../sync/batch-sender';
import { enrollAtHub } from '../sync/hub-requests';
import { normalizeFingerprint, parseHubUrl } from '../sync/hub-transport';
import { writePrivateFileSync } from '../sync/key-store';
import { consecutiveRuns } from '../sync/summary-refresh';
import { createSyncScheduler } from '../sync/sync-scheduler';

function toWire(row: HubRow): WireRow {
  const counts = {} as SummaryCounts;
  for (const f of SUMMARY_FIELDS) counts[f] = row.counts[f];
  return { day: row.day, procedure: row.procedure, revision: row.revision, counts };
}

export function rollupOutbox(repo: HubRepository, clock: Clock): OutboxStore {
  return {
    async refresh() {
      for (;;) {
        const more = await repo.sql.transaction(async (tx) => {
          const dirty = await repo.rollupDirty(tx, 5000);
          if (dirty.length === 0) return false;
          const computed = new Map<string, HubRow>();
          for (const [from, to] of consecutiveRuns([...new Set(dirty.map((d) => d.day))].sort()))
            for (const row of await repo.sumDays(tx, from, to)) computed.set(keyOf(row), row);
          const now = clock.now();
          for (const key of dirty) {
            const counts = computed.get(keyOf(key))?.counts ?? zeroCounts();
            const figures = figuresKey(counts);
            const existing = await repo.rollupRow(tx, key.day, key.procedure);
            if (existing ? existing.figuresKey !== figures : !isAllZero(counts)) {
              const revision = nextRevision(existing?.revision, now);
              await repo.upsertRollup(tx, { ...key, counts, figuresKey: figures, revision });
            }
            await repo.clearRollupDirty(tx, key.day, key.procedure);
          }
          return true;
        });
        if (!more) return;
      }
    },
    pending: async (limit) => (await repo.pendingRollup(limit)).map(toWire),
    backlog: () => repo.rollupBacklog(),
    acknowledge: (acks) =>
      repo.sql.transaction(async (tx) => {
        for (const a of acks) await repo.ackRollup(tx, a.day, a.procedure, a.revision);
      }),
    raiseAbove: (rows) =>
      repo.sql.transaction(async (tx) => {
        const now = clock.now();
        for (const r of rows) {
          const held = await repo.rollupRow(tx, r.day, r.procedure);
          if (held)
            await repo.setRollupRevision(
              tx,
              r.day,
              r.procedure,
              nextRevision(Math.max(held.revision, r.hubRevision), now),
            );
        }
      }),
  };
}

export interface ForwarderDeps {
  repo: HubRepository;
  uplinks: UplinkRepository;
  clock: Clock;
  batchSize?: number;
  intervalMs?: number;
  backoff?: BackoffPolicy;
}

export function createHubForwarder(deps: ForwarderDeps) {
  const { repo, uplinks, clock } = deps;
  const outbox = rollupOutbox(repo, clock);
  let running: Promise<DrainResult> | null = null;

  async function forward(): Promise<DrainResult> {
    const uplink = await uplinks.get();
    if (!uplink) throw new AppError('HUB_UPLINK_NOT_CONFIGURED');
    await uplinks.recordAttempt(clock.now());
    let result: DrainResult;
    try {
      result = await drainOutbox(
        outbox,
        { url: uplink.url, tlsPinSha256: uplink.tlsPinSha256, tlsCaPem: uplink.tlsCaPem },
        {
          office: uplink.officeCode,
          keyId: uplink.keyId,
          privateKey: privateKeyObject(readFileSync(uplink.keyFile, 'utf8')),
        },
        { batchSize: deps.batchSize ?? 500, clock },
      );
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'SYNC_KEY_MISSING';
      result = {
        ok: false,
        batches: 0,
        acknowledged: 0,
        backlog: await outbox.backlog(),
        batchSize: 0,
        hubTime: null,
        error: { code, details: {} },
      };
    }
    if (result.ok) await uplinks.recordSuccess(clock.now());
    else {
      const next = clock.now() + backoffDelay(uplink.failures + 1, deps.backoff ?? DEFAULT_BACKOFF);
      await uplinks.recordFailure(result.error!.code, JSON.stringify(result.error!.details), next);
    }
    return result;
  }

  const forwardNow = (): Promise<DrainResult> => {
    running ??= forward().finally(() => (running = null));
    return running;
  };

  let cached: {
    failures: number;
    lastAttemptAt: number | null;
    nextAttemptAt: number | null;
  } | null = null;
  const refreshCache = async () => {
    cached = await uplinks.get();
  };
  const scheduler = createSyncScheduler({
    recipients: () => (cached ? [{ id: 1, enabled: true, ...cached }] : []),
    run: async () => {
      await forwardNow().catch(() => undefined);
      await refreshCache();
    },
    now: () => clock.now(),
    intervalMs: () => deps.intervalMs ?? 15 * 60_000,
    onError: (error) => console.error('[hub] forward:', error),
  });

  return {
    forwardNow,
    async start() {
      await refreshCache();
      scheduler.start();
    },
    stop: () => scheduler.stop(),
    status: () => uplinks.get(),
    backlog: () => outbox.backlog(),
    /** Enrolls this hub at the upper hub; the key file is created next to `keyFile`'s folder. */
    async enroll(input: {
      hubUrl: string;
      code: string;
      office: string;
      keyFile: string;
      tlsPinSha256?: string;
      tlsCaPem?: string;
    }) {
      const url = parseHubUrl(input.hubUrl).toString();
      const pin = input.tlsPinSha256 ? normalizeFingerprint(input.tlsPinSha256) : null;
      if (input.tlsPinSha256 && !pin) throw new AppError('INVALID_INPUT', { field: 'tls-pin' });
      const pair = generateOfficeKeyPair();
      const endpoint = { url, tlsPinSha256: pin, tlsCaPem: input.tlsCaPem ?? null };
      const answer = await enrollAtHub(
        endpoint,
        {
          office: input.office,
          code: input.code,
          publicKey: pair.publicKey,
          label: (await repo.setting('name')) ?? '',
          now: clock.now(),
        },
        privateKeyObject(pair.privateKeyPem),
        30_000,
      );
      writePrivateFileSync(dirname(input.keyFile), basename(input.keyFile), pair.privateKeyPem);
      await uplinks.set({
        url,
        officeCode: input.office,
        keyId: keyIdOf(pair.publicKey),
        publicKey: pair.publicKey,
        keyFile: input.keyFile,
        tlsPinSha256: pin,
        tlsCaPem: input.tlsCaPem ?? null,
        hubName: answer.hubName,
        enrolledAt: clock.now(),
      });
      // The upper hub starts empty: everything this hub holds is forwarded.
      await repo.sql.transaction((tx) => repo.markAllRollupDirty(tx));
      await repo.resetRollupAcks();
      await refreshCache();
      scheduler.replan();
      return { office: input.office, keyId: answer.keyId, hubName: answer.hubName };
    },
  };
}
export type HubForwarder = ReturnType<typeof createHubForwarder>;
