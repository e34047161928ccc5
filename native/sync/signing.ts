/**
 * Ed25519 signatures for the sync protocol (RFC 8032 through node:crypto). Messages are
 * domain-separated by a context line, so a signed batch can never be replayed as an enrollment or
 * a key rotation (docs/sync-protocol.md §4).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export type SignatureContext = 'batch' | 'enroll' | 'rotate' | 'rotate-new-key';

const CONTEXT_PREFIX = 'motcua-sync/1 ';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4); the raw key follows. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface OfficeKeyPair {
  /** Base64 of the raw 32-byte public key: what the hub stores and the admin may import. */
  publicKey: string;
  /** PKCS#8 PEM; stays on the workstation, in a file only its user can read. */
  privateKeyPem: string;
}

export function generateOfficeKeyPair(): OfficeKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length);
}

/** The raw key from base64, or null when it is not 32 bytes of canonical base64. */
export function decodePublicKey(base64: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(base64)) return null;
  const raw = Buffer.from(base64, 'base64');
  return raw.length === 32 ? raw : null;
}

export function publicKeyObject(base64: string): KeyObject | null {
  const raw = decodePublicKey(base64);
  if (!raw) return null;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export function privateKeyObject(pem: string): KeyObject {
  return createPrivateKey(pem);
}

export function publicKeyOfPrivate(pem: string): string {
  return rawPublicKey(createPublicKey(createPrivateKey(pem))).toString('base64');
}

/** A short stable identifier of a public key: base64url(SHA-256(raw key)), 22 characters. */
export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256')
    .update(Buffer.from(publicKeyBase64, 'base64'))
    .digest('base64url')
    .slice(0, 22);
}

/** SHA-256 of the raw key as grouped hex, for reading aloud over the phone when importing it. */
export function keyFingerprint(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
  return (hex.slice(0, 32).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

function message(context: SignatureContext, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${CONTEXT_PREFIX}${context}\n`, 'utf8'), body]);
}

/** Base64 Ed25519 signature over the context line and the exact body bytes. */
export function signBody(
  context: SignatureContext,
  body: Uint8Array,
  privateKey: KeyObject | string,
): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return sign(null, message(context, body), key).toString('base64');
}

/** Never throws: a malformed signature or key is simply not valid. */
export function verifyBody(
  context: SignatureContext,
  body: Uint8Array,
  signatureBase64: string,
  publicKey: KeyObject | string,
): boolean {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(signatureBase64)) return false;
  const key = typeof publicKey === 'string' ? publicKeyObject(publicKey) : publicKey;
  if (!key) return false;
  try {
    return verify(null, message(context, body), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
