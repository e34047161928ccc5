/**
 * A synthetic Vietnamese ID card: DG1 (TD1 MRZ), DG2 (ISO 19794-5 face record around a drawn,
 * synthetic JPEG), DG13 (the field table of cccd-formats.md §3.3), optional DG14/DG15, EF.COM
 * and an EF.SOD signed by a test Document Signer. Every person here is made up.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { DER, encodeInt, encodeOid } from '../../../native/cccd/chip/asn1';
import { encodeTlv } from '../../../native/cccd/chip/tlv';
import { signatureAlgorithm, signWith, type TestPki } from './pki';

export const FIXTURES = join(APP_ROOT, 'tests', 'fixtures', 'chip');

/** cccd-formats.md §4 synthetic example (computed there): ID 079203000123, born 15/05/2003. */
export const SYNTHETIC_MRZ =
  'IDVNM2030001233079203000123<<3' +
  '0305152M2805151VNM<<<<<<<<<<<4' +
  'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<';

export const SYNTHETIC_ID = '079203000123';
export const SYNTHETIC_CAN = SYNTHETIC_ID.slice(6);

export type ParentNesting = 'separate' | 'together';

export interface Dg13Spec {
  fields: Partial<Record<number, string>>;
  parents?: [string, string] | null;
  parentNesting?: ParentNesting;
  spouse?: string | null;
}

export const SYNTHETIC_DG13: Dg13Spec = {
  fields: {
    1: SYNTHETIC_ID,
    2: 'Nguyễn Văn An',
    3: '15/05/2003',
    4: 'Nam',
    5: 'Việt Nam',
    6: 'Kinh',
    7: 'Không',
    8: 'Phường Mẫu, Quận Mẫu, TP. Hồ Chí Minh',
    9: 'Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, TP. Hồ Chí Minh',
    10: 'Nốt ruồi C:1cm trên trước mép phải',
    11: '01/07/2021',
    12: '15/05/2028',
    15: '123456789',
    16: '3F2A9C0D11E4B7A5',
  },
  parents: ['Nguyễn Văn Bình', 'Trần Thị Cúc'],
  parentNesting: 'separate',
  spouse: null,
};

const PRINTABLE_FIELDS = new Set([1, 3, 11, 15, 16]);

function str(n: number, value: string): Buffer {
  return encodeTlv(
    PRINTABLE_FIELDS.has(n) ? DER.PRINTABLE_STRING : DER.UTF8_STRING,
    Buffer.from(value, 'utf8'),
  );
}

export function buildDg13(spec: Dg13Spec): Buffer {
  const entries: Buffer[] = [];
  for (let n = 1; n <= 16; n++) {
    const value = spec.fields[n];
    if (n === 13 && spec.parents) {
      const [father, mother] = spec.parents.map((p) => str(13, p));
      const inner =
        spec.parentNesting === 'together'
          ? [encodeTlv(DER.SEQUENCE, father!, mother!)]
          : [encodeTlv(DER.SEQUENCE, father!), encodeTlv(DER.SEQUENCE, mother!)];
      entries.push(encodeTlv(DER.SEQUENCE, encodeInt(13), ...inner));
    } else if (n === 14 && spec.spouse !== undefined) {
      const inner = spec.spouse ? [str(14, spec.spouse)] : [];
      entries.push(encodeTlv(DER.SEQUENCE, encodeInt(14), encodeTlv(DER.SEQUENCE, ...inner)));
    } else if (value !== undefined) {
      entries.push(encodeTlv(DER.SEQUENCE, encodeInt(n), str(n, value)));
    }
  }
  return encodeTlv(
    0x6d,
    encodeTlv(
      DER.SEQUENCE,
      encodeInt(1),
      encodeOid('1.0.10646.1.0.8'),
      encodeTlv(DER.SET, ...entries),
    ),
  );
}

export function buildDg1(mrz: string): Buffer {
  return encodeTlv(0x61, encodeTlv(0x5f1f, Buffer.from(mrz, 'latin1')));
}

/** ISO 19794-5 facial record: general header, one face block without feature points, image. */
export function buildDg2(image: Buffer, format: 'jpeg' | 'jp2', width = 60, height = 80): Buffer {
  const imageInfo = Buffer.alloc(12);
  imageInfo[0] = 1; // full frontal
  imageInfo[1] = format === 'jp2' ? 1 : 0;
  imageInfo.writeUInt16BE(width, 2);
  imageInfo.writeUInt16BE(height, 4);
  const face = Buffer.alloc(20);
  face.writeUInt32BE(20 + 12 + image.length, 0);
  const body = Buffer.concat([face, imageInfo, image]);
  const general = Buffer.alloc(14);
  general.write('FAC\x00010\x00', 0, 'latin1');
  general.writeUInt32BE(14 + body.length, 8);
  general.writeUInt16BE(1, 12);
  const record = Buffer.concat([general, body]);
  const header = encodeTlv(
    0xa1,
    encodeTlv(0x80, Buffer.from([1, 1])),
    encodeTlv(0x87, Buffer.from([1, 1])),
  );
  return encodeTlv(
    0x75,
    encodeTlv(
      0x7f61,
      encodeTlv(DER.INTEGER, Buffer.from([1])),
      encodeTlv(0x7f60, header, encodeTlv(0x5f2e, record)),
    ),
  );
}

export function faceJpeg(): Buffer {
  return readFileSync(join(FIXTURES, 'face.jpg'));
}

export function faceJp2(): Buffer {
  return readFileSync(join(FIXTURES, 'face.jp2'));
}

const DG_TAGS: Record<number, number> = { 1: 0x61, 2: 0x75, 13: 0x6d, 14: 0x6e, 15: 0x6f };

export function buildCom(groups: readonly number[]): Buffer {
  return encodeTlv(
    0x60,
    encodeTlv(0x5f01, Buffer.from('0107')),
    encodeTlv(0x5f36, Buffer.from('040000')),
    encodeTlv(0x5c, Buffer.from(groups.map((g) => DG_TAGS[g] ?? 0x63))),
  );
}

/** EF.SOD: LDSSecurityObject (SHA-256) in a SignedData with signed attributes (RFC 5652). */
export function buildSod(
  groups: ReadonlyMap<number, Buffer>,
  pki: Pick<TestPki, 'ds' | 'dsKey' | 'dsSerial' | 'dsIssuer'>,
): Buffer {
  const sha256 = encodeTlv(DER.SEQUENCE, encodeOid('2.16.840.1.101.3.4.2.1'));
  const hashes = [...groups.entries()].map(([dg, bytes]) =>
    encodeTlv(
      DER.SEQUENCE,
      encodeInt(dg),
      encodeTlv(DER.OCTET_STRING, createHash('sha256').update(bytes).digest()),
    ),
  );
  const lso = encodeTlv(DER.SEQUENCE, encodeInt(0), sha256, encodeTlv(DER.SEQUENCE, ...hashes));
  const attrs = [
    encodeTlv(
      DER.SEQUENCE,
      encodeOid('1.2.840.113549.1.9.3'),
      encodeTlv(DER.SET, encodeOid('2.23.136.1.1.1')),
    ),
    encodeTlv(
      DER.SEQUENCE,
      encodeOid('1.2.840.113549.1.9.4'),
      encodeTlv(DER.SET, encodeTlv(DER.OCTET_STRING, createHash('sha256').update(lso).digest())),
    ),
  ];
  const signedAttrs = encodeTlv(DER.SET, ...attrs);
  const signature = signWith(pki.dsKey.privateKey, signedAttrs);
  const signer = encodeTlv(
    DER.SEQUENCE,
    encodeInt(1),
    encodeTlv(DER.SEQUENCE, pki.dsIssuer, encodeInt(pki.dsSerial)),
    sha256,
    Buffer.concat([Buffer.from([0xa0]), signedAttrs.subarray(1)]),
    signatureAlgorithm(pki.dsKey.privateKey),
    encodeTlv(DER.OCTET_STRING, signature),
  );
  const signedData = encodeTlv(
    DER.SEQUENCE,
    encodeInt(3),
    encodeTlv(DER.SET, sha256),
    encodeTlv(
      DER.SEQUENCE,
      encodeOid('2.23.136.1.1.1'),
      encodeTlv(0xa0, encodeTlv(DER.OCTET_STRING, lso)),
    ),
    encodeTlv(0xa0, pki.ds),
    encodeTlv(DER.SET, signer),
  );
  return encodeTlv(
    0x77,
    encodeTlv(DER.SEQUENCE, encodeOid('1.2.840.113549.1.7.2'), encodeTlv(0xa0, signedData)),
  );
}

export function buildDg15(publicKey: KeyObject): Buffer {
  return encodeTlv(0x6f, publicKey.export({ type: 'spki', format: 'der' }));
}

/** DG14 with Chip Authentication (ECDH, AES-128, v1) and the AA algorithm. */
export function buildDg14(caPublic: KeyObject | null, aaAlgorithm: string | null): Buffer {
  const infos: Buffer[] = [];
  if (caPublic) {
    infos.push(
      encodeTlv(
        DER.SEQUENCE,
        encodeOid('0.4.0.127.0.7.2.2.1.2'),
        caPublic.export({ type: 'spki', format: 'der' }),
      ),
    );
    infos.push(encodeTlv(DER.SEQUENCE, encodeOid('0.4.0.127.0.7.2.2.3.2.2'), encodeInt(1)));
  }
  if (aaAlgorithm)
    infos.push(
      encodeTlv(DER.SEQUENCE, encodeOid('2.23.136.1.1.5'), encodeInt(1), encodeOid(aaAlgorithm)),
    );
  return encodeTlv(0x6e, encodeTlv(DER.SET, ...infos));
}

/** EF.CardAccess of the Vietnamese card (cccd-formats.md §3.1): PACE ECDH-GM AES-128 on param 13. */
export function buildCardAccess(): Buffer {
  return encodeTlv(
    DER.SET,
    encodeTlv(DER.SEQUENCE, encodeOid('0.4.0.127.0.7.2.2.4.2.2'), encodeInt(2), encodeInt(13)),
    encodeTlv(DER.SEQUENCE, encodeOid('0.4.0.127.0.7.2.2.3.2.2'), encodeInt(1)),
  );
}

export interface CardFiles {
  mrz: string;
  /** File id → bytes (EF.COM, DGs, EF.SOD; EF.CardAccess under 011C when PACE is offered). */
  files: Map<number, Buffer>;
  groups: Map<number, Buffer>;
}

export interface CardSpec {
  pki: TestPki;
  dg13?: Dg13Spec;
  photo?: 'jpeg' | 'jp2';
  caPublic?: KeyObject | null;
  aaPublic?: KeyObject | null;
  pace?: boolean;
  /** Change a group after signing (a forged card): the SOD then disagrees. */
  tamper?: (groups: Map<number, Buffer>) => void;
}

export function buildCard(spec: CardSpec): CardFiles {
  const groups = new Map<number, Buffer>();
  groups.set(1, buildDg1(SYNTHETIC_MRZ));
  const photo = spec.photo ?? 'jpeg';
  groups.set(2, buildDg2(photo === 'jpeg' ? faceJpeg() : faceJp2(), photo));
  groups.set(13, buildDg13(spec.dg13 ?? SYNTHETIC_DG13));
  if (spec.caPublic || spec.aaPublic) {
    groups.set(
      14,
      buildDg14(spec.caPublic ?? null, spec.aaPublic ? '0.4.0.127.0.7.1.1.4.1.3' : null),
    );
  }
  if (spec.aaPublic) groups.set(15, buildDg15(spec.aaPublic));
  const sod = buildSod(groups, spec.pki);
  spec.tamper?.(groups);
  const files = new Map<number, Buffer>();
  files.set(0x011e, buildCom([...groups.keys()].sort((a, b) => a - b)));
  for (const [dg, bytes] of groups) files.set(0x0100 + dg, bytes);
  files.set(0x011d, sod);
  if (spec.pace) files.set(0x011c, buildCardAccess());
  return { mrz: SYNTHETIC_MRZ, files, groups };
}
