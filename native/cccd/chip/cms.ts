/**
 * CMS SignedData (RFC 5652 §5) as used by EF.SOD (ICAO 9303-10 §4.6.2) and by CSCA master lists
 * (ICAO 9303-12 §8): the encapsulated content, the embedded certificates and the signer infos.
 */
import { DER, expectTag, readOid, readSmallInt } from './asn1';
import { ChipError } from './chip-error';
import { ID_SIGNED_DATA } from './oids';
import { children, readSingleTlv, type Tlv } from './tlv';

export interface AlgorithmIdentifier {
  oid: string;
  /** DER of the parameters, when present (RSASSA-PSS needs them). */
  parameters: Buffer | null;
}

export interface SignerInfo {
  version: number;
  issuerAndSerial: { issuer: Buffer; serial: Buffer } | null;
  subjectKeyIdentifier: Buffer | null;
  digestAlgorithm: AlgorithmIdentifier;
  /** The [0] IMPLICIT attributes re-encoded with the SET tag, as signed (RFC 5652 §5.4). */
  signedAttributes: Buffer | null;
  attributes: Map<string, Tlv[]>;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Buffer;
}

export interface SignedData {
  contentType: string;
  content: Buffer;
  certificates: Buffer[];
  signers: SignerInfo[];
}

export function readAlgorithm(tlv: Tlv | undefined, what: string): AlgorithmIdentifier {
  const parts = children(expectTag(tlv, DER.SEQUENCE, what));
  const params = parts[1];
  return {
    oid: readOid(parts[0], what),
    parameters: params && params.tag !== DER.NULL ? params.raw : null,
  };
}

function parseSigner(seq: Tlv): SignerInfo {
  const parts = children(expectTag(seq, DER.SEQUENCE, 'SignerInfo'));
  let i = 0;
  const version = readSmallInt(parts[i++], 'SignerInfo version');
  const sid = parts[i++];
  let issuerAndSerial: SignerInfo['issuerAndSerial'] = null;
  let subjectKeyIdentifier: Buffer | null = null;
  if (sid?.tag === DER.SEQUENCE) {
    const [issuer, serial] = children(sid);
    issuerAndSerial = {
      issuer: expectTag(issuer, DER.SEQUENCE, 'sid issuer').raw,
      serial: expectTag(serial, DER.INTEGER, 'sid serial').value,
    };
  } else if (sid?.tag === 0x80) {
    subjectKeyIdentifier = sid.value;
  } else {
    throw new ChipError('CHIP_SOD_MALFORMED', { reason: 'signer identifier' });
  }
  const digestAlgorithm = readAlgorithm(parts[i++], 'digestAlgorithm');
  let signedAttributes: Buffer | null = null;
  const attributes = new Map<string, Tlv[]>();
  if (parts[i]?.tag === 0xa0) {
    const attrs = parts[i++]!;
    signedAttributes = Buffer.concat([Buffer.from([DER.SET]), attrs.raw.subarray(1)]);
    for (const attr of children(attrs)) {
      const [type, values] = children(expectTag(attr, DER.SEQUENCE, 'Attribute'));
      attributes.set(
        readOid(type, 'attribute type'),
        children(expectTag(values, DER.SET, 'attribute values')),
      );
    }
  }
  const signatureAlgorithm = readAlgorithm(parts[i++], 'signatureAlgorithm');
  const signature = expectTag(parts[i], DER.OCTET_STRING, 'signature').value;
  return {
    version,
    issuerAndSerial,
    subjectKeyIdentifier,
    digestAlgorithm,
    signedAttributes,
    attributes,
    signatureAlgorithm,
    signature,
  };
}

/** Parses ContentInfo { signedData, [0] SignedData }. */
export function parseSignedData(contentInfo: Uint8Array): SignedData {
  try {
    const ci = children(readSingleTlv(contentInfo, DER.SEQUENCE));
    if (readOid(ci[0], 'contentType') !== ID_SIGNED_DATA) {
      throw new ChipError('CHIP_SOD_MALFORMED', { reason: 'not SignedData' });
    }
    const sd = children(
      expectTag(children(expectTag(ci[1], 0xa0, 'content'))[0], DER.SEQUENCE, 'SignedData'),
    );
    let i = 1; // version
    expectTag(sd[i++], DER.SET, 'digestAlgorithms');
    const encap = children(expectTag(sd[i++], DER.SEQUENCE, 'encapContentInfo'));
    const contentType = readOid(encap[0], 'eContentType');
    const wrapped = children(expectTag(encap[1], 0xa0, 'eContent'))[0];
    const content = expectTag(wrapped, DER.OCTET_STRING, 'eContent').value;
    const certificates: Buffer[] = [];
    if (sd[i]?.tag === 0xa0) {
      for (const cert of children(sd[i++]!))
        if (cert.tag === DER.SEQUENCE) certificates.push(cert.raw);
    }
    if (sd[i]?.tag === 0xa1) i++; // CRLs: not used for eMRTDs
    const signers = children(expectTag(sd[i], DER.SET, 'signerInfos')).map(parseSigner);
    if (signers.length === 0) throw new ChipError('CHIP_SOD_MALFORMED', { reason: 'no signer' });
    return { contentType, content, certificates, signers };
  } catch (error) {
    if (error instanceof ChipError && error.code !== 'CHIP_SOD_MALFORMED') {
      throw new ChipError('CHIP_SOD_MALFORMED', { ...error.details });
    }
    throw error;
  }
}
