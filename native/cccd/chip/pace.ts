/**
 * PACE v2 with ECDH generic mapping (ICAO 9303-11 §4.4 and §9.5.1; BSI TR-03110-2 §3.2), the
 * protocol of the Vietnamese ID card (EF.CardAccess: id-PACE-ECDH-GM-AES-CBC-CMAC-128 on
 * brainpoolP256r1, cccd-formats.md §3.1). Each step is a pure function so every intermediate
 * value can be checked against the worked example of Appendix G.1.
 */
import { createECDH, createHash } from 'node:crypto';
import { DER, encodeOidValue } from './asn1';
import { ChipError } from './chip-error';
import { bigintFromBytes, bigintToBytes, bytesEqual } from './bytes';
import { aesCmac, aesDecrypt, pad, retailMac, tdesDecrypt } from './crypto';
import {
  curveByParameterId,
  decodePoint,
  encodePoint,
  type CurveInfo,
  type EcPoint,
} from './curves';
import { deriveKey, KDF_ENC, KDF_MAC, KDF_PI, type SessionCipher } from './kdf';
import type { CommandApdu } from './apdu';
import type { PaceInfo } from './security-infos';
import { encodeTlv, readSingleTlv, readTlvList } from './tlv';

export type PacePassword = { kind: 'can'; can: string } | { kind: 'mrz'; mrzInfo: string };

/** Password references of MSE:Set AT (ICAO 9303-11 §4.4.4.1, table 4). */
const PASSWORD_REF = { mrz: 0x01, can: 0x02 } as const;

/** f(π): the CAN as bytes; for the MRZ, SHA-1 of the MRZ information (§9.7.3). */
export function passwordSecret(password: PacePassword): Buffer {
  return password.kind === 'can'
    ? Buffer.from(password.can, 'latin1')
    : createHash('sha1').update(password.mrzInfo, 'latin1').digest();
}

export function passwordKey(password: PacePassword, cipher: SessionCipher): Buffer {
  return deriveKey(passwordSecret(password), KDF_PI, cipher);
}

export function mseSetAtPace(info: PaceInfo, password: PacePassword): CommandApdu {
  const parts = [
    encodeTlv(0x80, encodeOidValue(info.oid)),
    encodeTlv(0x83, Buffer.from([PASSWORD_REF[password.kind]])),
  ];
  if (info.parameterId !== null) parts.push(encodeTlv(0x84, Buffer.from([info.parameterId])));
  return { cla: 0x00, ins: 0x22, p1: 0xc1, p2: 0xa4, data: Buffer.concat(parts) };
}

/** GENERAL AUTHENTICATE with a dynamic authentication data template; chained except the last. */
export function generalAuthenticate(
  tag: number | null,
  value: Uint8Array,
  last: boolean,
): CommandApdu {
  const inner = tag === null ? Buffer.alloc(0) : encodeTlv(tag, value);
  return {
    cla: last ? 0x00 : 0x10,
    ins: 0x86,
    p1: 0,
    p2: 0,
    data: encodeTlv(0x7c, inner),
    ne: 256,
  };
}

/** The value of tag `tag` inside the 7C template of a GENERAL AUTHENTICATE response. */
export function dynamicData(response: Uint8Array, tag: number): Buffer {
  const template = readSingleTlv(response, 0x7c);
  const item = readTlvList(template.value).find((t) => t.tag === tag);
  if (!item)
    throw new ChipError('CHIP_RESPONSE_MALFORMED', { reason: `7C without ${tag.toString(16)}` });
  return item.value;
}

export function decryptNonce(
  kPi: Uint8Array,
  encrypted: Uint8Array,
  cipher: SessionCipher,
): Buffer {
  if (cipher === '3DES') return tdesDecrypt(kPi, encrypted);
  return aesDecrypt(kPi, encrypted);
}

/** Generic mapping (§4.4.3.3.1): H = SK_map,IFD · PK_map,IC and G' = s·G + H. */
export function mapGeneric(
  curve: CurveInfo,
  nonce: Uint8Array,
  mappingPrivate: bigint,
  chipMappingPublic: Uint8Array,
): { shared: EcPoint; generator: EcPoint } {
  const pkIc = decodePoint(curve, chipMappingPublic);
  const shared = pkIc.multiply(mappingPrivate);
  const generator = curve.curve.Point.BASE.multiply(bigintFromBytes(nonce)).add(shared);
  return { shared, generator };
}

export function publicOn(generator: EcPoint, privateKey: bigint): EcPoint {
  return generator.multiply(privateKey);
}

/**
 * K = x-coordinate of SK_IFD · PK_IC, padded to the field size. Done by OpenSSL's ECDH (it also
 * validates the point): several times faster than a generic scalar multiplication in JS.
 */
export function sharedSecret(curve: CurveInfo, privateKey: bigint, chipPublic: Uint8Array): Buffer {
  decodePoint(curve, chipPublic);
  const ecdh = createECDH(curve.nodeName);
  ecdh.setPrivateKey(bigintToBytes(privateKey, curve.size));
  return ecdh.computeSecret(Buffer.from(chipPublic));
}

/**
 * The terminal's ephemeral public key on the mapped generator without forming G̃ first:
 * SK·G̃ = SK·(s·G + SK_map·PK_map,IC) = (SK·s mod n)·G + (SK·SK_map mod n)·PK_map,IC — one
 * fixed-base and one variable-base multiplication instead of two variable-base ones.
 */
export function ephemeralPublicKey(
  curve: CurveInfo,
  nonce: Uint8Array,
  mappingPrivate: bigint,
  chipMappingPublic: Uint8Array,
  privateKey: bigint,
): EcPoint {
  const n = curve.curve.Point.Fn.ORDER;
  const s = bigintFromBytes(nonce);
  const pkIc = decodePoint(curve, chipMappingPublic);
  return curve.curve.Point.BASE.multiply((privateKey * s) % n).add(
    pkIc.multiply((privateKey * mappingPrivate) % n),
  );
}

export function sessionKeys(
  shared: Uint8Array,
  cipher: SessionCipher,
): { ksEnc: Buffer; ksMac: Buffer } {
  return { ksEnc: deriveKey(shared, KDF_ENC, cipher), ksMac: deriveKey(shared, KDF_MAC, cipher) };
}

/**
 * Authentication token T = MAC(KS_mac, public key data object of the *other* side's ephemeral key)
 * (§4.4.3.4; the data object is 7F49 { 06 OID, 86 point }, TR-03110-3 D.3.3).
 */
export function authenticationToken(
  ksMac: Uint8Array,
  oid: string,
  publicKey: Uint8Array,
  cipher: SessionCipher,
): Buffer {
  const data = encodeTlv(
    0x7f49,
    encodeTlv(DER.OID, encodeOidValue(oid)),
    encodeTlv(0x86, publicKey),
  );
  return cipher === '3DES' ? retailMac(ksMac, pad(data, 8)) : aesCmac(ksMac, data).subarray(0, 8);
}

export interface PaceTerminal {
  info: PaceInfo;
  curve: CurveInfo;
  kPi: Buffer;
}

export function startPace(info: PaceInfo, password: PacePassword): PaceTerminal {
  if (info.agreement !== 'ECDH' || info.mapping !== 'GM') {
    throw new ChipError('CHIP_PACE_UNSUPPORTED', { oid: info.oid });
  }
  if (info.parameterId === null)
    throw new ChipError('CHIP_PACE_UNSUPPORTED', { reason: 'no parameterId' });
  return {
    info,
    curve: curveByParameterId(info.parameterId),
    kPi: passwordKey(password, info.cipher),
  };
}

export function checkChipToken(expected: Uint8Array, received: Uint8Array): void {
  if (!bytesEqual(expected, received)) {
    throw new ChipError('CHIP_ACCESS_KEY_REJECTED', { step: 'pace', reason: 'chip token' });
  }
}

export function publicKeysDiffer(a: Uint8Array, b: Uint8Array): void {
  // §4.4.3.3.2: the terminal must refuse the chip's ephemeral key if it equals its own.
  if (bytesEqual(a, b))
    throw new ChipError('CHIP_ACCESS_KEY_REJECTED', { reason: 'same public key' });
}

export { encodePoint };
export const scalarFromHex = (hex: string): bigint => BigInt(`0x${hex}`);
