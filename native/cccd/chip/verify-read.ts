/**
 * The verdict on a read: Passive Authentication (data intact and signed by a trusted issuer) plus
 * clone detection (Chip Authentication or Active Authentication). "genuine" needs all three; a
 * signature we cannot chain to a trusted CSCA gives "issuer_not_verified", never "genuine".
 */
import type { X509Certificate } from 'node:crypto';
import { verifyActiveAuth } from './active-auth';
import { ChipError } from './chip-error';
import { passiveAuthentication, type Check, type PassiveResult } from './passive-auth';
import { parseDg14 } from './security-infos';
import type { RawRead } from './read-id-card';

export type Verdict = 'genuine' | 'issuer_not_verified' | 'clone_not_checked' | 'not_genuine';

export interface Verification extends PassiveResult {
  verdict: Verdict;
}

function activeAuthCheck(read: RawRead): Check {
  const aa = read.activeAuth;
  if (aa.status === 'not_done') return { id: 'ACTIVE_AUTH', status: 'not_done', reason: aa.reason };
  if (aa.status === 'fail') return { id: 'ACTIVE_AUTH', status: 'fail', reason: aa.reason };
  const dg15 = read.groups.get(15);
  if (!dg15) return { id: 'ACTIVE_AUTH', status: 'not_done', reason: 'AA_NOT_OFFERED' };
  let algorithm: string | null = null;
  const dg14 = read.groups.get(14);
  if (dg14) {
    try {
      const aaInfo = parseDg14(dg14).find((i) => i.kind === 'aa');
      if (aaInfo?.kind === 'aa') algorithm = aaInfo.signatureAlgorithm;
    } catch (error) {
      if (!(error instanceof ChipError)) throw error;
    }
  }
  try {
    return verifyActiveAuth(dg15, aa.challenge, aa.signature, algorithm)
      ? { id: 'ACTIVE_AUTH', status: 'pass', reason: 'AA_SIGNATURE_VALID' }
      : { id: 'ACTIVE_AUTH', status: 'fail', reason: 'AA_SIGNATURE_INVALID' };
  } catch (error) {
    if (!(error instanceof ChipError)) throw error;
    return { id: 'ACTIVE_AUTH', status: 'fail', reason: 'AA_KEY_UNREADABLE' };
  }
}

function chipAuthCheck(read: RawRead): Check {
  const ca = read.chipAuth;
  return ca.status === 'pass'
    ? { id: 'CHIP_AUTH', status: 'pass', reason: 'CA_PASSED' }
    : { id: 'CHIP_AUTH', status: ca.status, reason: ca.reason };
}

export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'not_genuine';
  const trusted = checks.some((c) => c.id === 'ISSUER_TRUST' && c.status === 'pass');
  const signed = checks.some((c) => c.id === 'SOD_SIGNATURE' && c.status === 'pass');
  const hashes = checks.some((c) => c.id === 'DG_HASHES' && c.status === 'pass');
  if (!signed || !hashes) return 'not_genuine';
  if (!trusted) return 'issuer_not_verified';
  const cloneChecked = checks.some(
    (c) => (c.id === 'CHIP_AUTH' || c.id === 'ACTIVE_AUTH') && c.status === 'pass',
  );
  return cloneChecked ? 'genuine' : 'clone_not_checked';
}

export function verifyRead(
  read: RawRead,
  anchors: readonly X509Certificate[],
  now: number,
): Verification {
  const passive = passiveAuthentication(read.sod, read.groups, anchors, now);
  const checks = [...passive.checks, chipAuthCheck(read), activeAuthCheck(read)];
  return { ...passive, checks, verdict: verdictOf(checks) };
}
