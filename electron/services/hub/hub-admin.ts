/**
 * What the hub administrator does (CLI `hub …` and the read API): issue one-time codes, import
 * or revoke keys, list offices with their last sync, and read totals.
 */
import type { HubRepository, TotalsGroup, TotalsRow } from '../../../db/hub/hub-repository';

export type { TotalsGroup, TotalsRow };
import {
  enrollmentCodeHash,
  generateEnrollmentCode,
  normalizeEnrollmentCode,
} from '../../../native/sync/enrollment-code';
import { officeCode as officeCodeSchema } from '../../../native/sync/protocol';
import { decodePublicKey, keyFingerprint, keyIdOf } from '../../../native/sync/signing';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';
import { vnDayStart } from '../shared/vn-time';

export const HUB_NAME_SETTING = 'name';

function requireOfficeCode(code: string): string {
  if (!officeCodeSchema.safeParse(code).success)
    throw new AppError('INVALID_INPUT', { field: 'office', value: code.slice(0, 40) });
  return code;
}

export interface OfficeReport {
  code: string;
  name: string;
  status: 'active' | 'revoked' | 'pending';
  lastSyncAt: string | null;
  lastCompleteAt: string | null;
  daysSinceSync: number | null;
  batches: number;
  rowsApplied: number;
  /** Its figures are complete for the period: its backlog was empty after the period ended. */
  reported: boolean | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createHubAdmin(repo: HubRepository, clock: Clock) {
  return {
    async hubName(): Promise<string> {
      return (await repo.setting(HUB_NAME_SETTING)) ?? '';
    },
    setHubName: (name: string) => repo.setSetting(HUB_NAME_SETTING, name),

    /** A one-time code for `sync enroll`; only its hash is stored. */
    async issueCode(office: string, name: string, ttlHours: number) {
      requireOfficeCode(office);
      const code = generateEnrollmentCode();
      const now = clock.now();
      const expires = now + ttlHours * 3600_000;
      await repo.sql.transaction(async (tx) => {
        await repo.ensureOffice(tx, office, name, now);
        await repo.insertCode(
          tx,
          enrollmentCodeHash(normalizeEnrollmentCode(code)!),
          office,
          now,
          expires,
        );
      });
      return { code, office, expiresAt: new Date(expires).toISOString() };
    },

    /** Enrolls a public key the office sent another way (`sync key` on the workstation). */
    async importKey(office: string, name: string, publicKey: string) {
      requireOfficeCode(office);
      if (!decodePublicKey(publicKey)) throw new AppError('HUB_KEY_INVALID');
      const keyId = keyIdOf(publicKey);
      const now = clock.now();
      await repo.sql.transaction(async (tx) => {
        const existing = await repo.key(tx, keyId);
        if (existing?.status === 'revoked') throw new AppError('HUB_KEY_REVOKED', { keyId });
        if (existing && existing.officeCode !== office)
          throw new AppError('HUB_KEY_INVALID', { reason: 'key enrolled for another office' });
        await repo.ensureOffice(tx, office, name, now);
        await repo.endKeys(tx, office, 'retired', now, null);
        if (existing)
          await tx.run(`UPDATE hub_keys SET status = 'active', ended_at = NULL WHERE key_id = ?`, [
            keyId,
          ]);
        else
          await repo.insertKey(tx, {
            keyId,
            officeCode: office,
            publicKey,
            origin: 'import',
            label: name,
            createdAt: now,
          });
      });
      return { office, keyId, fingerprint: keyFingerprint(publicKey) };
    },

    /** Revokes the office's keys (or one): its batches are refused until it enrolls again. */
    async revoke(office: string, keyId: string | null) {
      const revoked = await repo.sql.transaction(async (tx) => {
        if (!(await repo.officeExists(tx, office)))
          throw new AppError('HUB_OFFICE_NOT_FOUND', { office });
        return repo.endKeys(tx, office, 'revoked', clock.now(), keyId);
      });
      return { office, revoked };
    },

    async keys(office: string) {
      return repo.keysOf(repo.sql, office);
    },

    /** Offices with their last sync; with a period, whether each has reported for it. */
    async offices(period?: { from: string; to: string }): Promise<OfficeReport[]> {
      const now = clock.now();
      // Complete for a period = its backlog was empty after the period ended; for a period that
      // is still running, an empty backlog within the last day is as complete as it can be.
      const end = period ? Math.min(vnDayStart(period.to) + 86_400_000, now - 86_400_000) : null;
      return (await repo.offices()).map((o) => ({
        code: o.code,
        name: o.name,
        status: o.activeKeys > 0 ? 'active' : o.revokedKeys > 0 ? 'revoked' : 'pending',
        lastSyncAt: iso(o.lastBatchAt),
        lastCompleteAt: iso(o.lastCompleteAt),
        daysSinceSync:
          o.lastBatchAt === null ? null : Math.floor((now - o.lastBatchAt) / 86_400_000),
        batches: Number(o.batches),
        rowsApplied: Number(o.rowsApplied),
        reported: end === null ? null : o.lastCompleteAt !== null && o.lastCompleteAt >= end,
      }));
    },

    async totals(from: string, to: string, groups: readonly TotalsGroup[], office: string | null) {
      if (from > to) throw new AppError('HUB_BAD_QUERY', { from, to });
      return repo.totals(from, to, groups, office);
    },
  };
}
export type HubAdmin = ReturnType<typeof createHubAdmin>;
