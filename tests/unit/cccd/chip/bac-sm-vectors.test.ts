/**
 * ICAO Doc 9303 Part 11 (8th ed.), Appendix D "Worked example: Basic Access Control" — D.2 key
 * derivation, D.3 authentication and session keys, D.4 secure messaging — transcribed value by
 * value. Cross-checked against the same vectors in gmrtd/gmrtd (Go) and ZeroPass/dmrtd (Dart)
 * tests. The AES secure-messaging trace is gmrtd's TestNfcSessionSecureMessagingAES (AES-256).
 */
import { describe, expect, it } from 'vitest';
import {
  bacKeys,
  bacKeySeed,
  completeBac,
  mutualAuthenticate,
} from '../../../../native/cccd/chip/bac';
import { fromHex, toHex } from '../../../../native/cccd/chip/bytes';
import { pad, retailMac } from '../../../../native/cccd/chip/crypto';
import { deriveKey } from '../../../../native/cccd/chip/kdf';
import { parseResponse } from '../../../../native/cccd/chip/apdu';
import { SecureChannel } from '../../../../native/cccd/chip/secure-messaging';
import { mrzKeyInfo } from '../../../../native/cccd/mrz';

// D.2: document number L898902C<, birth 690806, expiry 940623.
const MRZ_INFO = 'L898902C<369080619406236';

describe('ICAO 9303-11 Appendix D.2 — BAC key derivation', () => {
  it('builds the MRZ information from the three fields and their check digits', () => {
    expect(mrzKeyInfo('L898902C', '690806', '940623')).toBe(MRZ_INFO);
  });
  it('derives K_seed, K_enc and K_mac (parity-adjusted)', () => {
    expect(toHex(bacKeySeed(MRZ_INFO))).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    const keys = bacKeys(MRZ_INFO);
    expect(toHex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(toHex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });
});

describe('ICAO 9303-11 Appendix D.3 — authentication and session keys', () => {
  const keys = bacKeys(MRZ_INFO);
  const rndIc = fromHex('4608F91988702212');
  const rndIfd = fromHex('781723860C06C226');
  const kIfd = fromHex('0B795240CB7049B01C19B33E32804F0B');

  it('computes E_IFD, M_IFD and the MUTUAL AUTHENTICATE data', () => {
    const { eIfd, mIfd, apdu } = mutualAuthenticate(keys, rndIc, rndIfd, kIfd);
    expect(toHex(eIfd)).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(toHex(mIfd)).toBe('5F1448EEA8AD90A7');
    expect(toHex(apdu.data!)).toBe(
      '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7',
    );
  });

  it('checks the chip response and derives KS_enc, KS_mac and SSC', () => {
    const response = fromHex(
      '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449',
    );
    const session = completeBac(keys, response, rndIc, rndIfd, kIfd);
    expect(toHex(session.kIc)).toBe('0B4F80323EB3191CB04970CB4052790B');
    expect(toHex(session.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(toHex(session.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(toHex(session.ssc)).toBe('887022120C06C226');
  });

  it('refuses a response whose MAC is wrong (a wrong MRZ gives this)', () => {
    const response = fromHex(
      '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7448',
    );
    expect(() => completeBac(keys, response, rndIc, rndIfd, kIfd)).toThrow(
      expect.objectContaining({ code: 'CHIP_ACCESS_KEY_REJECTED' }),
    );
  });

  it('derives the session seed 0036D272… as K.IFD xor K.IC', () => {
    const seed = fromHex('0036D272F5C350ACAC50C3F572D23600');
    expect(toHex(deriveKey(seed, 1, '3DES'))).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
  });
});

describe('ICAO 9303-11 Appendix D.4 — secure messaging', () => {
  const channel = () =>
    new SecureChannel({
      cipher: '3DES',
      ksEnc: fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
      ksMac: fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
      ssc: fromHex('887022120C06C226'),
    });

  it('MACs the intermediate N values of the example', () => {
    const ksMac = fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8');
    const n = fromHex('887022120C06C2270CA4020C800000008709016375432908C044F6');
    expect(toHex(retailMac(ksMac, pad(n, 8)))).toBe('BF8B92D635FF24F8');
    const k = fromHex('887022120C06C22899029000');
    expect(toHex(retailMac(ksMac, pad(k, 8)))).toBe('FA855A5D4C50A8ED');
  });

  it('protects SELECT EF.COM and the two READ BINARY commands, and unprotects the answers', () => {
    const sm = channel();
    expect(toHex(sm.wrap({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') }))).toBe(
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    );
    const selected = sm.unwrap(parseResponse(fromHex('990290008E08FA855A5D4C50A8ED9000')));
    expect(selected.sw).toBe(0x9000);
    expect(toHex(sm.ssc)).toBe('887022120C06C228');

    expect(toHex(sm.wrap({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }))).toBe(
      '0CB000000D9701048E08ED6705417E96BA5500',
    );
    const first = sm.unwrap(
      parseResponse(fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000')),
    );
    expect(toHex(first.data)).toBe('60145F01');
    expect(toHex(sm.ssc)).toBe('887022120C06C22A');

    expect(toHex(sm.wrap({ cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 0x12 }))).toBe(
      '0CB000040D9701128E082EA28A70F3C7B53500',
    );
    const rest = sm.unwrap(
      parseResponse(
        fromHex(
          '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
        ),
      ),
    );
    expect(toHex(rest.data)).toBe('04303130365F36063034303030305C026175');
    expect(toHex(sm.ssc)).toBe('887022120C06C22C');
  });

  it('refuses a response with a flipped MAC bit', () => {
    const sm = channel();
    sm.wrap({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') });
    expect(() => sm.unwrap(parseResponse(fromHex('990290008E08FA855A5D4C50A8EC9000')))).toThrow(
      expect.objectContaining({ code: 'CHIP_SM_INVALID' }),
    );
  });
});

describe('AES secure messaging (gmrtd TestNfcSessionSecureMessagingAES trace)', () => {
  it('reads EF.COM under AES-256 SM with SSC 0x20 → 0x26', () => {
    const sm = new SecureChannel({
      cipher: 'AES',
      ksEnc: fromHex('74B94F408BBB2CD92571FD5B6370A94CCE7A2FA42AE3EB4DA47B97CE6EAA24C6'),
      ksMac: fromHex('9E28D5D9FF1D979BE752E8926BF0E1D35A440FC0AEFC4AA3BC5610055AC8B113'),
      ssc: fromHex('00000000000000000000000000000020'),
    });
    expect(toHex(sm.wrap({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') }))).toBe(
      '0CA4020C1D8711011D35E7EB510E21A0DD12380D9AD2B92D8E0828CB68B81D3FAFC000',
    );
    expect(sm.unwrap(parseResponse(fromHex('990290008E08E083EAA61ADABFCE9000'))).sw).toBe(0x9000);
    expect(toHex(sm.wrap({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }))).toBe(
      '0CB000000D9701048E084AFC933E0CDBE5F000',
    );
    const head = sm.unwrap(
      parseResponse(
        fromHex('871101D8059A9CF835105082CA2B1837E4AEC0990290008E08B36DB56761D706BB9000'),
      ),
    );
    expect(toHex(sm.wrap({ cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 0x16 }))).toBe(
      '0CB000040D9701168E0811F7EFC907D1F27400',
    );
    const rest = sm.unwrap(
      parseResponse(
        fromHex(
          '87210142E919C115FAF69350B01813D77A9E8D91912A7F717AFD073F199070E61B79C6990290008E083382E3D983F441369000',
        ),
      ),
    );
    expect(toHex(Buffer.concat([head.data, rest.data]))).toBe(
      '60185F0104303130385F36063034303030305C06617563766D6E',
    );
    expect(toHex(sm.ssc)).toBe('00000000000000000000000000000026');
  });
});
