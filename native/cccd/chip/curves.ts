/**
 * Elliptic-curve domain parameters usable by PACE and Chip Authentication: the standardized ids
 * of ICAO 9303-11 §9.5.1 (table 8) that @noble/curves implements, plus named-curve OIDs and a
 * matcher for explicit parameters (EAC chips often put the full curve in DG14).
 */
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { ChipError } from './chip-error';
import { bigintFromBytes } from './bytes';

type NobleCurve = typeof brainpoolP256r1;
export type EcPoint = ReturnType<NobleCurve['Point']['fromBytes']>;

export interface CurveInfo {
  name: 'brainpoolP256r1' | 'brainpoolP384r1' | 'brainpoolP512r1' | 'P-256' | 'P-384' | 'P-521';
  /** Standardized domain parameter id of ICAO 9303-11 table 8. */
  parameterId: number;
  /** Named curve OID (RFC 5639 / SEC 2). */
  oid: string;
  /** The name node:crypto / OpenSSL uses. */
  nodeName: string;
  size: number;
  curve: NobleCurve;
}

const CURVES: readonly CurveInfo[] = [
  {
    name: 'P-256',
    parameterId: 12,
    oid: '1.2.840.10045.3.1.7',
    nodeName: 'prime256v1',
    size: 32,
    curve: p256 as unknown as NobleCurve,
  },
  {
    name: 'brainpoolP256r1',
    parameterId: 13,
    oid: '1.3.36.3.3.2.8.1.1.7',
    nodeName: 'brainpoolP256r1',
    size: 32,
    curve: brainpoolP256r1,
  },
  {
    name: 'P-384',
    parameterId: 15,
    oid: '1.3.132.0.34',
    nodeName: 'secp384r1',
    size: 48,
    curve: p384 as unknown as NobleCurve,
  },
  {
    name: 'brainpoolP384r1',
    parameterId: 16,
    oid: '1.3.36.3.3.2.8.1.1.11',
    nodeName: 'brainpoolP384r1',
    size: 48,
    curve: brainpoolP384r1,
  },
  {
    name: 'brainpoolP512r1',
    parameterId: 17,
    oid: '1.3.36.3.3.2.8.1.1.13',
    nodeName: 'brainpoolP512r1',
    size: 64,
    curve: brainpoolP512r1,
  },
  {
    name: 'P-521',
    parameterId: 18,
    oid: '1.3.132.0.35',
    nodeName: 'secp521r1',
    size: 66,
    curve: p521 as unknown as NobleCurve,
  },
];

export function curveByParameterId(id: number): CurveInfo {
  const found = CURVES.find((c) => c.parameterId === id);
  if (!found) throw new ChipError('CHIP_CURVE_UNSUPPORTED', { parameterId: id });
  return found;
}

export function curveByOid(oid: string): CurveInfo | undefined {
  return CURVES.find((c) => c.oid === oid);
}

/** Explicit parameters are matched on the prime and the base point; anything else is refused. */
export function curveByExplicit(prime: Uint8Array, base: Uint8Array): CurveInfo {
  const p = bigintFromBytes(prime);
  for (const info of CURVES) {
    const fp = info.curve.Point.Fp.ORDER;
    if (fp !== p) continue;
    try {
      if (info.curve.Point.fromBytes(base).equals(info.curve.Point.BASE)) return info;
    } catch {
      // not this curve
    }
  }
  throw new ChipError('CHIP_CURVE_UNSUPPORTED', { reason: 'explicit parameters' });
}

export function decodePoint(info: CurveInfo, bytes: Uint8Array): EcPoint {
  try {
    const point = info.curve.Point.fromBytes(bytes);
    point.assertValidity();
    return point;
  } catch {
    throw new ChipError('CHIP_SM_INVALID', { reason: 'public key not on curve', curve: info.name });
  }
}

export function encodePoint(point: EcPoint): Buffer {
  return Buffer.from(point.toBytes(false));
}

export function randomScalar(info: CurveInfo): bigint {
  return bigintFromBytes(info.curve.utils.randomSecretKey());
}
