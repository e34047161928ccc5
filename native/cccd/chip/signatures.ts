/**
 * Signature checks with node:crypto for the algorithms eMRTD PKIs use (ICAO 9303-12 §4.4.2 and
 * §7.1: RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA; BSI TR-03111 plain ECDSA for Active Authentication).
 */
import { constants, createHash, verify, type KeyObject } from 'node:crypto';
import { DER, readSmallInt } from './asn1';
import { readAlgorithm, type AlgorithmIdentifier } from './cms';
import { HASH_OIDS, SIGNATURE_OIDS } from './oids';
import { children, readSingleTlv } from './tlv';

export function digest(algorithm: string, data: Uint8Array): Buffer {
  return createHash(algorithm).update(data).digest();
}

export function hashName(algorithm: AlgorithmIdentifier): string | null {
  return HASH_OIDS[algorithm.oid] ?? null;
}

/** RSASSA-PSS-params (RFC 4055 §3.1): hash (default SHA-1) and salt length (default 20). */
function pssParams(parameters: Buffer | null): { hash: string; saltLength: number } {
  let hash = 'sha1';
  let saltLength = 20;
  if (!parameters) return { hash, saltLength };
  for (const field of children(readSingleTlv(parameters, DER.SEQUENCE))) {
    const inner = children(field)[0];
    if (field.tag === 0xa0) hash = HASH_OIDS[readAlgorithm(inner, 'PSS hash').oid] ?? hash;
    if (field.tag === 0xa2) saltLength = readSmallInt(inner, 'PSS salt length');
  }
  return { hash, saltLength };
}

/**
 * true/false for a supported algorithm, null when the algorithm is not one we know (reported as
 * "unsupported", never as a forgery).
 */
export function verifySignature(
  algorithm: AlgorithmIdentifier,
  fallbackHash: string | null,
  data: Uint8Array,
  signature: Uint8Array,
  key: KeyObject,
): boolean | null {
  const known = SIGNATURE_OIDS[algorithm.oid];
  if (!known) return null;
  try {
    switch (known.kind) {
      case 'rsa': {
        const hash = known.hash ?? fallbackHash;
        if (!hash) return null;
        return verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
      }
      case 'rsa-pss': {
        const { hash, saltLength } = pssParams(algorithm.parameters);
        return verify(
          hash,
          data,
          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
          signature,
        );
      }
      case 'ecdsa':
        return verify(known.hash, data, { key, dsaEncoding: 'der' }, signature);
      case 'ecdsa-plain':
        return verify(known.hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
  } catch {
    return false;
  }
}
