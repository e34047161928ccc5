/** Enrollment and key rotation requests to a hub (docs/sync-protocol.md §5, §6). */
import type { KeyObject } from 'node:crypto';
import {
  encodeJson,
  enrollResponseSchema,
  NEW_KEY_SIGNATURE_HEADER,
  PATHS,
  PROTOCOL,
  rotateResponseSchema,
  SCHEMA_VERSION,
  SIGNATURE_HEADER,
  type EnrollRequest,
  type EnrollResponse,
  type RotateRequest,
} from '../../../native/sync/protocol';
import { signBody } from '../../../native/sync/signing';
import { AppError } from '../../api/errors';
import { hubRefusal, postToHub, type HubEndpoint } from './hub-transport';
import { newBatchId } from './batch-sender';

async function post(
  endpoint: HubEndpoint,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<unknown> {
  const response = await postToHub(endpoint, path, body, headers, timeoutMs);
  if (response.status === 200) return response.body;
  const refusal = hubRefusal(response);
  throw new AppError(refusal.code, refusal.details);
}

export async function enrollAtHub(
  endpoint: HubEndpoint,
  request: { office: string; code: string; publicKey: string; label: string; now: number },
  privateKey: KeyObject,
  timeoutMs: number,
): Promise<EnrollResponse> {
  const payload: EnrollRequest = {
    protocol: PROTOCOL,
    office: request.office,
    code: request.code,
    publicKey: request.publicKey,
    sentAt: new Date(request.now).toISOString(),
    label: request.label,
  };
  const body = encodeJson(payload);
  const answer = await post(
    endpoint,
    PATHS.enroll,
    body,
    { [SIGNATURE_HEADER]: signBody('enroll', body, privateKey) },
    timeoutMs,
  );
  const parsed = enrollResponseSchema.safeParse(answer);
  if (!parsed.success) throw new AppError('SYNC_HUB_GARBAGE', { status: 200 });
  return parsed.data;
}

/** Signed by the current key (authority) and by the new key (proof of possession). */
export async function rotateAtHub(
  endpoint: HubEndpoint,
  request: { office: string; keyId: string; newPublicKey: string; now: number },
  currentKey: KeyObject,
  newKey: KeyObject,
  timeoutMs: number,
): Promise<void> {
  const payload: RotateRequest = {
    protocol: PROTOCOL,
    schemaVersion: SCHEMA_VERSION,
    office: request.office,
    keyId: request.keyId,
    sentAt: new Date(request.now).toISOString(),
    requestId: newBatchId(),
    newPublicKey: request.newPublicKey,
  };
  const body = encodeJson(payload);
  const answer = await post(
    endpoint,
    PATHS.rotate,
    body,
    {
      [SIGNATURE_HEADER]: signBody('rotate', body, currentKey),
      [NEW_KEY_SIGNATURE_HEADER]: signBody('rotate-new-key', body, newKey),
    },
    timeoutMs,
  );
  if (!rotateResponseSchema.safeParse(answer).success)
    throw new AppError('SYNC_HUB_GARBAGE', { status: 200 });
}
