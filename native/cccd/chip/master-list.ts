/**
 * Trust-store input formats: PEM (one or many certificates), a DER certificate, or an ICAO CSCA
 * master list (ICAO 9303-12 §8: CMS SignedData, content id-icao-cscaMasterList, CscaMasterList ::=
 * SEQUENCE { version, certList SET OF Certificate }) whose signature is checked before use.
 */
import { X509Certificate } from 'node:crypto';
import { DER, expectTag } from './asn1';
import { bytesEqual } from './bytes';
import { ChipError } from './chip-error';
import { parseSignedData } from './cms';
import { ID_ICAO_CSCA_MASTER_LIST, ID_MESSAGE_DIGEST } from './oids';
import { digest, hashName, verifySignature } from './signatures';
import { children, readSingleTlv } from './tlv';

export type TrustFileKind = 'pem' | 'der' | 'master-list';

export interface TrustFile {
  kind: TrustFileKind;
  certificates: X509Certificate[];
  /** For master lists: the signer's subject. */
  signer: string | null;
}

export type TrustErrorCode = 'TRUST_FILE_INVALID' | 'TRUST_MASTER_LIST_INVALID';

export class TrustFileError extends Error {
  constructor(
    readonly code: TrustErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

function certificate(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch {
    throw new TrustFileError('TRUST_FILE_INVALID', { reason: 'certificate does not parse' });
  }
}

function masterList(bytes: Buffer): TrustFile {
  const signed = parseSignedData(bytes);
  if (signed.contentType !== ID_ICAO_CSCA_MASTER_LIST) {
    throw new TrustFileError('TRUST_FILE_INVALID', {
      reason: 'CMS content is not a CSCA master list',
    });
  }
  const signer = signed.signers[0]!;
  const signerCert = signed.certificates
    .map(certificate)
    .find((c) =>
      signer.issuerAndSerial
        ? c.serialNumber.replace(/^0+/, '').toUpperCase() ===
          signer.issuerAndSerial.serial.toString('hex').replace(/^0+/, '').toUpperCase()
        : true,
    );
  if (!signerCert)
    throw new TrustFileError('TRUST_MASTER_LIST_INVALID', { reason: 'no signer certificate' });
  const hash = hashName(signer.digestAlgorithm);
  let data: Buffer = signed.content;
  if (signer.signedAttributes) {
    const md = signer.attributes.get(ID_MESSAGE_DIGEST)?.[0]?.value;
    if (!hash || !md || !bytesEqual(md, digest(hash, signed.content))) {
      throw new TrustFileError('TRUST_MASTER_LIST_INVALID', { reason: 'message digest' });
    }
    data = signer.signedAttributes;
  }
  if (
    verifySignature(
      signer.signatureAlgorithm,
      hash,
      data,
      signer.signature,
      signerCert.publicKey,
    ) !== true
  ) {
    throw new TrustFileError('TRUST_MASTER_LIST_INVALID', { reason: 'signature' });
  }
  const list = children(readSingleTlv(signed.content, DER.SEQUENCE));
  const certs = children(expectTag(list[1], DER.SET, 'certList')).map((c) => certificate(c.raw));
  return { kind: 'master-list', certificates: certs, signer: signerCert.subject };
}

export function parseTrustFile(bytes: Buffer): TrustFile {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const certs = [...text.matchAll(PEM)].map((m) =>
      certificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
    );
    if (certs.length === 0) throw new TrustFileError('TRUST_FILE_INVALID', { reason: 'empty PEM' });
    return { kind: 'pem', certificates: certs, signer: null };
  }
  try {
    return { kind: 'der', certificates: [new X509Certificate(bytes)], signer: null };
  } catch {
    // not a bare certificate: maybe a master list
  }
  try {
    return masterList(bytes);
  } catch (error) {
    if (error instanceof TrustFileError) throw error;
    if (error instanceof ChipError)
      throw new TrustFileError('TRUST_FILE_INVALID', { reason: error.code });
    throw error;
  }
}
