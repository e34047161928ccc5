/**
 * EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData whose content is the
 * LDSSecurityObject { version, hashAlgorithm, SEQUENCE OF { dataGroupNumber, hashValue } }.
 */
import { DER, expectTag, readSmallInt } from './asn1';
import { ChipError } from './chip-error';
import { parseSignedData, readAlgorithm, type SignedData } from './cms';
import { HASH_OIDS, ID_LDS_SECURITY_OBJECT } from './oids';
import { children, readSingleTlv } from './tlv';

export interface SecurityObject {
  signedData: SignedData;
  hashAlgorithm: string;
  /** Data group number → hash value. */
  hashes: Map<number, Buffer>;
  ldsVersion: number;
}

export function parseSod(bytes: Uint8Array): SecurityObject {
  const outer = readSingleTlv(bytes, 0x77);
  const signedData = parseSignedData(outer.value);
  if (signedData.contentType !== ID_LDS_SECURITY_OBJECT) {
    throw new ChipError('CHIP_SOD_MALFORMED', { reason: 'content is not an LDSSecurityObject' });
  }
  try {
    const lso = children(readSingleTlv(signedData.content, DER.SEQUENCE));
    const ldsVersion = readSmallInt(lso[0], 'LDSSecurityObject version');
    const algorithm = readAlgorithm(lso[1], 'hashAlgorithm');
    const hashAlgorithm = HASH_OIDS[algorithm.oid];
    if (!hashAlgorithm)
      throw new ChipError('CHIP_SOD_MALFORMED', { reason: 'hash algorithm', oid: algorithm.oid });
    const hashes = new Map<number, Buffer>();
    for (const item of children(expectTag(lso[2], DER.SEQUENCE, 'dataGroupHashValues'))) {
      const [number, value] = children(expectTag(item, DER.SEQUENCE, 'DataGroupHash'));
      hashes.set(
        readSmallInt(number, 'dataGroupNumber'),
        expectTag(value, DER.OCTET_STRING, 'hash').value,
      );
    }
    return { signedData, hashAlgorithm, hashes, ldsVersion };
  } catch (error) {
    if (error instanceof ChipError && error.code !== 'CHIP_SOD_MALFORMED') {
      throw new ChipError('CHIP_SOD_MALFORMED', { ...error.details });
    }
    throw error;
  }
}
