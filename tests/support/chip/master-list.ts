/** A CSCA master list (ICAO 9303-12 §8) signed by a list signer under a test CSCA. */
import { createHash } from 'node:crypto';
import { DER, encodeInt, encodeOid } from '../../../native/cccd/chip/asn1';
import { encodeTlv } from '../../../native/cccd/chip/tlv';
import { certificate, ecKey, name, signatureAlgorithm, signWith, type TestPki } from './pki';

export function buildMasterList(
  signerPki: TestPki,
  certificates: Buffer[],
  tamper = false,
): Buffer {
  const signerKey = ecKey();
  const issuer = name({ C: 'VN', O: 'Test Authority', CN: 'Test CSCA' });
  const signer = certificate({
    subject: name({ C: 'VN', O: 'Test Authority', CN: 'Master List Signer' }),
    issuer,
    serial: 77,
    notBefore: new Date('2021-01-01T00:00:00Z'),
    notAfter: new Date('2041-01-01T00:00:00Z'),
    subjectKey: signerKey.publicKey,
    issuerKey: signerPki.cscaKey,
    ca: false,
  });
  const content = encodeTlv(DER.SEQUENCE, encodeInt(0), encodeTlv(DER.SET, ...certificates));
  const sha256 = encodeTlv(DER.SEQUENCE, encodeOid('2.16.840.1.101.3.4.2.1'));
  const attrs = encodeTlv(
    DER.SET,
    encodeTlv(
      DER.SEQUENCE,
      encodeOid('1.2.840.113549.1.9.3'),
      encodeTlv(DER.SET, encodeOid('2.23.136.1.1.2')),
    ),
    encodeTlv(
      DER.SEQUENCE,
      encodeOid('1.2.840.113549.1.9.4'),
      encodeTlv(
        DER.SET,
        encodeTlv(DER.OCTET_STRING, createHash('sha256').update(content).digest()),
      ),
    ),
  );
  const signature = signWith(signerKey.privateKey, attrs);
  if (tamper) signature[signature.length - 3]! ^= 0x01;
  const signerInfo = encodeTlv(
    DER.SEQUENCE,
    encodeInt(1),
    encodeTlv(DER.SEQUENCE, issuer, encodeInt(77)),
    sha256,
    Buffer.concat([Buffer.from([0xa0]), attrs.subarray(1)]),
    signatureAlgorithm(signerKey.privateKey),
    encodeTlv(DER.OCTET_STRING, signature),
  );
  return encodeTlv(
    DER.SEQUENCE,
    encodeOid('1.2.840.113549.1.7.2'),
    encodeTlv(
      0xa0,
      encodeTlv(
        DER.SEQUENCE,
        encodeInt(3),
        encodeTlv(DER.SET, sha256),
        encodeTlv(
          DER.SEQUENCE,
          encodeOid('2.23.136.1.1.2'),
          encodeTlv(0xa0, encodeTlv(DER.OCTET_STRING, content)),
        ),
        encodeTlv(0xa0, signer),
        encodeTlv(DER.SET, signerInfo),
      ),
    ),
  );
}
