/**
 * Passive Authentication (ICAO 9303-11 §5.1; 9303-12): every data group read must hash to the
 * value in EF.SOD; the SOD's signature must verify with its Document Signer certificate; that
 * certificate must be signed by a CSCA of the configured trust store. Vietnam's CSCA is not in
 * the public ICAO PKD (cccd-formats.md §3.4), so "issuer unknown" is an expected, honest outcome.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { bytesEqual } from './bytes';
import { ChipError } from './chip-error';
import { ID_MESSAGE_DIGEST } from './oids';
import { digest, hashName, verifySignature } from './signatures';
import { parseSod, type SecurityObject } from './sod';
import type { SignerInfo } from './cms';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not_done';

export interface Check {
  id:
    'DG_HASHES' | 'SOD_SIGNATURE' | 'ISSUER_TRUST' | 'CERT_VALIDITY' | 'CHIP_AUTH' | 'ACTIVE_AUTH';
  status: CheckStatus;
  /** Stable reason code (messages live in the app's catalogue). */
  reason: string;
  detail?: Record<string, string | number | boolean | number[]>;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

export interface PassiveResult {
  checks: Check[];
  documentSigner: CertificateSummary | null;
  trustAnchor: CertificateSummary | null;
}

export function summarise(cert: X509Certificate): CertificateSummary {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256.replace(/:/g, ''),
  };
}

export function hashChecks(sod: SecurityObject, groups: ReadonlyMap<number, Uint8Array>): Check {
  const mismatched: number[] = [];
  const unlisted: number[] = [];
  for (const [dg, bytes] of groups) {
    const expected = sod.hashes.get(dg);
    if (!expected) unlisted.push(dg);
    else if (!bytesEqual(createHash(sod.hashAlgorithm).update(bytes).digest(), expected))
      mismatched.push(dg);
  }
  if (mismatched.length > 0)
    return {
      id: 'DG_HASHES',
      status: 'fail',
      reason: 'HASH_MISMATCH',
      detail: { dataGroups: mismatched },
    };
  if (unlisted.length > 0)
    return {
      id: 'DG_HASHES',
      status: 'fail',
      reason: 'HASH_MISSING',
      detail: { dataGroups: unlisted },
    };
  return {
    id: 'DG_HASHES',
    status: 'pass',
    reason: 'HASHES_MATCH',
    detail: { dataGroups: [...groups.keys()] },
  };
}

function serialHex(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('hex')
    .replace(/^(00)+(?=.)/, '')
    .toUpperCase();
}

function findSignerCertificate(sod: SecurityObject, signer: SignerInfo): X509Certificate | null {
  const certs = sod.signedData.certificates.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  if (signer.issuerAndSerial) {
    const serial = serialHex(signer.issuerAndSerial.serial);
    const match = certs.find(
      (c) => c.serialNumber.replace(/^(00)+(?=.)/, '').toUpperCase() === serial,
    );
    if (match) return match;
  }
  return certs.length === 1 ? certs[0]! : null;
}

function signatureCheck(sod: SecurityObject, signer: SignerInfo, ds: X509Certificate): Check {
  const hash = hashName(signer.digestAlgorithm);
  if (!hash)
    return {
      id: 'SOD_SIGNATURE',
      status: 'fail',
      reason: 'ALGORITHM_UNSUPPORTED',
      detail: { oid: signer.digestAlgorithm.oid },
    };
  let signed: Buffer = sod.signedData.content;
  if (signer.signedAttributes) {
    const md = signer.attributes.get(ID_MESSAGE_DIGEST)?.[0]?.value;
    if (!md || !bytesEqual(md, digest(hash, sod.signedData.content))) {
      return { id: 'SOD_SIGNATURE', status: 'fail', reason: 'MESSAGE_DIGEST_MISMATCH' };
    }
    signed = signer.signedAttributes;
  }
  const ok = verifySignature(
    signer.signatureAlgorithm,
    hash,
    signed,
    signer.signature,
    ds.publicKey,
  );
  if (ok === null)
    return {
      id: 'SOD_SIGNATURE',
      status: 'fail',
      reason: 'ALGORITHM_UNSUPPORTED',
      detail: { oid: signer.signatureAlgorithm.oid },
    };
  return ok
    ? { id: 'SOD_SIGNATURE', status: 'pass', reason: 'SIGNATURE_VALID' }
    : { id: 'SOD_SIGNATURE', status: 'fail', reason: 'SIGNATURE_INVALID' };
}

/**
 * The trust anchor that issued `ds`: names must chain (checkIssued) and the signature verify.
 * A CSCA whose name matches but whose signature fails is a forgery signal, not "unknown".
 */
function trustCheck(
  ds: X509Certificate,
  anchors: readonly X509Certificate[],
): { check: Check; anchor: X509Certificate | null } {
  const named = anchors.filter((a) => {
    try {
      return ds.checkIssued(a);
    } catch {
      return false;
    }
  });
  for (const anchor of named) {
    try {
      if (ds.verify(anchor.publicKey))
        return { check: { id: 'ISSUER_TRUST', status: 'pass', reason: 'CSCA_TRUSTED' }, anchor };
    } catch {
      // try the next one with the same name (CSCA key rollover)
    }
  }
  if (named.length > 0)
    return {
      check: { id: 'ISSUER_TRUST', status: 'fail', reason: 'DS_SIGNATURE_INVALID' },
      anchor: null,
    };
  return {
    check: {
      id: 'ISSUER_TRUST',
      status: 'not_done',
      reason: 'CSCA_UNKNOWN',
      detail: { issuer: ds.issuer },
    },
    anchor: null,
  };
}

function validityCheck(now: number, certs: readonly X509Certificate[]): Check {
  const expired = certs.filter((c) => now > Date.parse(c.validTo) || now < Date.parse(c.validFrom));
  return expired.length === 0
    ? { id: 'CERT_VALIDITY', status: 'pass', reason: 'CERTS_VALID' }
    : {
        id: 'CERT_VALIDITY',
        status: 'warn',
        reason: 'CERT_OUTSIDE_VALIDITY',
        detail: { subjects: expired.map((c) => c.subject).join(' | ') },
      };
}

export function passiveAuthentication(
  sodBytes: Uint8Array | null,
  groups: ReadonlyMap<number, Uint8Array>,
  anchors: readonly X509Certificate[],
  now: number,
): PassiveResult {
  if (!sodBytes) {
    return {
      checks: [{ id: 'DG_HASHES', status: 'fail', reason: 'SOD_MISSING' }],
      documentSigner: null,
      trustAnchor: null,
    };
  }
  let sod: SecurityObject;
  try {
    sod = parseSod(sodBytes);
  } catch (error) {
    if (!(error instanceof ChipError)) throw error;
    return {
      checks: [{ id: 'DG_HASHES', status: 'fail', reason: 'SOD_MALFORMED' }],
      documentSigner: null,
      trustAnchor: null,
    };
  }
  const checks: Check[] = [hashChecks(sod, groups)];
  const signer = sod.signedData.signers[0]!;
  const ds = findSignerCertificate(sod, signer);
  if (!ds) {
    checks.push({ id: 'SOD_SIGNATURE', status: 'fail', reason: 'DS_CERT_MISSING' });
    return { checks, documentSigner: null, trustAnchor: null };
  }
  checks.push(signatureCheck(sod, signer, ds));
  const { check, anchor } = trustCheck(ds, anchors);
  checks.push(check);
  checks.push(validityCheck(now, anchor ? [ds, anchor] : [ds]));
  return { checks, documentSigner: summarise(ds), trustAnchor: anchor ? summarise(anchor) : null };
}
