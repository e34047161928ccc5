/**
 * Chip Authentication (ICAO 9303-11 §6.2; BSI TR-03110-1 §3.4): ephemeral-static ECDH with the
 * chip's key from DG14, then secure messaging restarts under keys only the real chip can derive.
 * A cloned chip has the data but not the private key, so the next protected answer fails.
 * AES variants use MSE:Set AT + GENERAL AUTHENTICATE; 3DES uses MSE:Set KAT (§6.2.4.1).
 */
import { ChipError } from './chip-error';
import { encodeOidValue } from './asn1';
import { SW, swHex } from './apdu';
import { blockSize } from './crypto';
import { encodePoint, randomScalar } from './curves';
import { sessionKeys, sharedSecret } from './pace';
import { parsePublicKey } from './public-key';
import { SecureChannel } from './secure-messaging';
import type { ChipAuthInfo, ChipAuthPublicKeyInfo, SecurityInfo } from './security-infos';
import type { ChipSession } from './session';
import { encodeTlv } from './tlv';
import type { ProtocolRandom } from './access-control';

export interface ChipAuthPlan {
  info: ChipAuthInfo;
  key: ChipAuthPublicKeyInfo;
}

/** The CA protocol and key to use from DG14, or null when the chip offers none we implement. */
export function planChipAuth(infos: readonly SecurityInfo[]): ChipAuthPlan | null {
  const keys = infos.filter(
    (i): i is ChipAuthPublicKeyInfo => i.kind === 'ca-public-key' && i.agreement === 'ECDH',
  );
  const protocols = infos.filter(
    (i): i is ChipAuthInfo => i.kind === 'ca' && i.agreement === 'ECDH',
  );
  for (const key of keys) {
    const info = protocols.find(
      (p) => p.keyId === key.keyId || p.keyId === null || key.keyId === null,
    );
    if (info) return { info, key };
  }
  // DG14 may omit ChipAuthenticationInfo for CA v1 3DES (TR-03110-3 A.1.1.2).
  const key = keys[0];
  return key
    ? {
        info: {
          kind: 'ca',
          oid: '0.4.0.127.0.7.2.2.3.2.1',
          version: 1,
          keyId: key.keyId,
          agreement: 'ECDH',
          cipher: '3DES',
        },
        key,
      }
    : null;
}

export async function performChipAuth(
  session: ChipSession,
  plan: ChipAuthPlan,
  random: ProtocolRandom,
): Promise<void> {
  const chipKey = parsePublicKey(plan.key.subjectPublicKeyInfo);
  if (chipKey.kind !== 'ec')
    throw new ChipError('CHIP_CURVE_UNSUPPORTED', { reason: 'CA key is not EC' });
  const { curve } = chipKey;
  const secret = random.scalar?.('ca') ?? randomScalar(curve);
  const ownPublic = encodePoint(curve.curve.Point.BASE.multiply(secret));
  const keyRef =
    plan.key.keyId !== null ? encodeTlv(0x84, Buffer.from([plan.key.keyId])) : Buffer.alloc(0);
  if (plan.info.cipher === '3DES') {
    const r = await session.send({
      cla: 0,
      ins: 0x22,
      p1: 0x41,
      p2: 0xa6,
      data: Buffer.concat([encodeTlv(0x91, ownPublic), keyRef]),
    });
    if (r.sw !== SW.OK)
      throw new ChipError('CHIP_STATUS_UNEXPECTED', { step: 'chip auth', sw: swHex(r.sw) });
  } else {
    const set = await session.send({
      cla: 0,
      ins: 0x22,
      p1: 0x41,
      p2: 0xa4,
      data: Buffer.concat([encodeTlv(0x80, encodeOidValue(plan.info.oid)), keyRef]),
    });
    if (set.sw !== SW.OK)
      throw new ChipError('CHIP_STATUS_UNEXPECTED', { step: 'chip auth', sw: swHex(set.sw) });
    const ga = await session.send({
      cla: 0,
      ins: 0x86,
      p1: 0,
      p2: 0,
      data: encodeTlv(0x7c, encodeTlv(0x80, ownPublic)),
      ne: 256,
    });
    if (ga.sw !== SW.OK)
      throw new ChipError('CHIP_STATUS_UNEXPECTED', { step: 'chip auth', sw: swHex(ga.sw) });
  }
  const shared = sharedSecret(curve, secret, chipKey.point);
  const keys = sessionKeys(shared, plan.info.cipher);
  const cipher = plan.info.cipher === '3DES' ? '3DES' : 'AES';
  session.sm = new SecureChannel({
    cipher,
    ...keys,
    ssc: Buffer.alloc(blockSize(cipher)),
  });
}
