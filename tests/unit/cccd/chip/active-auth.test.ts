import {
  constants,
  createHash,
  generateKeyPairSync,
  privateEncrypt,
  randomBytes,
  sign,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyActiveAuth } from '../../../../native/cccd/chip/active-auth';
import { buildDg15 } from '../../../support/chip/synthetic-card';

/** Active Authentication (ICAO 9303-11 §6.1) for both key types a chip may hold in DG15. */
describe('Active Authentication signatures', () => {
  const challenge = randomBytes(8);

  it('ECDSA (plain r||s, BSI TR-03111) on brainpoolP256r1 with SHA-256', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' });
    const signature = sign('sha256', challenge, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const dg15 = buildDg15(publicKey);
    const algorithm = '0.4.0.127.0.7.1.1.4.1.3'; // ecdsa-plain-SHA256
    expect(verifyActiveAuth(dg15, challenge, signature, algorithm)).toBe(true);
    expect(verifyActiveAuth(dg15, randomBytes(8), signature, algorithm)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[5]! ^= 1;
    expect(verifyActiveAuth(dg15, challenge, flipped, algorithm)).toBe(false);
  });

  it('RSA with ISO/IEC 9796-2 scheme 1: SHA-1 (trailer BC) and SHA-256 (trailer 34CC)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const dg15 = buildDg15(publicKey);
    const signWith = (hash: string, trailer: Buffer) => {
      const digestLength = createHash(hash).digest().length;
      const m1 = randomBytes(128 - 1 - digestLength - trailer.length);
      const d = createHash(hash)
        .update(Buffer.concat([m1, challenge]))
        .digest();
      return privateEncrypt(
        { key: privateKey, padding: constants.RSA_NO_PADDING },
        Buffer.concat([Buffer.from([0x6a]), m1, d, trailer]),
      );
    };
    expect(verifyActiveAuth(dg15, challenge, signWith('sha1', Buffer.from([0xbc])), null)).toBe(
      true,
    );
    expect(
      verifyActiveAuth(dg15, challenge, signWith('sha256', Buffer.from([0x34, 0xcc])), null),
    ).toBe(true);
    expect(
      verifyActiveAuth(dg15, randomBytes(8), signWith('sha1', Buffer.from([0xbc])), null),
    ).toBe(false);
    expect(verifyActiveAuth(dg15, challenge, randomBytes(128), null)).toBe(false);
  });
});
