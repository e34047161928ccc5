import type { SyncRepository } from '../../../db/repositories/sync-repository';
import { officeCode as officeCodeSchema } from '../../../native/sync/protocol';
import type { Handlers } from '../../api/dispatch';
import { AppError, toApiError } from '../../api/errors';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import { drainOutbox, type OutboxStore } from './batch-sender';
import { enrollAtHub, rotateAtHub } from './hub-requests';
import { normalizeFingerprint, parseHubUrl, type HubEndpoint } from './hub-transport';
import type { KeyStore } from './key-store';
import type { SyncService } from './sync-service';

export interface SyncHandlerDeps {
  service: SyncService;
  repo: SyncRepository;
  keys: KeyStore;
  office: SettingsService;
  clock: Clock;
}

/** Nothing to send yet, and not complete: the check must not tell the hub "all sent". */
const verificationOnly: OutboxStore = {
  refresh: async () => {},
  pending: async () => [],
  backlog: async () => 1,
  acknowledge: async () => {},
  raiseAbove: async () => {},
};

type SyncCalls =
  | 'sync.status'
  | 'sync.now'
  | 'sync.enroll'
  | 'sync.publicKey'
  | 'sync.rotateKey'
  | 'sync.setRecipientEnabled'
  | 'sync.removeRecipient'
  | 'sync.updateSettings';

export function createSyncHandlers(deps: SyncHandlerDeps): Pick<Handlers, SyncCalls> {
  const { service, repo, keys, clock } = deps;
  const requireRecipient = (id: number) => {
    const row = repo.recipient(id);
    if (!row) throw new AppError('SYNC_RECIPIENT_NOT_FOUND', { recipientId: id });
    return row;
  };
  const timeoutMs = () => service.settings().timeoutSeconds * 1000;
  /** Private keys no recipient signs with any more are deleted (the newest one is kept). */
  const retireUnusedKeys = () => {
    const current = keys.current()?.keyId;
    const inUse = new Set(repo.recipients().map((r) => r.keyId));
    for (const k of repo.keys())
      if (k.retiredAt === null && k.keyId !== current && !inUse.has(k.keyId)) keys.retire(k.keyId);
  };

  return {
    // Computed first, so the backlog counts every change made until now.
    'sync.status': () => {
      service.refresh();
      return service.status();
    },
    'sync.now': (input) => service.runNow(input ?? {}),
    'sync.publicKey': () => {
      const key = keys.ensure();
      return { keyId: key.keyId, publicKey: key.publicKey, fingerprint: key.fingerprint };
    },
    'sync.enroll': async (input) => {
      const url = parseHubUrl(input.hubUrl).toString();
      const office = input.officeCode || deps.office.requireOffice().agencyCode;
      if (!officeCodeSchema.safeParse(office).success)
        throw new AppError('INVALID_INPUT', { field: 'officeCode' });
      const pin = input.tlsPinSha256 ? normalizeFingerprint(input.tlsPinSha256) : null;
      if (input.tlsPinSha256 && !pin)
        throw new AppError('INVALID_INPUT', { field: 'tlsPinSha256' });
      const endpoint: HubEndpoint = { url, tlsPinSha256: pin, tlsCaPem: input.tlsCaPem || null };
      let key = keys.ensure();
      let hubName = '';
      if (input.code) {
        const enrollWith = (k: typeof key) =>
          enrollAtHub(
            endpoint,
            {
              office,
              code: input.code!,
              publicKey: k.publicKey,
              label: deps.office.getOffice()?.officeName ?? '',
              now: clock.now(),
            },
            keys.privateKey(k.keyId),
            timeoutMs(),
          );
        try {
          hubName = (await enrollWith(key)).hubName;
        } catch (error) {
          // Re-enrolling after the hub revoked our key: a revoked key is never reused.
          if (!(error instanceof AppError && error.code === 'HUB_KEY_REVOKED')) throw error;
          key = keys.create();
          hubName = (await enrollWith(key)).hubName;
        }
      } else {
        // The hub admin imported our public key: a signed empty batch proves it is enrolled.
        const check = await drainOutbox(
          verificationOnly,
          endpoint,
          { office, keyId: key.keyId, privateKey: keys.privateKey(key.keyId) },
          { batchSize: 1, clock, timeoutMs: timeoutMs() },
        );
        if (!check.ok) throw new AppError(check.error!.code, check.error!.details);
      }
      service.refresh();
      const id = repo.transaction(() => {
        const existing = repo.recipientByUrl(url);
        if (existing) repo.deleteRecipient(existing.id);
        const newId = repo.insertRecipient({
          name: input.name || hubName || new URL(url).host,
          url,
          level: input.level,
          officeCode: office,
          keyId: key.keyId,
          tlsPinSha256: pin,
          tlsCaPem: input.tlsCaPem || null,
          hubName,
          enrolledAt: clock.now(),
        });
        // A new recipient receives the office's whole history.
        repo.enqueueEverythingFor(newId, clock.now());
        return newId;
      });
      retireUnusedKeys();
      service.scheduler.replan();
      return service.recipientStatus(repo.recipient(id)!);
    },
    'sync.rotateKey': async () => {
      const recipients = repo.recipients();
      if (recipients.length === 0) throw new AppError('SYNC_NOT_CONFIGURED');
      const fresh = keys.create();
      const results = [];
      for (const r of recipients) {
        try {
          await rotateAtHub(
            { url: r.url, tlsPinSha256: r.tlsPinSha256, tlsCaPem: r.tlsCaPem },
            {
              office: r.officeCode,
              keyId: r.keyId,
              newPublicKey: fresh.publicKey,
              now: clock.now(),
            },
            keys.privateKey(r.keyId),
            keys.privateKey(fresh.keyId),
            timeoutMs(),
          );
          repo.setRecipientKey(r.id, fresh.keyId);
          results.push({ recipientId: r.id, ok: true, error: null });
        } catch (error) {
          const e = toApiError(error);
          results.push({
            recipientId: r.id,
            ok: false,
            error: { code: e.code, message: e.message },
          });
        }
      }
      // A recipient that could not be reached keeps signing with its old key until the next try.
      retireUnusedKeys();
      return { keyId: fresh.keyId, fingerprint: fresh.fingerprint, results };
    },
    'sync.setRecipientEnabled': ({ recipientId, enabled }) => {
      requireRecipient(recipientId);
      repo.setEnabled(recipientId, enabled);
      service.scheduler.replan();
      return service.recipientStatus(requireRecipient(recipientId));
    },
    'sync.removeRecipient': ({ recipientId }) => {
      requireRecipient(recipientId);
      repo.deleteRecipient(recipientId);
      service.scheduler.replan();
      return { removed: true };
    },
    'sync.updateSettings': (input) => service.updateSettings(input),
  };
}
