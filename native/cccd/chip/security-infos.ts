/**
 * SecurityInfos (ICAO 9303-11 §9.2; BSI TR-03110-3 A.1): the SET found in EF.CardAccess (PACE)
 * and in DG14 (Chip Authentication, its public key, Active Authentication's algorithm). Unknown
 * entries are kept as OIDs, never fatal: chips add proprietary ones.
 */
import { DER, expectTag, readOid, readSmallInt } from './asn1';
import { ChipError } from './chip-error';
import type { SessionCipher } from './kdf';
import { ID_AA, ID_CA, ID_PACE, ID_PK_DH, ID_PK_ECDH } from './oids';
import { children, readSingleTlv, type Tlv } from './tlv';

export interface PaceInfo {
  kind: 'pace';
  oid: string;
  version: number;
  parameterId: number | null;
  agreement: 'DH' | 'ECDH';
  mapping: 'GM' | 'IM' | 'CAM';
  cipher: SessionCipher;
}

export interface ChipAuthInfo {
  kind: 'ca';
  oid: string;
  version: number;
  keyId: number | null;
  agreement: 'DH' | 'ECDH';
  cipher: SessionCipher;
}

export interface ChipAuthPublicKeyInfo {
  kind: 'ca-public-key';
  oid: string;
  agreement: 'DH' | 'ECDH';
  /** DER SubjectPublicKeyInfo of the chip's static key. */
  subjectPublicKeyInfo: Buffer;
  keyId: number | null;
}

export interface ActiveAuthInfo {
  kind: 'aa';
  version: number;
  signatureAlgorithm: string;
}

export interface OtherInfo {
  kind: 'other';
  oid: string;
}

export type SecurityInfo =
  PaceInfo | ChipAuthInfo | ChipAuthPublicKeyInfo | ActiveAuthInfo | OtherInfo;

const CIPHER_BY_ARC: Readonly<Record<string, SessionCipher>> = {
  '1': '3DES',
  '2': 'AES-128',
  '3': 'AES-192',
  '4': 'AES-256',
};

/** id-PACE-{DH,ECDH}-{GM,IM,CAM}-{cipher}: arcs .1 DH-GM, .2 ECDH-GM, .3 DH-IM, .4 ECDH-IM, .6 ECDH-CAM. */
function paceVariant(oid: string): Pick<PaceInfo, 'agreement' | 'mapping' | 'cipher'> | null {
  const rest = oid.slice(ID_PACE.length + 1).split('.');
  if (rest.length !== 2) return null;
  const cipher = CIPHER_BY_ARC[rest[1]!];
  const variants: Record<string, Pick<PaceInfo, 'agreement' | 'mapping'>> = {
    '1': { agreement: 'DH', mapping: 'GM' },
    '2': { agreement: 'ECDH', mapping: 'GM' },
    '3': { agreement: 'DH', mapping: 'IM' },
    '4': { agreement: 'ECDH', mapping: 'IM' },
    '6': { agreement: 'ECDH', mapping: 'CAM' },
  };
  const variant = variants[rest[0]!];
  return variant && cipher ? { ...variant, cipher } : null;
}

function caVariant(oid: string): Pick<ChipAuthInfo, 'agreement' | 'cipher'> | null {
  const rest = oid.slice(ID_CA.length + 1).split('.');
  if (rest.length !== 2) return null;
  const cipher = CIPHER_BY_ARC[rest[1]!];
  const agreement = rest[0] === '1' ? 'DH' : rest[0] === '2' ? 'ECDH' : null;
  return cipher && agreement ? { agreement, cipher } : null;
}

function parseInfo(seq: Tlv): SecurityInfo {
  const parts = children(expectTag(seq, DER.SEQUENCE, 'SecurityInfo'));
  const oid = readOid(parts[0], 'SecurityInfo protocol');
  if (oid.startsWith(`${ID_PACE}.`)) {
    const variant = paceVariant(oid);
    if (variant) {
      return {
        kind: 'pace',
        oid,
        version: readSmallInt(parts[1], 'PACEInfo version'),
        parameterId: parts[2] ? readSmallInt(parts[2], 'PACEInfo parameterId') : null,
        ...variant,
      };
    }
  }
  if (oid === ID_PK_ECDH || oid === ID_PK_DH) {
    return {
      kind: 'ca-public-key',
      oid,
      agreement: oid === ID_PK_ECDH ? 'ECDH' : 'DH',
      subjectPublicKeyInfo: expectTag(parts[1], DER.SEQUENCE, 'CA public key').raw,
      keyId: parts[2] ? readSmallInt(parts[2], 'CA keyId') : null,
    };
  }
  if (oid.startsWith(`${ID_CA}.`)) {
    const variant = caVariant(oid);
    if (variant) {
      return {
        kind: 'ca',
        oid,
        version: readSmallInt(parts[1], 'CA version'),
        keyId: parts[2] ? readSmallInt(parts[2], 'CA keyId') : null,
        ...variant,
      };
    }
  }
  if (oid === ID_AA) {
    return {
      kind: 'aa',
      version: readSmallInt(parts[1], 'AA version'),
      signatureAlgorithm: readOid(parts[2], 'AA signature algorithm'),
    };
  }
  return { kind: 'other', oid };
}

/** Parses the bare SET OF SecurityInfo (EF.CardAccess content). */
export function parseSecurityInfos(bytes: Uint8Array): SecurityInfo[] {
  const set = readSingleTlv(bytes);
  if (set.tag !== DER.SET) {
    throw new ChipError('CHIP_TLV_MALFORMED', { reason: 'SecurityInfos is not a SET' });
  }
  return children(set).map(parseInfo);
}

/** DG14 = tag 6E around the SecurityInfos (ICAO 9303-10 §4.7.14). */
export function parseDg14(bytes: Uint8Array): SecurityInfo[] {
  return parseSecurityInfos(readSingleTlv(bytes, 0x6e).value);
}

/** The PACE variant the reader will use: ECDH generic mapping first (the only one implemented). */
export function choosePace(infos: readonly SecurityInfo[]): PaceInfo | null {
  const pace = infos.filter((i): i is PaceInfo => i.kind === 'pace');
  return pace.find((p) => p.agreement === 'ECDH' && p.mapping === 'GM') ?? null;
}
