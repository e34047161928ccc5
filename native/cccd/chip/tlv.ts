/**
 * BER-TLV as used on eMRTD chips (ISO/IEC 7816-4 §5.2, ICAO 9303-10 §4): tags of up to three
 * bytes, definite lengths of up to four bytes. Every read is bounds-checked: a length that points
 * past the buffer is malformed, one beyond `MAX_TLV_LENGTH` is refused before any allocation.
 */
import { ChipError } from './chip-error';

/** Larger than any LDS file (DG2 with a big JPEG 2000 stays far below); guards hostile lengths. */
export const MAX_TLV_LENGTH = 1 << 20;

export interface Tlv {
  tag: number;
  constructed: boolean;
  /** Where the TLV starts in the buffer it was read from, and the size of its tag + length. */
  offset: number;
  headerLength: number;
  value: Buffer;
  /** The whole encoding (tag, length and value). */
  raw: Buffer;
}

export interface TlvHeader {
  tag: number;
  constructed: boolean;
  headerLength: number;
  length: number;
}

function malformed(reason: string, offset: number): never {
  throw new ChipError('CHIP_TLV_MALFORMED', { reason, offset });
}

/** Reads a tag and length at `offset`; returns null when `bytes` ends before the header does. */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader | null {
  let pos = offset;
  if (pos >= bytes.length) return null;
  const first = bytes[pos++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let more = true;
    let count = 0;
    while (more) {
      if (pos >= bytes.length) return null;
      const b = bytes[pos++]!;
      tag = (tag << 8) | b;
      more = (b & 0x80) !== 0;
      if (++count > 2) malformed('tag longer than 3 bytes', offset);
    }
  }
  if (pos >= bytes.length) return null;
  const lead = bytes[pos++]!;
  let length = lead;
  if (lead === 0x80) malformed('indefinite length', offset);
  if (lead > 0x80) {
    const n = lead & 0x7f;
    if (n > 4) malformed('length of more than 4 bytes', offset);
    if (pos + n > bytes.length) return null;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[pos++]!;
  }
  if (length > MAX_TLV_LENGTH) {
    throw new ChipError('CHIP_LENGTH_OVERSIZED', { length, limit: MAX_TLV_LENGTH, offset });
  }
  return { tag, constructed: (first & 0x20) !== 0, headerLength: pos - offset, length };
}

export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  const header = readTlvHeader(bytes, offset);
  if (!header) malformed('truncated header', offset);
  const start = offset + header.headerLength;
  const end = start + header.length;
  if (end > bytes.length) malformed('value runs past the end', offset);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    tag: header.tag,
    constructed: header.constructed,
    offset,
    headerLength: header.headerLength,
    value: buf.subarray(start, end),
    raw: buf.subarray(offset, end),
  };
}

/** All TLVs laid end to end in `bytes`; the whole buffer must be consumed. */
export function readTlvList(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tlv = readTlv(bytes, offset);
    out.push(tlv);
    offset += tlv.raw.length;
  }
  return out;
}

/** Exactly one TLV filling `bytes` (a data group, a response template). */
export function readSingleTlv(bytes: Uint8Array, expectedTag?: number): Tlv {
  const tlv = readTlv(bytes, 0);
  if (tlv.raw.length !== bytes.length) malformed('trailing bytes', tlv.raw.length);
  if (expectedTag !== undefined && tlv.tag !== expectedTag) {
    throw new ChipError('CHIP_TLV_MALFORMED', {
      reason: 'unexpected tag',
      expected: expectedTag.toString(16),
      found: tlv.tag.toString(16),
    });
  }
  return tlv;
}

export function children(tlv: Tlv): Tlv[] {
  if (!tlv.constructed) malformed('primitive TLV has no children', tlv.offset);
  return readTlvList(tlv.value);
}

export function findTag(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length <= 0xff) return Buffer.from([0x81, length]);
  if (length <= 0xffff) return Buffer.from([0x82, length >> 8, length & 0xff]);
  if (length <= 0xffffff)
    return Buffer.from([0x83, length >> 16, (length >> 8) & 0xff, length & 0xff]);
  throw new RangeError('length too large');
}

export function encodeTag(tag: number): Buffer {
  if (tag <= 0xff) return Buffer.from([tag]);
  if (tag <= 0xffff) return Buffer.from([tag >> 8, tag & 0xff]);
  return Buffer.from([tag >> 16, (tag >> 8) & 0xff, tag & 0xff]);
}

export function encodeTlv(tag: number, ...values: readonly Uint8Array[]): Buffer {
  const value = Buffer.concat(values.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)));
  return Buffer.concat([encodeTag(tag), encodeLength(value.length), value]);
}
