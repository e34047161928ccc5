/**
 * The few DER shapes the LDS needs (X.690): OBJECT IDENTIFIER, INTEGER, OCTET/BIT STRING and the
 * text types of DG13, on top of the TLV reader.
 */
import { ChipError } from './chip-error';
import { bigintFromBytes } from './bytes';
import { encodeTlv, type Tlv } from './tlv';

export const DER = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function bad(reason: string): never {
  throw new ChipError('CHIP_TLV_MALFORMED', { reason });
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) bad(`${what} missing`);
  if (tlv.tag !== tag) bad(`${what}: tag ${tlv.tag.toString(16)} instead of ${tag.toString(16)}`);
  return tlv;
}

export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) bad('empty OID');
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) bad('OID arc too large');
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    } else if (i === bytes.length - 1) bad('truncated OID');
  }
  return parts.join('.');
}

export function encodeOidValue(oid: string): Buffer {
  const arcs = oid.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isInteger(a) || a < 0)) bad(`bad OID ${oid}`);
  const out: number[] = [];
  const push = (n: number) => {
    const stack = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128))
      stack.unshift((v & 0x7f) | 0x80);
    out.push(...stack);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const arc of arcs.slice(2)) push(arc);
  return Buffer.from(out);
}

export function encodeOid(oid: string): Buffer {
  return encodeTlv(DER.OID, encodeOidValue(oid));
}

export function readOid(tlv: Tlv | undefined, what = 'OID'): string {
  return decodeOid(expectTag(tlv, DER.OID, what).value);
}

/** Non-negative INTEGERs only (versions, numbers, key ids); refuses values beyond 2^53. */
export function readSmallInt(tlv: Tlv | undefined, what = 'INTEGER'): number {
  const value = bigintFromBytes(expectTag(tlv, DER.INTEGER, what).value);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) bad(`${what} too large`);
  return Number(value);
}

export function encodeInt(value: number | bigint): Buffer {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return encodeTlv(DER.INTEGER, bytes);
}

/** Text of a DER string type; UTF8 is checked (a bad byte is malformed, not silently replaced). */
export function readText(tlv: Tlv): string {
  switch (tlv.tag) {
    case DER.UTF8_STRING:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(tlv.value);
      } catch {
        return bad('invalid UTF-8 in UTF8String');
      }
    case DER.PRINTABLE_STRING:
    case DER.IA5_STRING:
    case DER.VISIBLE_STRING:
    case DER.T61_STRING:
      return tlv.value.toString('latin1');
    case DER.BMP_STRING:
      return Buffer.from(tlv.value).swap16().toString('utf16le');
    default:
      return bad(`tag ${tlv.tag.toString(16)} is not a string type`);
  }
}

export function isTextTag(tag: number): boolean {
  return (
    [
      DER.UTF8_STRING,
      DER.PRINTABLE_STRING,
      DER.IA5_STRING,
      DER.VISIBLE_STRING,
      DER.T61_STRING,
      DER.BMP_STRING,
    ] as number[]
  ).includes(tag);
}
