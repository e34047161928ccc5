/**
 * Upward sync on the workstation: summaries with revisions, the outbox per recipient, the
 * background sender, enrollment and key rotation. Counts only ever leave through `toWireRow`.
 */
import type { RecipientRow, SyncRepository } from '../../../db/repositories/sync-repository';
import type { SettingsRepository } from '../../../db/repositories/settings-repository';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../native/sync/backoff';
import {
  syncSettingsSchema,
  type RecipientStatus,
  type SyncRun,
  type SyncSettings,
  type SyncStatus,
} from '../../api/calls/sync';
import { AppError, errorMessage, isErrorCode, toApiError } from '../../api/errors';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { drainOutbox, type DrainResult } from './batch-sender';
import type { KeyStore } from './key-store';
import {
  reconcileAllSummariesSync,
  refreshSummariesSync,
  type RefreshResult,
} from './summary-refresh';
import type { DailySummarySource } from './summary-source';
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler';
import { workstationOutbox } from './workstation-outbox';

const SETTINGS_KEY = 'sync';

export interface SyncServiceDeps {
  repo: SyncRepository;
  settingsRepo: SettingsRepository;
  office: SettingsService;
  source: DailySummarySource;
  keys: KeyStore;
  clock: Clock;
  events: EventBus;
  backoff?: BackoffPolicy;
  random?: () => number;
}

export interface SyncService {
  status(): SyncStatus;
  recipientStatus(row: RecipientRow): RecipientStatus;
  settings(): SyncSettings;
  updateSettings(settings: SyncSettings): SyncSettings;
  runRecipient(recipientId: number): Promise<DrainResult>;
  runNow(options?: { recipientId?: number; resendAll?: boolean }): Promise<SyncRun>;
  /** New revisions for changed days (all days with `all`: the safety net of a full recompute). */
  refresh(all?: boolean): RefreshResult;
  scheduler: SyncScheduler;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { repo, clock, events } = deps;
  const running = new Map<number, Promise<DrainResult>>();
  const policy = deps.backoff ?? DEFAULT_BACKOFF;

  const settings = (): SyncSettings => {
    const parsed = syncSettingsSchema.safeParse(deps.settingsRepo.get(SETTINGS_KEY) ?? {});
    return parsed.success ? parsed.data : syncSettingsSchema.parse({});
  };

  function recipientStatus(row: RecipientRow): RecipientStatus {
    const code = row.lastErrorCode;
    return {
      id: row.id,
      name: row.name,
      url: row.url,
      level: row.level,
      enabled: row.enabled === 1,
      officeCode: row.officeCode,
      keyId: row.keyId,
      hubName: row.hubName,
      tlsPinned: row.tlsPinSha256 !== null,
      enrolledAt: new Date(row.enrolledAt).toISOString(),
      lastAttemptAt: iso(row.lastAttemptAt),
      lastSuccessAt: iso(row.lastSuccessAt),
      nextAttemptAt: iso(row.nextAttemptAt),
      failures: row.failures,
      lastError:
        code === null
          ? null
          : {
              code,
              message: isErrorCode(code) ? errorMessage(code) : code,
              at: new Date(row.lastErrorAt ?? 0).toISOString(),
              details: JSON.parse(row.lastErrorDetails ?? '{}') as Record<string, unknown>,
            },
      backlog: repo.backlog(row.id),
      rowsAcknowledged: row.rowsAcknowledged,
      running: running.has(row.id),
    };
  }

  function status(): SyncStatus {
    const recipients = repo.recipients().map(recipientStatus);
    const key = deps.keys.current();
    const successes = recipients.map((r) => r.lastSuccessAt).filter((t): t is string => !!t);
    return {
      configured: recipients.length > 0,
      office: recipients[0]?.officeCode ?? deps.office.getOffice()?.agencyCode ?? null,
      key: key && { keyId: key.keyId, publicKey: key.publicKey, fingerprint: key.fingerprint },
      backlog: recipients.reduce((sum, r) => sum + r.backlog, 0),
      pendingChanges: repo.dirtyCount(),
      lastSuccessAt: successes.sort().at(-1) ?? null,
      recipients,
      settings: settings(),
    };
  }

  async function drain(recipient: RecipientRow): Promise<DrainResult> {
    const s = settings();
    const publish = (
      phase: 'started' | 'batch' | 'finished' | 'failed',
      acknowledged: number,
      backlog: number,
      errorCode: string | null = null,
      nextAttemptAt: number | null = null,
    ) =>
      events.publish({
        type: 'sync.progress',
        at: clock.now(),
        recipientId: recipient.id,
        phase,
        acknowledged,
        backlog,
        errorCode,
        nextAttemptAt,
      });
    repo.recordAttempt(recipient.id, clock.now());
    publish('started', 0, repo.backlog(recipient.id));
    let result: DrainResult;
    try {
      result = await drainOutbox(
        workstationOutbox(repo, deps.source, clock, recipient.id),
        { url: recipient.url, tlsPinSha256: recipient.tlsPinSha256, tlsCaPem: recipient.tlsCaPem },
        {
          office: recipient.officeCode,
          keyId: recipient.keyId,
          privateKey: deps.keys.privateKey(recipient.keyId),
        },
        {
          batchSize: s.batchSize,
          clock,
          timeoutMs: s.timeoutSeconds * 1000,
          onBatch: (p) => publish('batch', p.acknowledged, p.backlog),
        },
      );
    } catch (error) {
      // Only local faults land here (a missing key file, a busy database): reported the same way.
      const apiError = toApiError(error);
      if (apiError.code === 'INTERNAL') console.error('[sync] run failed:', error);
      result = {
        ok: false,
        batches: 0,
        acknowledged: 0,
        backlog: repo.backlog(recipient.id),
        batchSize: s.batchSize,
        hubTime: null,
        error: { code: apiError.code, details: apiError.details ?? {} },
      };
    }
    const now = clock.now();
    if (result.ok) {
      repo.recordSuccess(recipient.id, now, result.acknowledged);
      publish('finished', result.acknowledged, result.backlog);
    } else {
      const failures = (repo.recipient(recipient.id)?.failures ?? 0) + 1;
      const next = now + backoffDelay(failures, policy, deps.random);
      const details: Record<string, unknown> = {
        ...result.error!.details,
        acknowledgedBeforeFailure: result.acknowledged,
      };
      if (result.hubTime) details.hubTime = result.hubTime;
      repo.recordFailure(recipient.id, result.error!.code, JSON.stringify(details), now, next);
      publish('failed', result.acknowledged, result.backlog, result.error!.code, next);
    }
    return result;
  }

  const runRecipient = (recipientId: number): Promise<DrainResult> => {
    const existing = running.get(recipientId);
    if (existing) return existing;
    const recipient = repo.recipient(recipientId);
    if (!recipient) return Promise.reject(new AppError('SYNC_RECIPIENT_NOT_FOUND'));
    const run = drain(recipient).finally(() => running.delete(recipientId));
    running.set(recipientId, run);
    return run;
  };

  const scheduler = createSyncScheduler({
    recipients: () => repo.recipients().map((r) => ({ ...r, enabled: r.enabled === 1 })),
    run: runRecipient,
    now: () => clock.now(),
    intervalMs: () => settings().intervalMinutes * 60_000,
    onError: (error) => console.error('[sync] scheduler:', error),
  });

  return {
    status,
    recipientStatus,
    settings,
    updateSettings(next) {
      deps.settingsRepo.set(SETTINGS_KEY, next, clock.now());
      scheduler.replan();
      return settings();
    },
    runRecipient,
    refresh: (all = false) =>
      all
        ? reconcileAllSummariesSync(repo, deps.source, clock)
        : refreshSummariesSync(repo, deps.source, clock),
    async runNow(options = {}) {
      const all = repo.recipients();
      if (all.length === 0) throw new AppError('SYNC_NOT_CONFIGURED');
      const chosen =
        options.recipientId === undefined
          ? all.filter((r) => r.enabled === 1)
          : all.filter((r) => r.id === options.recipientId);
      if (options.recipientId !== undefined && chosen.length === 0)
        throw new AppError('SYNC_RECIPIENT_NOT_FOUND');
      refreshSummariesSync(repo, deps.source, clock);
      if (options.resendAll)
        repo.transaction(() => chosen.forEach((r) => repo.enqueueEverythingFor(r.id, clock.now())));
      const results: SyncRun['results'] = [];
      for (const r of chosen) {
        const result = await runRecipient(r.id);
        results.push({
          recipientId: r.id,
          ok: result.ok,
          acknowledged: result.acknowledged,
          batches: result.batches,
          backlog: result.backlog,
          error: result.error && {
            code: result.error.code,
            message: errorMessage(result.error.code),
          },
        });
      }
      scheduler.replan();
      return { results, status: status() };
    },
    scheduler,
  };
}
