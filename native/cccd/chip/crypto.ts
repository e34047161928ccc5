/**
 * Block-cipher primitives of ICAO 9303-11 on node:crypto (OpenSSL): two-key 3DES-CBC, the ISO
 * 9797-1 MAC algorithm 3 ("retail MAC", single DES chaining with a final 3DES block), AES-CBC and
 * AES-CMAC (NIST SP 800-38B, which node:crypto lacks), ISO 9797-1 padding method 2.
 * Single DES is not offered by OpenSSL 3's default provider; DES-EDE with K1 = K2 (= K3) is
 * exactly single DES, which is how the retail MAC is built here.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { ChipError } from './chip-error';
import { concat, xor } from './bytes';

export type BlockCipher = '3DES' | 'AES';

export function blockSize(cipher: BlockCipher): number {
  return cipher === '3DES' ? 8 : 16;
}

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a whole block. */
export function pad(data: Uint8Array, size: number): Buffer {
  const padLength = size - (data.length % size);
  const out = Buffer.alloc(data.length + padLength);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

export function unpad(data: Uint8Array): Buffer {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  if (i < 0 || data[i] !== 0x80) throw new ChipError('CHIP_SM_INVALID', { reason: 'padding' });
  return Buffer.from(data.subarray(0, i));
}

function run(
  algorithm: string,
  key: Uint8Array,
  iv: Uint8Array | null,
  data: Uint8Array,
  encrypt: boolean,
): Buffer {
  const c = encrypt ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

const ZERO8 = Buffer.alloc(8);
const ZERO16 = Buffer.alloc(16);

export function tdesEncrypt(key16: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO8): Buffer {
  return run('des-ede-cbc', key16, iv, data, true);
}

export function tdesDecrypt(key16: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO8): Buffer {
  return run('des-ede-cbc', key16, iv, data, false);
}

function aesName(key: Uint8Array, mode: 'cbc' | 'ecb'): string {
  if (![16, 24, 32].includes(key.length)) throw new RangeError('AES key length');
  return `aes-${key.length * 8}-${mode}`;
}

export function aesEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO16): Buffer {
  return run(aesName(key, 'cbc'), key, iv, data, true);
}

export function aesDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO16): Buffer {
  return run(aesName(key, 'cbc'), key, iv, data, false);
}

export function aesEcbBlock(key: Uint8Array, block: Uint8Array): Buffer {
  return run(aesName(key, 'ecb'), key, null, block, true);
}

/** ISO 9797-1 MAC algorithm 3 with DES, over data already padded to 8 bytes (ICAO 9303-11 §9.8.3). */
export function retailMac(key16: Uint8Array, padded: Uint8Array): Buffer {
  if (padded.length === 0 || padded.length % 8 !== 0) throw new RangeError('retail MAC input');
  const ka = key16.subarray(0, 8);
  const kb = key16.subarray(8, 16);
  const single = concat(ka, ka); // DES-EDE with K1 = K2 is single DES
  let h: Buffer = ZERO8;
  if (padded.length > 8) {
    const chained = run('des-ede-cbc', single, ZERO8, padded.subarray(0, padded.length - 8), true);
    h = chained.subarray(chained.length - 8);
  }
  const last = xor(h, padded.subarray(padded.length - 8));
  return run('des-ede-ecb', concat(ka, kb), null, last, true);
}

function shiftLeft(block: Buffer): Buffer {
  const out = Buffer.alloc(block.length);
  for (let i = 0; i < block.length; i++) {
    out[i] = ((block[i]! << 1) | (i + 1 < block.length ? block[i + 1]! >> 7 : 0)) & 0xff;
  }
  return out;
}

function subkey(block: Buffer): Buffer {
  const shifted = shiftLeft(block);
  if (block[0]! & 0x80) shifted[15]! ^= 0x87;
  return shifted;
}

/** AES-CMAC (NIST SP 800-38B), full 16 bytes; ICAO truncates to 8. */
export function aesCmac(key: Uint8Array, data: Uint8Array): Buffer {
  const k1 = subkey(aesEcbBlock(key, ZERO16));
  const k2 = subkey(k1);
  const blocks = Math.max(1, Math.ceil(data.length / 16));
  const complete = data.length > 0 && data.length % 16 === 0;
  const lastStart = (blocks - 1) * 16;
  const last = complete
    ? xor(data.subarray(lastStart), k1)
    : xor(pad(data.subarray(lastStart), 16).subarray(0, 16), k2);
  let x: Buffer = ZERO16;
  for (let i = 0; i < blocks - 1; i++)
    x = aesEcbBlock(key, xor(x, data.subarray(i * 16, i * 16 + 16)));
  return aesEcbBlock(key, xor(x, last));
}
