/**
 * A throwaway PKI for tests: X.509 certificates (RFC 5280) built from DER and signed with
 * node:crypto keys — a test CSCA, a Document Signer under it, and an unrelated CSCA.
 */
import {
  createECDH,
  createHash,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { encodeInt, encodeOid, DER } from '../../../native/cccd/chip/asn1';
import { encodeTlv } from '../../../native/cccd/chip/tlv';

export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function ecKey(curve = 'prime256v1'): TestKey {
  return generateKeyPairSync('ec', { namedCurve: curve });
}

export function rsaKey(bits = 1024): TestKey {
  return generateKeyPairSync('rsa', { modulusLength: bits });
}

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';
const RSA_SHA256 = '1.2.840.113549.1.1.11';

export function signatureAlgorithm(key: KeyObject): Buffer {
  return key.asymmetricKeyType === 'ec'
    ? encodeTlv(DER.SEQUENCE, encodeOid(ECDSA_SHA256))
    : encodeTlv(DER.SEQUENCE, encodeOid(RSA_SHA256), encodeTlv(DER.NULL, Buffer.alloc(0)));
}

export function signWith(key: KeyObject, data: Uint8Array): Buffer {
  return sign('sha256', data, key);
}

export function name(parts: { C: string; O: string; CN: string }): Buffer {
  const rdn = (oid: string, value: string, tag: number) =>
    encodeTlv(
      DER.SET,
      encodeTlv(DER.SEQUENCE, encodeOid(oid), encodeTlv(tag, Buffer.from(value, 'utf8'))),
    );
  return encodeTlv(
    DER.SEQUENCE,
    rdn('2.5.4.6', parts.C, DER.PRINTABLE_STRING),
    rdn('2.5.4.10', parts.O, DER.UTF8_STRING),
    rdn('2.5.4.3', parts.CN, DER.UTF8_STRING),
  );
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? encodeTlv(DER.UTC_TIME, Buffer.from(`${iso.slice(2)}Z`, 'latin1'))
    : encodeTlv(DER.GENERALIZED_TIME, Buffer.from(`${iso}Z`, 'latin1'));
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return encodeTlv(
    DER.SEQUENCE,
    encodeOid(oid),
    ...(critical ? [encodeTlv(DER.BOOLEAN, Buffer.from([0xff]))] : []),
    encodeTlv(DER.OCTET_STRING, value),
  );
}

function keyId(key: KeyObject): Buffer {
  return createHash('sha1')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest();
}

export interface CertificateSpec {
  subject: Buffer;
  issuer: Buffer;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  subjectKey: KeyObject;
  issuerKey: TestKey;
  ca: boolean;
}

export function certificate(spec: CertificateSpec): Buffer {
  const keyUsage = spec.ca
    ? Buffer.from([0x03, 0x02, 0x01, 0x06])
    : Buffer.from([0x03, 0x02, 0x07, 0x80]);
  const extensions = [
    extension('2.5.29.15', true, keyUsage),
    extension('2.5.29.14', false, encodeTlv(DER.OCTET_STRING, keyId(spec.subjectKey))),
    extension(
      '2.5.29.35',
      false,
      encodeTlv(DER.SEQUENCE, encodeTlv(0x80, keyId(spec.issuerKey.publicKey))),
    ),
    ...(spec.ca
      ? [
          extension(
            '2.5.29.19',
            true,
            encodeTlv(DER.SEQUENCE, encodeTlv(DER.BOOLEAN, Buffer.from([0xff])), encodeInt(0)),
          ),
        ]
      : []),
  ];
  const tbs = encodeTlv(
    DER.SEQUENCE,
    encodeTlv(0xa0, encodeInt(2)),
    encodeInt(spec.serial),
    signatureAlgorithm(spec.issuerKey.privateKey),
    spec.issuer,
    encodeTlv(DER.SEQUENCE, time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    spec.subjectKey.export({ type: 'spki', format: 'der' }),
    encodeTlv(0xa3, encodeTlv(DER.SEQUENCE, ...extensions)),
  );
  return encodeTlv(
    DER.SEQUENCE,
    tbs,
    signatureAlgorithm(spec.issuerKey.privateKey),
    encodeTlv(DER.BIT_STRING, Buffer.from([0]), signWith(spec.issuerKey.privateKey, tbs)),
  );
}

export interface TestPki {
  cscaKey: TestKey;
  csca: Buffer;
  dsKey: TestKey;
  ds: Buffer;
  dsSerial: number;
  dsIssuer: Buffer;
}

/** A CSCA valid 2020–2040 and a Document Signer under it, as a country would run them. */
export function testPki(country = 'VN', label = 'Test'): TestPki {
  const cscaKey = ecKey('prime256v1');
  const dsKey = ecKey('brainpoolP256r1');
  const cscaName = name({ C: country, O: `${label} Authority`, CN: `${label} CSCA` });
  const csca = certificate({
    subject: cscaName,
    issuer: cscaName,
    serial: 1,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
    subjectKey: cscaKey.publicKey,
    issuerKey: cscaKey,
    ca: true,
  });
  const dsSerial = 4660;
  const ds = certificate({
    subject: name({ C: country, O: `${label} Authority`, CN: `${label} Document Signer` }),
    issuer: cscaName,
    serial: dsSerial,
    notBefore: new Date('2021-01-01T00:00:00Z'),
    notAfter: new Date('2041-01-01T00:00:00Z'),
    subjectKey: dsKey.publicKey,
    issuerKey: cscaKey,
    ca: false,
  });
  return { cscaKey, csca, dsKey, ds, dsSerial, dsIssuer: cscaName };
}

/** A brainpoolP256r1 key pair as the chip holds it (raw scalar) and its SPKI public key. */
export function chipEcKey(): { privateScalar: Buffer; publicKey: KeyObject } {
  const ecdh = createECDH('brainpoolP256r1');
  ecdh.generateKeys();
  const spki = encodeTlv(
    DER.SEQUENCE,
    encodeTlv(DER.SEQUENCE, encodeOid('1.2.840.10045.2.1'), encodeOid('1.3.36.3.3.2.8.1.1.7')),
    encodeTlv(DER.BIT_STRING, Buffer.from([0]), ecdh.getPublicKey()),
  );
  return {
    privateScalar: ecdh.getPrivateKey(),
    publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }),
  };
}
