/**
 * Basic Access Control (ICAO 9303-11 §4.3, worked example Appendix D): keys from the MRZ, the
 * EXTERNAL/MUTUAL AUTHENTICATE cryptogram, and the session keys + send sequence counter.
 */
import { createHash } from 'node:crypto';
import { ChipError } from './chip-error';
import { bytesEqual, concat, xor } from './bytes';
import { pad, retailMac, tdesDecrypt, tdesEncrypt } from './crypto';
import { deriveKey, KDF_ENC, KDF_MAC } from './kdf';
import type { CommandApdu } from './apdu';

export interface BacKeys {
  kEnc: Buffer;
  kMac: Buffer;
}

export interface SessionKeys {
  ksEnc: Buffer;
  ksMac: Buffer;
  ssc: Buffer;
}

/** K_seed = SHA-1(MRZ information)[0..16] (ICAO 9303-11 §9.7.2). */
export function bacKeySeed(mrzInfo: string): Buffer {
  return createHash('sha1').update(mrzInfo, 'latin1').digest().subarray(0, 16);
}

export function bacKeys(mrzInfo: string): BacKeys {
  const seed = bacKeySeed(mrzInfo);
  return { kEnc: deriveKey(seed, KDF_ENC, '3DES'), kMac: deriveKey(seed, KDF_MAC, '3DES') };
}

export const GET_CHALLENGE: CommandApdu = { cla: 0x00, ins: 0x84, p1: 0, p2: 0, ne: 8 };

/** S = RND.IFD || RND.IC || K.IFD, E_IFD = 3DES(K_enc, S), M_IFD = MAC(K_mac, E_IFD). */
export function mutualAuthenticate(
  keys: BacKeys,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array,
): { apdu: CommandApdu; eIfd: Buffer; mIfd: Buffer } {
  if (rndIc.length !== 8 || rndIfd.length !== 8 || kIfd.length !== 16) {
    throw new RangeError('BAC nonce sizes');
  }
  const eIfd = tdesEncrypt(keys.kEnc, concat(rndIfd, rndIc, kIfd));
  const mIfd = retailMac(keys.kMac, pad(eIfd, 8));
  return {
    apdu: { cla: 0x00, ins: 0x82, p1: 0, p2: 0, data: concat(eIfd, mIfd), ne: 40 },
    eIfd,
    mIfd,
  };
}

/**
 * Checks the chip's answer (MAC, then RND.IFD echoed back) and derives the session keys:
 * K_seed = K.IFD xor K.IC, SSC = last 4 bytes of RND.IC || last 4 bytes of RND.IFD.
 */
export function completeBac(
  keys: BacKeys,
  response: Uint8Array,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array,
): SessionKeys & { kIc: Buffer } {
  if (response.length !== 40) {
    throw new ChipError('CHIP_ACCESS_KEY_REJECTED', { step: 'bac', reason: 'length' });
  }
  const eIc = response.subarray(0, 32);
  const mIc = response.subarray(32, 40);
  if (!bytesEqual(retailMac(keys.kMac, pad(eIc, 8)), mIc)) {
    throw new ChipError('CHIP_ACCESS_KEY_REJECTED', { step: 'bac', reason: 'mac' });
  }
  const plain = tdesDecrypt(keys.kEnc, eIc);
  if (!bytesEqual(plain.subarray(0, 8), rndIc) || !bytesEqual(plain.subarray(8, 16), rndIfd)) {
    throw new ChipError('CHIP_ACCESS_KEY_REJECTED', { step: 'bac', reason: 'nonce' });
  }
  const kIc = plain.subarray(16, 32);
  const seed = xor(kIfd, kIc);
  return {
    kIc,
    ksEnc: deriveKey(seed, KDF_ENC, '3DES'),
    ksMac: deriveKey(seed, KDF_MAC, '3DES'),
    ssc: concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
  };
}
