/** Raw HTTP to a hub, for tests that speak the protocol by hand (forgeries, replays, fuzz). */
import { generateOfficeKeyPair, keyIdOf, privateKeyObject } from '../../native/sync/signing';
import { buildBatch } from '../../electron/services/sync/batch-sender';
import type { WireRow } from '../../native/sync/protocol';
import { zeroCounts, type SummaryCounts } from '../../native/sync/summary-row';

export interface RawAnswer {
  status: number;
  json: {
    ok: boolean;
    error?: { code: string; details?: Record<string, unknown> };
    [k: string]: unknown;
  };
}

export async function postRaw(
  url: string,
  path: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, json: (await response.json()) as RawAnswer['json'] };
}

export function testIdentity(office: string) {
  const pair = generateOfficeKeyPair();
  return {
    office,
    keyId: keyIdOf(pair.publicKey),
    publicKey: pair.publicKey,
    privateKey: privateKeyObject(pair.privateKeyPem),
  };
}
export type TestIdentity = ReturnType<typeof testIdentity>;

export function row(
  day: string,
  procedure: string,
  revision: number,
  counts: Partial<SummaryCounts> = {},
): WireRow {
  return { day, procedure, revision, counts: { ...zeroCounts(), ...counts } };
}

export function signedBatch(identity: TestIdentity, rows: WireRow[], now: number, final = true) {
  const built = buildBatch(identity, rows, now, final);
  return { ...built, headers: { 'x-motcua-signature': built.signature } };
}
