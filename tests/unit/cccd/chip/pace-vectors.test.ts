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
import { ScriptedLink } from '../../../support/chip/scripted-link';

const G1 = {
  mrzInfo: 'T22000129364081251010318',
  kPi: '89DED1B26624EC1E634C1989302849DD',
  encryptedNonce: '95A3A016522EE98D01E76CB6B98B42C3',
  nonce: '3F00C4D39D153F2B2A214A078D899B22',
  skMapIfd: '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99',
  pkMapIfd:
    '047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D',
  skMapIc: '498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560',
  pkMapIc:
    '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54',
  sharedH:
    '0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181',
  mappedG:
    '048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522',
  skIfd: 'A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595',
  pkIfd:
    '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462',
  skIc: '107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A',
  pkIc: '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094',
  sharedK: '28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925',
  ksEnc: 'F5F0E35C0D7161EE6724EE513A0D9A7F',
  ksMac: 'FE251C7858B356B24514B3BD5F4297D1',
  tIfd: 'C2B0BD78D94BA866',
  tIc: '3ABB9674BCE93C08',
};

// EF.CardAccess with one PACEInfo: id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2, parameterId 13.
const CARD_ACCESS = fromHex('3114301206 0A 04007F00070202040202 020102 02010D'.replace(/ /g, ''));
const OID = '0.4.0.127.0.7.2.2.4.2.2';

describe('ICAO 9303-11 Appendix G.1 — PACE ECDH-GM brainpoolP256r1, step by step', () => {
  const curve = curveByParameterId(13);
  const info = choosePace(parseSecurityInfos(CARD_ACCESS))!;

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
  const script = [
    ['0022C1A412800A04007F0007020204020283010184010D', '9000'],
    ['10860000027C0000', `7C1280${'10'}${G1.encryptedNonce}9000`],
    [`10860000457C438141${G1.pkMapIfd}00`, `7C438241${G1.pkMapIc}9000`],
    [`10860000457C438341${G1.pkIfd}00`, `7C438441${G1.pkIc}9000`],
    [`008600000C7C0A8508${G1.tIfd}00`, `7C0A8608${G1.tIc}9000`],
  ] as const;

  const random = {
    bytes: () => Buffer.alloc(0),
    scalar: (purpose: string) => scalarFromHex(purpose === 'pace-map' ? G1.skMapIfd : G1.skIfd),
  };

  it('establishes AES secure messaging with SSC = 0', async () => {
    const link = new ScriptedLink(script);
    const session = new ChipSession(link, { extendedLength: false });
    const info = choosePace(parseSecurityInfos(CARD_ACCESS))!;
    const trace = await performPace(session, info, { kind: 'mrz', mrzInfo: G1.mrzInfo }, random);
    expect(link.finished).toBe(true);
    expect(toHex(trace.sharedSecret)).toBe(G1.sharedK);
    expect(toHex(trace.ksEnc)).toBe(G1.ksEnc);
    expect(session.sm?.cipher).toBe('AES');
    expect(toHex(session.sm!.ssc)).toBe('0'.repeat(32));
    expect(session.apduCount).toBe(5);
  });

  it('reports a wrong password with the tries left when the chip refuses our token', async () => {
    const refused = [...script.slice(0, 4), [script[4][0], '63C2']] as const;
    const session = new ChipSession(new ScriptedLink(refused), { extendedLength: false });
    const info = choosePace(parseSecurityInfos(CARD_ACCESS))!;
    await expect(
      performPace(session, info, { kind: 'mrz', mrzInfo: G1.mrzInfo }, random),
    ).rejects.toMatchObject({
      code: 'CHIP_ACCESS_KEY_REJECTED',
      details: { triesLeft: 2 },
    });
  });

  it('refuses a chip whose token does not verify (a chip that does not know the password)', async () => {
    const forged = [
      ...script.slice(0, 4),
      [script[4][0], `7C0A8608${'00'.repeat(8)}9000`],
    ] as const;
    const session = new ChipSession(new ScriptedLink(forged), { extendedLength: false });
    const info = choosePace(parseSecurityInfos(CARD_ACCESS))!;
    await expect(
      performPace(session, info, { kind: 'mrz', mrzInfo: G1.mrzInfo }, random),
    ).rejects.toMatchObject({
      code: 'CHIP_ACCESS_KEY_REJECTED',
    });
  });
});
