/** Object identifiers of BSI TR-03110-3 / ICAO 9303-11 §9.2 and the CMS/X.509 ones the SOD uses. */
export const BSI_DE = '0.4.0.127.0.7';
export const ID_PK_DH = `${BSI_DE}.2.2.1.1`;
export const ID_PK_ECDH = `${BSI_DE}.2.2.1.2`;
export const ID_TA = `${BSI_DE}.2.2.2`;
export const ID_CA = `${BSI_DE}.2.2.3`;
export const ID_PACE = `${BSI_DE}.2.2.4`;
export const ID_AA = '2.23.136.1.1.5';
export const ID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';
export const ID_ICAO_CSCA_MASTER_LIST = '2.23.136.1.1.2';
export const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const ID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const ID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
export const ID_PRIME_FIELD = '1.2.840.10045.1.1';
export const ID_RSA = '1.2.840.113549.1.1.1';
export const ID_RSASSA_PSS = '1.2.840.113549.1.1.10';
export const ID_MGF1 = '1.2.840.113549.1.1.8';

export const HASH_OIDS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithm → hash and key family (RFC 4055, RFC 5758, BSI TR-03111 plain ECDSA). */
export const SIGNATURE_OIDS: Readonly<
  Record<string, { hash: string | null; kind: 'rsa' | 'rsa-pss' | 'ecdsa' | 'ecdsa-plain' }>
> = {
  [ID_RSA]: { hash: null, kind: 'rsa' },
  '1.2.840.113549.1.1.5': { hash: 'sha1', kind: 'rsa' },
  '1.2.840.113549.1.1.14': { hash: 'sha224', kind: 'rsa' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', kind: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', kind: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', kind: 'rsa' },
  [ID_RSASSA_PSS]: { hash: null, kind: 'rsa-pss' },
  '1.2.840.10045.4.1': { hash: 'sha1', kind: 'ecdsa' },
  '1.2.840.10045.4.3.1': { hash: 'sha224', kind: 'ecdsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', kind: 'ecdsa' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', kind: 'ecdsa' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', kind: 'ecdsa' },
  [`${BSI_DE}.1.1.4.1.1`]: { hash: 'sha1', kind: 'ecdsa-plain' },
  [`${BSI_DE}.1.1.4.1.2`]: { hash: 'sha224', kind: 'ecdsa-plain' },
  [`${BSI_DE}.1.1.4.1.3`]: { hash: 'sha256', kind: 'ecdsa-plain' },
  [`${BSI_DE}.1.1.4.1.4`]: { hash: 'sha384', kind: 'ecdsa-plain' },
  [`${BSI_DE}.1.1.4.1.5`]: { hash: 'sha512', kind: 'ecdsa-plain' },
};
