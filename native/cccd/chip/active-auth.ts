/**
 * Active Authentication (ICAO 9303-11 §6.1): the chip signs our random challenge with the private
 * key matching DG15. RSA uses ISO/IEC 9796-2 digital signature scheme 1 (message recovery); ECDSA
 * signatures are plain r||s (BSI TR-03111) with the hash named in DG14's ActiveAuthenticationInfo.
 */
import { constants, createHash, publicDecrypt, verify } from 'node:crypto';
import { bytesEqual, concat } from './bytes';
import { ChipError } from './chip-error';
import { ecKeyObject, parsePublicKey } from './public-key';
import { SIGNATURE_OIDS } from './oids';
import { readSingleTlv } from './tlv';
import type { CommandApdu } from './apdu';

export function internalAuthenticate(challenge: Uint8Array): CommandApdu {
  return { cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: 256 };
}

/** ISO 9796-2 trailers: 0xBC = SHA-1 implicit; 0x??CC = hash named by the byte before CC. */
const TRAILER_HASH: Readonly<Record<number, string>> = {
  0x33: 'sha1',
  0x34: 'sha256',
  0x35: 'sha512',
  0x36: 'sha384',
  0x38: 'sha224',
};

function verifyIso9796(recovered: Buffer, challenge: Uint8Array): boolean {
  let trailerLength = 1;
  let hash = 'sha1';
  const last = recovered[recovered.length - 1];
  if (last === 0xcc) {
    trailerLength = 2;
    const named = TRAILER_HASH[recovered[recovered.length - 2]!];
    if (!named) return false;
    hash = named;
  } else if (last !== 0xbc) return false;
  if ((recovered[0]! & 0xc0) !== 0x40) return false;
  const digestLength = createHash(hash).digest().length;
  const end = recovered.length - trailerLength;
  const d = recovered.subarray(end - digestLength, end);
  const m1 = recovered.subarray(1, end - digestLength);
  return bytesEqual(createHash(hash).update(concat(m1, challenge)).digest(), d);
}

export function verifyActiveAuth(
  dg15: Uint8Array,
  challenge: Uint8Array,
  signature: Uint8Array,
  signatureAlgorithm: string | null,
): boolean {
  const spki = readSingleTlv(dg15, 0x6f).value;
  const key = parsePublicKey(spki);
  if (key.kind === 'ec') {
    const hash = (signatureAlgorithm && SIGNATURE_OIDS[signatureAlgorithm]?.hash) || 'sha256';
    try {
      return verify(
        hash,
        challenge,
        { key: ecKeyObject(key), dsaEncoding: 'ieee-p1363' },
        signature,
      );
    } catch {
      return false;
    }
  }
  if (key.key.asymmetricKeyType !== 'rsa') {
    throw new ChipError('CHIP_DG_MALFORMED', {
      file: 'DG15',
      reason: 'key type',
      type: String(key.key.asymmetricKeyType),
    });
  }
  try {
    const recovered = publicDecrypt({ key: key.key, padding: constants.RSA_NO_PADDING }, signature);
    return verifyIso9796(recovered, challenge);
  } catch {
    return false;
  }
}
