/**
 * Drains an outbox to one hub: builds a batch, signs it, posts it, and marks acknowledged only
 * the rows the hub answered for, revision by revision. Every failure leaves the outbox as it was,
 * so a retry (now, after a restart, after days) sends the same revisions again and the hub's
 * "only newer revisions" rule makes that harmless. Used by the workstation and by a hub
 * forwarding its rollup upward.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import {
  batchResponseSchema,
  encodeJson,
  PATHS,
  PROTOCOL,
  rollbackRowSchema,
  SCHEMA_VERSION,
  SIGNATURE_HEADER,
  type Ack,
  type Batch,
  type WireRow,
} from '../../../native/sync/protocol';
import { signBody } from '../../../native/sync/signing';
import { AppError, type ErrorCode } from '../../api/errors';
import type { Clock } from '../shared/clock';
import { hubRefusal, postToHub, type HubEndpoint } from './hub-transport';

export interface OutboxStore {
  /** Turns pending data changes into new revisions (no-op where revisions are computed eagerly). */
  refresh(): Promise<void>;
  pending(limit: number): Promise<WireRow[]>;
  backlog(): Promise<number>;
  acknowledge(acks: readonly Ack[]): Promise<void>;
  /** The hub holds newer revisions than ours (a restored database): ours must climb above. */
  raiseAbove(
    rows: readonly { day: string; procedure: string; hubRevision: number }[],
  ): Promise<void>;
}

export interface SenderIdentity {
  office: string;
  keyId: string;
  privateKey: KeyObject;
}

export interface DrainOptions {
  batchSize: number;
  clock: Clock;
  timeoutMs?: number;
  /** Called after every acknowledged batch, for progress events. */
  onBatch?: (progress: { acknowledged: number; backlog: number }) => void;
}

export interface DrainResult {
  ok: boolean;
  batches: number;
  acknowledged: number;
  backlog: number;
  batchSize: number;
  hubTime: string | null;
  error: { code: ErrorCode; details: Record<string, unknown> } | null;
}

export function newBatchId(): string {
  return randomBytes(16).toString('base64url');
}

export function buildBatch(identity: SenderIdentity, rows: WireRow[], now: number, final: boolean) {
  const batch: Batch = {
    protocol: PROTOCOL,
    schemaVersion: SCHEMA_VERSION,
    office: identity.office,
    keyId: identity.keyId,
    batchId: newBatchId(),
    sentAt: new Date(now).toISOString(),
    final,
    rows,
  };
  const body = encodeJson(batch);
  return { batch, body, signature: signBody('batch', body, identity.privateKey) };
}

/** Exactly one ack per sent row, same key and revision, in order; anything else is garbage. */
function acksMatch(rows: readonly WireRow[], acks: readonly Ack[]): boolean {
  return (
    rows.length === acks.length &&
    rows.every(
      (r, i) =>
        acks[i]!.day === r.day &&
        acks[i]!.procedure === r.procedure &&
        acks[i]!.revision === r.revision,
    )
  );
}

const MAX_PROTOCOL_RETRIES = 5;

export async function drainOutbox(
  store: OutboxStore,
  endpoint: HubEndpoint,
  identity: SenderIdentity,
  options: DrainOptions,
): Promise<DrainResult> {
  const result: DrainResult = {
    ok: false,
    batches: 0,
    acknowledged: 0,
    backlog: 0,
    batchSize: options.batchSize,
    hubTime: null,
    error: null,
  };
  const finish = async (error: DrainResult['error']) => {
    result.error = error;
    result.ok = error === null;
    result.backlog = await store.backlog();
    return result;
  };
  let retries = 0;
  let sentOne = false;
  for (;;) {
    await store.refresh();
    const rows = await store.pending(result.batchSize);
    // One batch even when nothing is pending: the hub learns the office is alive and complete.
    if (rows.length === 0 && sentOne) return finish(null);
    const backlog = await store.backlog();
    const { batch, body, signature } = buildBatch(
      identity,
      rows,
      options.clock.now(),
      backlog <= rows.length,
    );
    let response;
    try {
      response = await postToHub(
        endpoint,
        PATHS.batches,
        body,
        { [SIGNATURE_HEADER]: signature },
        options.timeoutMs ?? 30_000,
      );
    } catch (error) {
      const e = error instanceof AppError ? error : new AppError('SYNC_HUB_UNREACHABLE');
      return finish({ code: e.code, details: e.details ?? {} });
    }
    result.batches += 1;
    sentOne = true;
    if (response.status === 200) {
      const ok = batchResponseSchema.safeParse(response.body);
      if (!ok.success || ok.data.batchId !== batch.batchId || !acksMatch(rows, ok.data.acks)) {
        return finish({ code: 'SYNC_HUB_GARBAGE', details: { status: 200 } });
      }
      await store.acknowledge(ok.data.acks);
      result.acknowledged += rows.length;
      result.hubTime = ok.data.hubTime;
      retries = 0;
      options.onBatch?.({ acknowledged: result.acknowledged, backlog: await store.backlog() });
      continue;
    }
    const refusal = hubRefusal(response);
    const details = refusal.details;
    if (retries++ < MAX_PROTOCOL_RETRIES) {
      // A duplicate delivery of an earlier copy: send the same rows again under a new id.
      if (refusal.hubCode === 'HUB_BATCH_REPLAYED') continue;
      if (refusal.hubCode === 'HUB_BODY_TOO_LARGE' && result.batchSize > 1) {
        result.batchSize = Math.max(1, Math.floor(result.batchSize / 2));
        continue;
      }
      if (refusal.hubCode === 'HUB_REVISION_ROLLBACK') {
        const offending = z.array(rollbackRowSchema).safeParse(details.rows);
        if (offending.success && offending.data.length > 0) {
          await store.raiseAbove(offending.data);
          continue;
        }
      }
    }
    if (typeof details.hubTime === 'string') result.hubTime = details.hubTime;
    return finish({ code: refusal.code, details });
  }
}
