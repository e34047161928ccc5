/**
 * The hub's write side (docs/sync-protocol.md §4–§6): verify, then apply idempotently. Order of
 * checks: shape → key → signature → clock → replay → revisions. A batch is all-or-nothing: when
 * any row would move a figure back to an older revision, nothing is applied (HUB_REVISION_ROLLBACK)
 * and the batch id is not recorded.
 */
import type { HubRepository, HubRow } from '../../../db/hub/hub-repository';
import type { HubSqlExecutor } from '../../../db/hub/hub-sql';
import { enrollmentCodeHash, normalizeEnrollmentCode } from '../../../native/sync/enrollment-code';
import {
  DEFAULT_CLOCK_TOLERANCE_MS,
  enrollRequestSchema,
  parseJsonBytes,
  rotateRequestSchema,
  validateBatchFast,
  validateRequest,
  type Ack,
  type BatchResponse,
  type EnrollResponse,
} from '../../../native/sync/protocol';
import { keyIdOf, verifyBody, type SignatureContext } from '../../../native/sync/signing';
import { figuresKey, keyOf } from '../../../native/sync/summary-row';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';

export interface HubIngestOptions {
  clockToleranceMs?: number;
  hubName: () => Promise<string>;
}

export interface SignedRequest {
  body: Buffer;
  signature: string | undefined;
  newKeySignature?: string | undefined;
}

function parse<T>(
  body: Buffer,
  schema: Parameters<typeof validateRequest<T>>[1],
  schemaVersion: boolean,
): T {
  const json = parseJsonBytes(body);
  if (!json.ok) throw new AppError(json.code, json.details);
  const valid = validateRequest(json.value, schema, { schemaVersion });
  if (!valid.ok) throw new AppError(valid.code, valid.details);
  return valid.value;
}

const MAX_ROLLBACK_ROWS_REPORTED = 100;

export function createHubIngest(repo: HubRepository, clock: Clock, options: HubIngestOptions) {
  const tolerance = options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  let appliedSinceMaintenance = 0;
  /** Statistics follow the data: refreshed after every 20,000 applied rows. */
  const afterApply = (rows: number) => {
    appliedSinceMaintenance += rows;
    if (appliedSinceMaintenance < 20_000) return;
    appliedSinceMaintenance = 0;
    repo.sql.maintain().catch((error: unknown) => console.error('[hub] maintenance:', error));
  };
  const hubTime = () => new Date(clock.now()).toISOString();

  function checkClock(sentAt: string): number {
    const sent = Date.parse(sentAt);
    const skewMs = sent - clock.now();
    if (Math.abs(skewMs) > tolerance)
      throw new AppError('HUB_CLOCK_SKEW', { hubTime: hubTime(), skewMs, toleranceMs: tolerance });
    return sent;
  }

  /** The key must exist, belong to the office and be active; then the signature must verify. */
  async function authenticate(
    tx: HubSqlExecutor,
    office: string,
    keyId: string,
    context: SignatureContext,
    request: SignedRequest,
  ) {
    const key = await repo.key(tx, keyId);
    if (!key || key.officeCode !== office) {
      const known = await repo.officeExists(tx, office);
      throw new AppError(known ? 'HUB_UNKNOWN_KEY' : 'HUB_UNKNOWN_OFFICE', { office, keyId });
    }
    if (key.status === 'revoked') throw new AppError('HUB_KEY_REVOKED', { office, keyId });
    if (key.status !== 'active')
      throw new AppError('HUB_UNKNOWN_KEY', { office, keyId, reason: key.status });
    if (!request.signature || !verifyBody(context, request.body, request.signature, key.publicKey))
      throw new AppError('HUB_BAD_SIGNATURE', { office, keyId });
    return key;
  }

  async function ingestBatch(request: SignedRequest): Promise<BatchResponse> {
    const json = parseJsonBytes(request.body);
    if (!json.ok) throw new AppError(json.code, json.details);
    const valid = validateBatchFast(json.value);
    if (!valid.ok) throw new AppError(valid.code, valid.details);
    const batch = valid.value;
    const now = clock.now();
    const rows: HubRow[] = batch.rows.map((r) => ({
      day: r.day,
      procedure: r.procedure,
      revision: r.revision,
      counts: r.counts,
      figuresKey: figuresKey(r.counts),
    }));
    const answer = await repo.sql.transaction(async (tx) => {
      await authenticate(tx, batch.office, batch.keyId, 'batch', request);
      const sentAt = checkClock(batch.sentAt);
      const days = rows.map((r) => r.day).sort();
      const stored = new Map(
        days.length === 0
          ? []
          : (await repo.storedRevisions(tx, batch.office, days[0]!, days[days.length - 1]!)).map(
              (s) => [keyOf(s), s] as const,
            ),
      );
      const acks: Ack[] = [];
      const apply: HubRow[] = [];
      const rollback: { day: string; procedure: string; revision: number; hubRevision: number }[] =
        [];
      for (const row of rows) {
        const held = stored.get(keyOf(row));
        if (!held || held.revision < row.revision) {
          apply.push(row);
          acks.push({
            day: row.day,
            procedure: row.procedure,
            revision: row.revision,
            status: 'applied',
          });
        } else if (held.revision === row.revision && held.figuresKey === row.figuresKey) {
          acks.push({
            day: row.day,
            procedure: row.procedure,
            revision: row.revision,
            status: 'duplicate',
          });
        } else {
          rollback.push({
            day: row.day,
            procedure: row.procedure,
            revision: row.revision,
            hubRevision: held.revision,
          });
        }
      }
      if (rollback.length > 0) {
        throw new AppError('HUB_REVISION_ROLLBACK', {
          rows: rollback.slice(0, MAX_ROLLBACK_ROWS_REPORTED),
          count: rollback.length,
          hubTime: hubTime(),
        });
      }
      const fresh = await repo.recordBatch(tx, {
        batchId: batch.batchId,
        office: batch.office,
        keyId: batch.keyId,
        sentAt,
        now,
        rows: rows.length,
        applied: apply.length,
      });
      if (!fresh) throw new AppError('HUB_BATCH_REPLAYED', { batchId: batch.batchId });
      await repo.upsertSummaries(tx, batch.office, apply, now);
      await repo.officeAfterBatch(tx, {
        office: batch.office,
        now,
        sentAt,
        final: batch.final,
        applied: apply.length,
      });
      return { ok: true as const, batchId: batch.batchId, hubTime: hubTime(), acks };
    });
    afterApply(answer.acks.length);
    return answer;
  }

  async function enroll(request: SignedRequest): Promise<EnrollResponse> {
    const req = parse(request.body, enrollRequestSchema, false);
    // Proof of possession: the request is signed by the key being enrolled.
    if (!request.signature || !verifyBody('enroll', request.body, request.signature, req.publicKey))
      throw new AppError('HUB_BAD_SIGNATURE', { office: req.office });
    checkClock(req.sentAt);
    const normalized = normalizeEnrollmentCode(req.code);
    if (!normalized) throw new AppError('HUB_ENROLL_CODE_INVALID');
    const hash = enrollmentCodeHash(normalized);
    const keyId = keyIdOf(req.publicKey);
    const now = clock.now();
    await repo.sql.transaction(async (tx) => {
      const code = await repo.code(tx, hash);
      if (!code) throw new AppError('HUB_ENROLL_CODE_INVALID');
      if (code.usedAt !== null) throw new AppError('HUB_ENROLL_CODE_USED');
      if (code.expiresAt < now) throw new AppError('HUB_ENROLL_CODE_EXPIRED');
      if (code.officeCode !== req.office)
        throw new AppError('HUB_ENROLL_OFFICE_MISMATCH', { office: req.office });
      const existing = await repo.key(tx, keyId);
      if (existing?.status === 'revoked') throw new AppError('HUB_KEY_REVOKED', { keyId });
      if (existing && existing.officeCode !== req.office)
        throw new AppError('HUB_KEY_INVALID', { reason: 'key enrolled for another office' });
      if ((await repo.useCode(tx, hash, now, keyId)) !== 1)
        throw new AppError('HUB_ENROLL_CODE_USED');
      // The office's own name, unless the hub admin gave one.
      if (req.label)
        await tx.run(`UPDATE hub_offices SET name = ? WHERE code = ? AND name = ''`, [
          req.label,
          req.office,
        ]);
      // One live key per office: a re-enrolled workstation replaces the previous key.
      await repo.endKeys(tx, req.office, 'retired', now, null);
      if (existing) {
        await tx.run(`UPDATE hub_keys SET status = 'active', ended_at = NULL WHERE key_id = ?`, [
          keyId,
        ]);
      } else {
        await repo.insertKey(tx, {
          keyId,
          officeCode: req.office,
          publicKey: req.publicKey,
          origin: 'code',
          label: req.label,
          createdAt: now,
        });
      }
    });
    return {
      ok: true,
      office: req.office,
      keyId,
      hubName: await options.hubName(),
      hubTime: hubTime(),
    };
  }

  async function rotate(request: SignedRequest) {
    const req = parse(request.body, rotateRequestSchema, true);
    const newKeyId = keyIdOf(req.newPublicKey);
    const now = clock.now();
    await repo.sql.transaction(async (tx) => {
      await authenticate(tx, req.office, req.keyId, 'rotate', request);
      if (
        !request.newKeySignature ||
        !verifyBody('rotate-new-key', request.body, request.newKeySignature, req.newPublicKey)
      )
        throw new AppError('HUB_BAD_SIGNATURE', { office: req.office, reason: 'new key' });
      const sentAt = checkClock(req.sentAt);
      const fresh = await repo.recordBatch(tx, {
        batchId: req.requestId,
        office: req.office,
        keyId: req.keyId,
        sentAt,
        now,
        rows: 0,
        applied: 0,
      });
      if (!fresh) throw new AppError('HUB_BATCH_REPLAYED', { batchId: req.requestId });
      if (await repo.key(tx, newKeyId))
        throw new AppError('HUB_KEY_INVALID', { reason: 'key reused' });
      await repo.endKeys(tx, req.office, 'retired', now, req.keyId);
      await repo.insertKey(tx, {
        keyId: newKeyId,
        officeCode: req.office,
        publicKey: req.newPublicKey,
        origin: 'rotation',
        label: '',
        createdAt: now,
      });
    });
    return { ok: true as const, office: req.office, keyId: newKeyId, hubTime: hubTime() };
  }

  return { ingestBatch, enroll, rotate, hubTime };
}
export type HubIngest = ReturnType<typeof createHubIngest>;
