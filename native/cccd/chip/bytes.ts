/** Byte helpers shared by the chip code. Buffers are Uint8Arrays, so callers may pass either. */
import { timingSafeEqual } from 'node:crypto';

export function fromHex(text: string): Buffer {
  const clean = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean)) throw new TypeError(`not hex: ${text.slice(0, 40)}`);
  return Buffer.from(clean, 'hex');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('hex')
    .toUpperCase();
}

export function concat(...parts: readonly Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}

export function xor(a: Uint8Array, b: Uint8Array): Buffer {
  if (a.length !== b.length) throw new RangeError('xor of unequal lengths');
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** Constant-time comparison for MACs and tokens (a timing oracle on a MAC check is a classic leak). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bigintFromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

export function bigintToBytes(value: bigint, length: number): Buffer {
  const hex = value.toString(16).padStart(length * 2, '0');
  if (hex.length > length * 2) throw new RangeError('integer does not fit');
  return Buffer.from(hex, 'hex');
}
