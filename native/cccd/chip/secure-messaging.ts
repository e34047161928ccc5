/**
 * Secure messaging (ICAO 9303-11 §9.8; ISO 7816-4 §6): command data in DO'87' (DO'85' for odd
 * INS), expected length in DO'97', a MAC over SSC || padded header || DOs in DO'8E'; responses
 * carry DO'87', DO'99' (the status word) and DO'8E'. 3DES uses the retail MAC and a zero IV; AES
 * uses CMAC truncated to 8 bytes and IV = E(KSenc, SSC) (§9.8.6.2). The SSC is incremented
 * before each command and each response.
 */
import { ChipError } from './chip-error';
import { bigintFromBytes, bigintToBytes, bytesEqual, concat } from './bytes';
import {
  aesCmac,
  aesDecrypt,
  aesEcbBlock,
  aesEncrypt,
  blockSize,
  pad,
  retailMac,
  tdesDecrypt,
  tdesEncrypt,
  unpad,
  type BlockCipher,
} from './crypto';
import { encodeTlv, readTlvList } from './tlv';
import { encodeCommand, SHORT_MAX, type CommandApdu, type ResponseApdu } from './apdu';

export interface SmKeys {
  cipher: BlockCipher;
  ksEnc: Uint8Array;
  ksMac: Uint8Array;
  ssc: Uint8Array;
}

export class SecureChannel {
  readonly cipher: BlockCipher;
  private readonly ksEnc: Buffer;
  private readonly ksMac: Buffer;
  private counter: bigint;
  /** The cipher's block length, which is also the SSC's (ICAO 9303-11 §9.8.2). */
  private readonly block: number;

  constructor(keys: SmKeys) {
    this.cipher = keys.cipher;
    this.ksEnc = Buffer.from(keys.ksEnc);
    this.ksMac = Buffer.from(keys.ksMac);
    this.block = blockSize(keys.cipher);
    if (keys.ssc.length !== this.block) throw new RangeError('SSC length');
    this.counter = bigintFromBytes(keys.ssc);
  }

  get ssc(): Buffer {
    return bigintToBytes(this.counter, this.block);
  }

  private increment(): Buffer {
    this.counter = (this.counter + 1n) % (1n << BigInt(this.block * 8));
    return this.ssc;
  }

  /** Undo the increment of a command that never reached the chip (transport failure). */
  rollbackCommand(): void {
    this.counter = this.counter === 0n ? 0n : this.counter - 1n;
  }

  private encrypt(data: Uint8Array, ssc: Buffer): Buffer {
    const padded = pad(data, this.block);
    return this.cipher === '3DES'
      ? tdesEncrypt(this.ksEnc, padded)
      : aesEncrypt(this.ksEnc, padded, aesEcbBlock(this.ksEnc, ssc));
  }

  private decrypt(data: Uint8Array, ssc: Buffer): Buffer {
    if (data.length === 0 || data.length % this.block !== 0) {
      throw new ChipError('CHIP_SM_INVALID', { reason: 'ciphertext length' });
    }
    const plain =
      this.cipher === '3DES'
        ? tdesDecrypt(this.ksEnc, data)
        : aesDecrypt(this.ksEnc, data, aesEcbBlock(this.ksEnc, ssc));
    return unpad(plain);
  }

  mac(data: Uint8Array): Buffer {
    const padded = pad(data, this.block);
    return this.cipher === '3DES'
      ? retailMac(this.ksMac, padded)
      : aesCmac(this.ksMac, padded).subarray(0, 8);
  }

  /** The protected APDU for `apdu`; `extended` chooses extended Lc/Le encoding. */
  wrap(apdu: CommandApdu, extended = false): Buffer {
    const cla = apdu.cla | 0x0c;
    const header = Buffer.from([cla, apdu.ins, apdu.p1, apdu.p2]);
    const ssc = this.increment();
    const parts: Buffer[] = [];
    if (apdu.data && apdu.data.length > 0) {
      const encrypted = this.encrypt(apdu.data, ssc);
      parts.push(
        apdu.ins % 2 === 1
          ? encodeTlv(0x85, encrypted)
          : encodeTlv(0x87, Buffer.from([0x01]), encrypted),
      );
    }
    const ne = apdu.ne ?? 0;
    if (ne > 0) {
      const le =
        extended || ne > SHORT_MAX
          ? Buffer.from([(ne >> 8) & 0xff, ne & 0xff])
          : Buffer.from([ne === SHORT_MAX ? 0 : ne]);
      parts.push(encodeTlv(0x97, le));
    }
    const dos = concat(...parts);
    const cc = this.mac(concat(ssc, pad(header, this.block), dos));
    const body = concat(dos, encodeTlv(0x8e, cc));
    return encodeCommand(
      { cla, ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, data: body, ne: extended ? 65536 : 256 },
      extended,
    );
  }

  /**
   * Checks and decrypts a protected response. A chip that drops secure messaging answers with a
   * bare status word (6987/6988, ICAO 9303-11 §9.8.7): that ends the session, reported as such.
   */
  unwrap(response: ResponseApdu): ResponseApdu {
    const ssc = this.increment();
    if (response.data.length === 0) {
      if (response.sw === 0x9000) throw new ChipError('CHIP_SM_INVALID', { reason: 'unprotected' });
      return { data: Buffer.alloc(0), sw: response.sw };
    }
    const dos = readTlvList(response.data);
    let dataDo: Buffer | null = null;
    let plainData: Buffer | null = null;
    let swDo: Buffer | null = null;
    let macDo: Buffer | null = null;
    const maced: Buffer[] = [];
    for (const tlv of dos) {
      if (tlv.tag === 0x87 || tlv.tag === 0x85) {
        dataDo = tlv.tag === 0x87 ? tlv.value.subarray(1) : tlv.value;
        if (tlv.tag === 0x87 && tlv.value[0] !== 0x01) {
          throw new ChipError('CHIP_SM_INVALID', { reason: 'padding indicator' });
        }
        maced.push(tlv.raw);
      } else if (tlv.tag === 0x81) {
        plainData = tlv.value;
        maced.push(tlv.raw);
      } else if (tlv.tag === 0x99) {
        swDo = tlv.value;
        maced.push(tlv.raw);
      } else if (tlv.tag === 0x8e) {
        macDo = tlv.value;
      } else {
        throw new ChipError('CHIP_SM_INVALID', { reason: `unexpected DO ${tlv.tag.toString(16)}` });
      }
    }
    if (!macDo) throw new ChipError('CHIP_SM_INVALID', { reason: 'no MAC' });
    if (!bytesEqual(this.mac(concat(ssc, ...maced)), macDo)) {
      throw new ChipError('CHIP_SM_INVALID', { reason: 'MAC mismatch' });
    }
    const sw = swDo && swDo.length === 2 ? swDo.readUInt16BE(0) : response.sw;
    const data = dataDo ? this.decrypt(dataDo, ssc) : (plainData ?? Buffer.alloc(0));
    return { data, sw };
  }
}
