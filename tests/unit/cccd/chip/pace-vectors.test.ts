/**
 * PACE ECDH generic mapping on brainpoolP256r1 with AES-128 — the worked example of ICAO Doc 9303
 * Part 11, Appendix G.1 (same values as BSI TR-03110 worked examples), transcribed value by value.
 * Cross-checked against the copies in gmrtd/gmrtd (TestDoEcDh) and several independent PACE test
 * suites (Kotlin, C#, Dart) found by exact search for the private keys below.
 */
import { describe, expect, it } from 'vitest';
import { performPace } from '../../../../native/cccd/chip/access-control';
import { fromHex, toHex } from '../../../../native/cccd/chip/bytes';
import { curveByParameterId } from '../../../../native/cccd/chip/curves';
import {
  authenticationToken,
  decryptNonce,
  encodePoint,
  ephemeralPublicKey,
  mapGeneric,
  mseSetAtPace,
  passwordKey,
  publicOn,
  scalarFromHex,
  sessionKeys,
  sharedSecret,
} from '../../../../native/cccd/chip/pace';
import { choosePace, parseSecurityInfos } from '../../../../native/cccd/chip/security-infos';
import { ChipSession } from '../../../../native/cccd/chip/session';
import { mrzKeyInfo } from '../../../../native/cccd/mrz';
import { G1, G1_CARD_ACCESS, G1_RANDOM, G1_SCRIPT } from '../../../support/chip/pace-g1';
import { ScriptedLink } from '../../../support/chip/scripted-link';

const OID = '0.4.0.127.0.7.2.2.4.2.2';

describe('ICAO 9303-11 Appendix G.1 — PACE ECDH-GM brainpoolP256r1, step by step', () => {
  const curve = curveByParameterId(13);
  const info = choosePace(parseSecurityInfos(G1_CARD_ACCESS))!;

  it('reads the PACEInfo of EF.CardAccess', () => {
    expect(info).toMatchObject({ oid: OID, version: 2, parameterId: 13, cipher: 'AES-128' });
  });

  it('derives K_pi from the MRZ and decrypts the nonce', () => {
    expect(mrzKeyInfo('T22000129', '640812', '101031')).toBe(G1.mrzInfo);
    const kPi = passwordKey({ kind: 'mrz', mrzInfo: G1.mrzInfo }, 'AES-128');
    expect(toHex(kPi)).toBe(G1.kPi);
    expect(toHex(decryptNonce(kPi, fromHex(G1.encryptedNonce), 'AES-128'))).toBe(G1.nonce);
  });

  it('computes both mapping keys, H and the mapped generator', () => {
    const base = curve.curve.Point.BASE;
    expect(toHex(encodePoint(base.multiply(scalarFromHex(G1.skMapIfd))))).toBe(G1.pkMapIfd);
    expect(toHex(encodePoint(base.multiply(scalarFromHex(G1.skMapIc))))).toBe(G1.pkMapIc);
    const { shared, generator } = mapGeneric(
      curve,
      fromHex(G1.nonce),
      scalarFromHex(G1.skMapIfd),
      fromHex(G1.pkMapIc),
    );
    expect(toHex(encodePoint(shared))).toBe(G1.sharedH);
    expect(toHex(encodePoint(generator))).toBe(G1.mappedG);
  });

  it('computes the ephemeral keys on G̃, the shared secret, the session keys and both tokens', () => {
    const { generator } = mapGeneric(
      curve,
      fromHex(G1.nonce),
      scalarFromHex(G1.skMapIfd),
      fromHex(G1.pkMapIc),
    );
    expect(toHex(encodePoint(publicOn(generator, scalarFromHex(G1.skIfd))))).toBe(G1.pkIfd);
    expect(toHex(encodePoint(publicOn(generator, scalarFromHex(G1.skIc))))).toBe(G1.pkIc);
    // The shortcut the reader uses, (SK·s)·G + (SK·SK_map)·PK_map,IC, gives the same key.
    const shortcut = ephemeralPublicKey(
      curve,
      fromHex(G1.nonce),
      scalarFromHex(G1.skMapIfd),
      fromHex(G1.pkMapIc),
      scalarFromHex(G1.skIfd),
    );
    expect(toHex(encodePoint(shortcut))).toBe(G1.pkIfd);
    const k = sharedSecret(curve, scalarFromHex(G1.skIfd), fromHex(G1.pkIc));
    expect(toHex(k)).toBe(G1.sharedK);
    // The chip computes the same secret from its side.
    expect(toHex(sharedSecret(curve, scalarFromHex(G1.skIc), fromHex(G1.pkIfd)))).toBe(G1.sharedK);
    const keys = sessionKeys(k, 'AES-128');
    expect(toHex(keys.ksEnc)).toBe(G1.ksEnc);
    expect(toHex(keys.ksMac)).toBe(G1.ksMac);
    expect(toHex(authenticationToken(keys.ksMac, OID, fromHex(G1.pkIc), 'AES-128'))).toBe(G1.tIfd);
    expect(toHex(authenticationToken(keys.ksMac, OID, fromHex(G1.pkIfd), 'AES-128'))).toBe(G1.tIc);
  });

  it('builds MSE:Set AT with the protocol OID, the MRZ reference and parameter id 13', () => {
    const apdu = mseSetAtPace(info, { kind: 'mrz', mrzInfo: G1.mrzInfo });
    expect(toHex(apdu.data!)).toBe('800A04007F0007020204020283010184010D');
  });
});

describe('PACE driver replays the worked example APDU by APDU', () => {
  it('establishes AES secure messaging with SSC = 0', async () => {
    const link = new ScriptedLink(G1_SCRIPT);
    const session = new ChipSession(link, { extendedLength: false });
    const info = choosePace(parseSecurityInfos(G1_CARD_ACCESS))!;
    const trace = await performPace(session, info, { kind: 'mrz', mrzInfo: G1.mrzInfo }, G1_RANDOM);
    expect(link.finished).toBe(true);
    expect(toHex(trace.sharedSecret)).toBe(G1.sharedK);
    expect(toHex(trace.ksEnc)).toBe(G1.ksEnc);
    expect(session.sm?.cipher).toBe('AES');
    expect(toHex(session.sm!.ssc)).toBe('0'.repeat(32));
    expect(session.apduCount).toBe(5);
  });

  it('reports a wrong password with the tries left when the chip refuses our token', async () => {
    const refused = [...G1_SCRIPT.slice(0, 4), [G1_SCRIPT[4][0], '63C2']] as const;
    const session = new ChipSession(new ScriptedLink(refused), { extendedLength: false });
    const info = choosePace(parseSecurityInfos(G1_CARD_ACCESS))!;
    await expect(
      performPace(session, info, { kind: 'mrz', mrzInfo: G1.mrzInfo }, G1_RANDOM),
    ).rejects.toMatchObject({
      code: 'CHIP_ACCESS_KEY_REJECTED',
      details: { triesLeft: 2 },
    });
  });

  it('refuses a chip whose token does not verify (a chip that does not know the password)', async () => {
    const forged = [
      ...G1_SCRIPT.slice(0, 4),
      [G1_SCRIPT[4][0], `7C0A8608${'00'.repeat(8)}9000`],
    ] as const;
    const session = new ChipSession(new ScriptedLink(forged), { extendedLength: false });
    const info = choosePace(parseSecurityInfos(G1_CARD_ACCESS))!;
    await expect(
      performPace(session, info, { kind: 'mrz', mrzInfo: G1.mrzInfo }, G1_RANDOM),
    ).rejects.toMatchObject({
      code: 'CHIP_ACCESS_KEY_REJECTED',
    });
  });
});
