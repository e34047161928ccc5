/**
 * Key derivation function of ICAO 9303-11 §9.7.1: K = H(seed || counter) truncated, counter 1 for
 * encryption, 2 for MAC, 3 for the PACE password key. 3DES keys get DES parity bits adjusted (the
 * published test vectors show them adjusted).
 */
import { createHash } from 'node:crypto';
import { concat } from './bytes';

export type SessionCipher = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

export const KDF_ENC = 1;
export const KDF_MAC = 2;
export const KDF_PI = 3;

function withParity(key: Buffer): Buffer {
  const out = Buffer.from(key);
  for (let i = 0; i < out.length; i++) {
    const b = out[i]! & 0xfe;
    let ones = 0;
    for (let bit = 1; bit < 8; bit++) ones += (b >> bit) & 1;
    out[i] = b | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

export function deriveKey(seed: Uint8Array, counter: number, cipher: SessionCipher): Buffer {
  const c = Buffer.alloc(4);
  c.writeUInt32BE(counter);
  const input = concat(seed, c);
  switch (cipher) {
    case '3DES':
      return withParity(createHash('sha1').update(input).digest().subarray(0, 16));
    case 'AES-128':
      return createHash('sha1').update(input).digest().subarray(0, 16);
    case 'AES-192':
      return createHash('sha256').update(input).digest().subarray(0, 24);
    case 'AES-256':
      return createHash('sha256').update(input).digest();
  }
}
