/**
 * SubjectPublicKeyInfo of chip keys (DG14 CA key, DG15 AA key): EC keys with a named curve or
 * explicit parameters (matched to a known curve), and RSA keys handed to node:crypto.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { DER, encodeOid, expectTag, readOid } from './asn1';
import { ChipError } from './chip-error';
import { curveByExplicit, curveByOid, decodePoint, type CurveInfo } from './curves';
import { ID_EC_PUBLIC_KEY, ID_PK_ECDH } from './oids';
import { children, encodeTlv, readSingleTlv } from './tlv';

export interface EcPublicKey {
  kind: 'ec';
  curve: CurveInfo;
  point: Buffer;
}

export interface OtherPublicKey {
  kind: 'other';
  key: KeyObject;
}

function bitString(value: Buffer): Buffer {
  if (value[0] !== 0)
    throw new ChipError('CHIP_TLV_MALFORMED', { reason: 'BIT STRING with unused bits' });
  return value.subarray(1);
}

export function parsePublicKey(spki: Uint8Array): EcPublicKey | OtherPublicKey {
  const [algorithm, key] = children(readSingleTlv(spki, DER.SEQUENCE));
  const algParts = children(expectTag(algorithm, DER.SEQUENCE, 'AlgorithmIdentifier'));
  const oid = readOid(algParts[0], 'key algorithm');
  const keyBytes = bitString(expectTag(key, DER.BIT_STRING, 'subjectPublicKey').value);
  if (oid === ID_EC_PUBLIC_KEY || oid === ID_PK_ECDH) {
    const params = algParts[1];
    let curve: CurveInfo | undefined;
    if (params?.tag === DER.OID) curve = curveByOid(readOid(params));
    else if (params?.tag === DER.SEQUENCE) {
      const p = children(params);
      const prime = children(expectTag(p[1], DER.SEQUENCE, 'fieldID'))[1]!.value;
      const base = expectTag(p[3], DER.OCTET_STRING, 'base').value;
      curve = curveByExplicit(prime, base);
    }
    if (!curve) throw new ChipError('CHIP_CURVE_UNSUPPORTED', { reason: 'curve parameters' });
    decodePoint(curve, keyBytes);
    return { kind: 'ec', curve, point: keyBytes };
  }
  try {
    return {
      kind: 'other',
      key: createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }),
    };
  } catch {
    throw new ChipError('CHIP_DG_MALFORMED', { reason: 'public key not understood', oid });
  }
}

/** An EC key re-encoded with its named curve, which node:crypto can always import. */
export function ecKeyObject(key: EcPublicKey): KeyObject {
  const spki = encodeTlv(
    DER.SEQUENCE,
    encodeTlv(DER.SEQUENCE, encodeOid(ID_EC_PUBLIC_KEY), encodeOid(key.curve.oid)),
    encodeTlv(DER.BIT_STRING, Buffer.from([0]), key.point),
  );
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}
