/**
 * A simulated ICAO 9303 chip for tests where the Debian emulator cannot go: PACE (ECDH-GM,
 * AES-128, brainpoolP256r1), Chip Authentication, Active Authentication (RSA, ISO 9796-2), extended
 * length, chips that refuse long frames, and removal mid-read. It is written from the chip's side
 * with node:crypto primitives (ECDH for CA, raw RSA for AA) rather than the reader's helpers, so
 * the two sides do not share a mistake. Served through pcscd by vpcd-card.ts.
 * Over 300 lines on purpose: one chip's whole state machine (SM, BAC, PACE, CA, AA) in one place.
 */
import {
  createCipheriv,
  createDecipheriv,
  createECDH,
  createHash,
  constants,
  privateEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { brainpoolP256r1 } from '@noble/curves/misc.js';
import { aesCmac, pad, retailMac, unpad } from '../../../native/cccd/chip/crypto';
import { deriveKey } from '../../../native/cccd/chip/kdf';
import { readTlvList, encodeTlv } from '../../../native/cccd/chip/tlv';
import { bacKeys } from '../../../native/cccd/chip/bac';
import { mrzKeyInfo } from '../../../native/cccd/mrz';
import { ChipError } from '../../../native/cccd/chip/chip-error';
import { chipEcKey, rsaKey, type TestPki } from './pki';
import { buildCard, SYNTHETIC_CAN, type CardFiles, type CardSpec } from './synthetic-card';

export interface SimChipOptions {
  files: Map<number, Buffer>;
  mrz: string;
  can: string;
  /** Offer PACE (needs EF.CardAccess under 011C in `files`). */
  pace: boolean;
  /** Chip Authentication private key (brainpoolP256r1 scalar, 32 bytes) or none. */
  caPrivate?: Buffer;
  /** Active Authentication RSA private key or none. */
  aaPrivate?: KeyObject;
  /** Accept extended-length APDUs; otherwise answer 6700 to them (like readers that refuse). */
  extendedLength: boolean;
  /** Throw "card removed" on this APDU number (1-based). */
  removeAtApdu?: number;
  /** Answer CA as a clone would: accept the key but keep using the old session keys. */
  cloneWithoutCaKey?: boolean;
}

interface Sm {
  cipher: 'AES' | '3DES';
  ksEnc: Buffer;
  ksMac: Buffer;
  ssc: bigint;
}

const P = brainpoolP256r1.Point;
const OK = Buffer.from([0x90, 0x00]);
const sw = (v: number) => Buffer.from([v >> 8, v & 0xff]);

function aes(key: Buffer, iv: Buffer | null, data: Buffer, enc: boolean, mode = 'cbc'): Buffer {
  const name = `aes-${key.length * 8}-${mode}`;
  const c = enc ? createCipheriv(name, key, iv) : createDecipheriv(name, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

function des(key: Buffer, data: Buffer, enc: boolean): Buffer {
  const c = enc
    ? createCipheriv('des-ede-cbc', key, Buffer.alloc(8))
    : createDecipheriv('des-ede-cbc', key, Buffer.alloc(8));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

export class SimChip {
  apdus = 0;
  private sm: Sm | null = null;
  private selected: number | null = null;
  private appSelected = false;
  private rndIc: Buffer | null = null;
  private pace: {
    secret: Buffer;
    nonce?: Buffer;
    mapSk?: bigint;
    gen?: InstanceType<typeof P>;
    sk?: bigint;
    pk?: Buffer;
    pkIfd?: Buffer;
    ks?: { enc: Buffer; mac: Buffer };
  } | null = null;
  private caPending = false;

  constructor(private readonly o: SimChipOptions) {}

  transmit(raw: Buffer): Buffer {
    this.apdus += 1;
    if (this.o.removeAtApdu !== undefined && this.apdus >= this.o.removeAtApdu) {
      throw new ChipError('CHIP_CARD_REMOVED');
    }
    const { header, data, le, extended } = this.parse(raw);
    if (extended && !this.o.extendedLength) return sw(0x6700);
    if ((header[0]! & 0x0c) === 0x0c) {
      if (!this.sm) return sw(0x6988);
      const plain = this.unprotect(header, data);
      if (!plain) {
        this.sm = null;
        return sw(0x6988);
      }
      const answer = this.handle(
        Buffer.from([header[0]! & 0xf3, header[1]!, header[2]!, header[3]!]),
        plain.data,
        plain.le,
      );
      const protectedAnswer = this.protect(answer);
      if (this.caPending) this.switchToCaKeys();
      return protectedAnswer;
    }
    return this.handle(header, data, le);
  }

  private parse(raw: Buffer): { header: Buffer; data: Buffer; le: number; extended: boolean } {
    const header = raw.subarray(0, 4);
    const body = raw.subarray(4);
    if (body.length === 0) return { header, data: Buffer.alloc(0), le: 0, extended: false };
    if (body.length === 1)
      return { header, data: Buffer.alloc(0), le: body[0] || 256, extended: false };
    if (body[0] === 0 && body.length >= 3) {
      const lc = body.readUInt16BE(1);
      if (body.length === 3)
        return { header, data: Buffer.alloc(0), le: lc || 65536, extended: true };
      const data = body.subarray(3, 3 + lc);
      const rest = body.subarray(3 + lc);
      return {
        header,
        data,
        le: rest.length === 2 ? rest.readUInt16BE(0) || 65536 : 0,
        extended: true,
      };
    }
    const lc = body[0]!;
    const data = body.subarray(1, 1 + lc);
    const rest = body.subarray(1 + lc);
    return { header, data, le: rest.length === 1 ? rest[0] || 256 : 0, extended: false };
  }

  private sscBytes(): Buffer {
    const s = this.sm!;
    const len = s.cipher === 'AES' ? 16 : 8;
    return Buffer.from(s.ssc.toString(16).padStart(len * 2, '0'), 'hex');
  }

  private mac(data: Buffer): Buffer {
    const s = this.sm!;
    return s.cipher === 'AES'
      ? aesCmac(s.ksMac, pad(data, 16)).subarray(0, 8)
      : retailMac(s.ksMac, pad(data, 8));
  }

  private unprotect(header: Buffer, body: Buffer): { data: Buffer; le: number } | null {
    const s = this.sm!;
    s.ssc += 1n;
    const bs = s.cipher === 'AES' ? 16 : 8;
    const dos = readTlvList(body);
    const macced = dos.filter((d) => d.tag !== 0x8e).map((d) => d.raw);
    const cc = dos.find((d) => d.tag === 0x8e)?.value;
    const expected = this.mac(Buffer.concat([this.sscBytes(), pad(header, bs), ...macced]));
    if (!cc || !cc.equals(expected)) return null;
    let data: Buffer = Buffer.alloc(0);
    const d87 = dos.find((d) => d.tag === 0x87);
    if (d87) {
      const enc = d87.value.subarray(1);
      const iv = s.cipher === 'AES' ? aes(s.ksEnc, null, this.sscBytes(), true, 'ecb') : null;
      data = unpad(s.cipher === 'AES' ? aes(s.ksEnc, iv, enc, false) : des(s.ksEnc, enc, false));
    }
    const d97 = dos.find((d) => d.tag === 0x97)?.value;
    const le = d97 ? (d97.length === 1 ? d97[0] || 256 : d97.readUInt16BE(0) || 65536) : 0;
    return { data, le };
  }

  private protect(answer: Buffer): Buffer {
    const s = this.sm;
    if (!s) return answer;
    s.ssc += 1n;
    const data = answer.subarray(0, -2);
    const status = answer.subarray(-2);
    const parts: Buffer[] = [];
    if (data.length > 0) {
      const iv = s.cipher === 'AES' ? aes(s.ksEnc, null, this.sscBytes(), true, 'ecb') : null;
      const padded = pad(data, s.cipher === 'AES' ? 16 : 8);
      const enc = s.cipher === 'AES' ? aes(s.ksEnc, iv, padded, true) : des(s.ksEnc, padded, true);
      parts.push(encodeTlv(0x87, Buffer.from([1]), enc));
    }
    parts.push(encodeTlv(0x99, status));
    const cc = this.mac(Buffer.concat([this.sscBytes(), ...parts]));
    return Buffer.concat([...parts, encodeTlv(0x8e, cc), OK]);
  }

  private handle(header: Buffer, data: Buffer, le: number): Buffer {
    const [cla, ins, p1, p2] = header;
    switch (ins) {
      case 0xa4:
        return this.select(p1!, data);
      case 0xb0:
        return this.readBinary((p1! << 8) | p2!, le);
      case 0x84:
        this.rndIc = randomBytes(8);
        return Buffer.concat([this.rndIc, OK]);
      case 0x82:
        return this.bac(data);
      case 0x22:
        return this.mse(p1!, p2!, data);
      case 0x86:
        return this.generalAuthenticate(cla!, data);
      case 0x88:
        return this.internalAuthenticate(data);
      default:
        return sw(0x6d00);
    }
  }

  private select(p1: number, data: Buffer): Buffer {
    if (p1 === 0x04) {
      if (data.toString('hex').toUpperCase() !== 'A0000002471001') return sw(0x6a82);
      this.appSelected = true;
      return OK;
    }
    const fid = data.readUInt16BE(0);
    if (fid === 0x011c ? !this.o.files.has(fid) : !this.appSelected || !this.o.files.has(fid))
      return sw(0x6a82);
    if (fid !== 0x011c && !this.sm) return sw(0x6982);
    this.selected = fid;
    return OK;
  }

  private readBinary(offset: number, le: number): Buffer {
    if (this.selected === null) return sw(0x6986);
    const file = this.o.files.get(this.selected)!;
    if (offset > file.length) return sw(0x6b00);
    return Buffer.concat([file.subarray(offset, offset + le), OK]);
  }

  private bac(data: Buffer): Buffer {
    const l1 = this.o.mrz.slice(0, 30);
    const l2 = this.o.mrz.slice(30, 60);
    const keys = bacKeys(mrzKeyInfo(l1.slice(5, 14), l2.slice(0, 6), l2.slice(8, 14)));
    const e = data.subarray(0, 32);
    if (!retailMac(keys.kMac, pad(e, 8)).equals(data.subarray(32, 40)) || !this.rndIc)
      return sw(0x6300);
    const plain = des(keys.kEnc, e, false);
    if (!plain.subarray(8, 16).equals(this.rndIc)) return sw(0x6300);
    const rndIfd = plain.subarray(0, 8);
    const kIc = randomBytes(16);
    const resp = des(keys.kEnc, Buffer.concat([this.rndIc, rndIfd, kIc]), true);
    const seed = Buffer.from(plain.subarray(16, 32).map((b, i) => b ^ kIc[i]!));
    this.sm = {
      cipher: '3DES',
      ksEnc: deriveKey(seed, 1, '3DES'),
      ksMac: deriveKey(seed, 2, '3DES'),
      ssc: BigInt(
        `0x${Buffer.concat([this.rndIc.subarray(4), rndIfd.subarray(4)]).toString('hex')}`,
      ),
    };
    return Buffer.concat([resp, retailMac(keys.kMac, pad(resp, 8)), OK]);
  }

  private mse(p1: number, p2: number, data: Buffer): Buffer {
    const dos = readTlvList(data);
    if (p1 === 0xc1 && p2 === 0xa4) {
      if (!this.o.pace) return sw(0x6a80);
      const ref = dos.find((d) => d.tag === 0x83)?.value[0];
      const l1 = this.o.mrz.slice(0, 30);
      const l2 = this.o.mrz.slice(30, 60);
      const secret =
        ref === 2
          ? Buffer.from(this.o.can, 'latin1')
          : createHash('sha1')
              .update(mrzKeyInfo(l1.slice(5, 14), l2.slice(0, 6), l2.slice(8, 14)))
              .digest();
      this.pace = { secret };
      return OK;
    }
    if (p1 === 0x41 && p2 === 0xa4) return this.o.caPrivate ? OK : sw(0x6a80);
    return sw(0x6a86);
  }

  private generalAuthenticate(cla: number, data: Buffer): Buffer {
    const inner = readTlvList(readTlvList(data)[0]!.value);
    const item = inner[0];
    if (this.sm && this.o.caPrivate && item?.tag === 0x80) {
      // Chip Authentication: ECDH with the static key; new keys after this answer.
      const ecdh = createECDH('brainpoolP256r1');
      ecdh.setPrivateKey(this.o.caPrivate);
      const shared = ecdh.computeSecret(item.value);
      this.pendingCa = {
        enc: deriveKey(shared, 1, 'AES-128'),
        mac: deriveKey(shared, 2, 'AES-128'),
      };
      this.caPending = !this.o.cloneWithoutCaKey;
      return Buffer.concat([encodeTlv(0x7c, Buffer.alloc(0)), OK]);
    }
    const pace = this.pace;
    if (!pace) return sw(0x6985);
    const kPi = deriveKey(pace.secret, 3, 'AES-128');
    if (!item) {
      pace.nonce = randomBytes(16);
      return Buffer.concat([
        encodeTlv(0x7c, encodeTlv(0x80, aes(kPi, Buffer.alloc(16), pace.nonce, true))),
        OK,
      ]);
    }
    if (item.tag === 0x81) {
      pace.mapSk = BigInt(`0x${randomBytes(31).toString('hex')}`);
      const h = P.fromBytes(item.value).multiply(pace.mapSk);
      pace.gen = P.BASE.multiply(BigInt(`0x${pace.nonce!.toString('hex')}`)).add(h);
      return Buffer.concat([
        encodeTlv(0x7c, encodeTlv(0x82, Buffer.from(P.BASE.multiply(pace.mapSk).toBytes(false)))),
        OK,
      ]);
    }
    if (item.tag === 0x83) {
      pace.sk = BigInt(`0x${randomBytes(31).toString('hex')}`);
      pace.pk = Buffer.from(pace.gen!.multiply(pace.sk).toBytes(false));
      pace.pkIfd = item.value;
      const k = Buffer.from(
        P.fromBytes(item.value).multiply(pace.sk).toAffine().x.toString(16).padStart(64, '0'),
        'hex',
      );
      pace.ks = { enc: deriveKey(k, 1, 'AES-128'), mac: deriveKey(k, 2, 'AES-128') };
      return Buffer.concat([encodeTlv(0x7c, encodeTlv(0x84, pace.pk)), OK]);
    }
    if (item.tag === 0x85 && cla === 0x00 && pace.ks) {
      const token = (pk: Buffer) =>
        aesCmac(
          pace.ks!.mac,
          encodeTlv(
            0x7f49,
            encodeTlv(0x06, Buffer.from('04007F00070202040202', 'hex')),
            encodeTlv(0x86, pk),
          ),
        ).subarray(0, 8);
      if (!token(pace.pk!).equals(item.value)) {
        this.pace = null;
        return sw(0x6300);
      }
      this.sm = { cipher: 'AES', ksEnc: pace.ks.enc, ksMac: pace.ks.mac, ssc: 0n };
      this.pace = null;
      return Buffer.concat([encodeTlv(0x7c, encodeTlv(0x86, token(pace.pkIfd!))), OK]);
    }
    return sw(0x6a80);
  }

  private pendingCa: { enc: Buffer; mac: Buffer } | null = null;

  private switchToCaKeys(): void {
    this.caPending = false;
    if (!this.pendingCa) return;
    this.sm = { cipher: 'AES', ksEnc: this.pendingCa.enc, ksMac: this.pendingCa.mac, ssc: 0n };
    this.pendingCa = null;
  }

  /** ISO 9796-2 scheme 1, full message recovery impossible: M1 random, SHA-1, trailer BC. */
  private internalAuthenticate(challenge: Buffer): Buffer {
    if (!this.o.aaPrivate || !this.sm) return sw(0x6982);
    const k = (this.o.aaPrivate.asymmetricKeyDetails?.modulusLength ?? 1024) / 8;
    const m1 = randomBytes(k - 22);
    const hash = createHash('sha1')
      .update(Buffer.concat([m1, challenge]))
      .digest();
    const message = Buffer.concat([Buffer.from([0x6a]), m1, hash, Buffer.from([0xbc])]);
    const signature = privateEncrypt(
      { key: this.o.aaPrivate, padding: constants.RSA_NO_PADDING },
      message,
    );
    return Buffer.concat([signature, OK]);
  }
}

/**
 * A simulated Vietnamese card as issued: PACE with its CAN, a CA key in DG14 and an AA key in
 * DG15 (cccd-formats.md §3.1), carrying the synthetic citizen signed under `pki`.
 */
export function issuedSimChip(
  pki: TestPki,
  spec: Partial<CardSpec> = {},
  options: Partial<SimChipOptions> = {},
): { sim: SimChip; card: CardFiles } {
  const ca = chipEcKey();
  const aa = rsaKey(1024);
  const card = buildCard({
    pki,
    pace: true,
    caPublic: ca.publicKey,
    aaPublic: aa.publicKey,
    ...spec,
  });
  const sim = new SimChip({
    files: card.files,
    mrz: card.mrz,
    can: SYNTHETIC_CAN,
    pace: true,
    extendedLength: true,
    caPrivate: ca.privateScalar,
    aaPrivate: aa.privateKey,
    ...options,
  });
  return { sim, card };
}
