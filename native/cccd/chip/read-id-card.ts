/**
 * The whole read of a Vietnamese ID card chip over an APDU link: access control (PACE with the
 * CAN or MRZ, else BAC), the files, Chip Authentication when DG14 offers it, Active Authentication
 * when DG15 is present. Returns the raw files and the protocol outcomes; verification and parsing
 * are separate pure steps (verify-read.ts, chip-record.ts).
 */
import { ChipError } from './chip-error';
import { SW, swHex } from './apdu';
import {
  performBac,
  performPace,
  readCardAccess,
  systemRandom,
  type ProtocolRandom,
} from './access-control';
import { performChipAuth, planChipAuth } from './chip-auth';
import { internalAuthenticate } from './active-auth';
import { dgFileId, FILE_ID, parseEfCom } from './lds';
import type { PacePassword } from './pace';
import { choosePace, parseDg14, type SecurityInfo } from './security-infos';
import { ChipSession, type ApduLink } from './session';
import { mrzKeyInfo } from '../mrz';

export type AccessKey =
  | { kind: 'can'; can: string }
  | { kind: 'mrz'; documentNumber: string; birthDate: string; expiryDate: string };

export type ReadStep = 'access' | 'files' | 'chip-auth' | 'active-auth';

export interface ReadProgress {
  step: ReadStep;
  file?: string;
  bytesRead?: number;
  bytesTotal?: number;
  apdus: number;
}

export interface ReadOptions {
  key: AccessKey;
  /** Data groups to read besides EF.COM and EF.SOD (DG14/DG15 are added when listed). */
  dataGroups?: readonly number[];
  extendedLength: boolean;
  random?: ProtocolRandom;
  onProgress?: (progress: ReadProgress) => void;
  cancelled?: () => boolean;
}

export type ProtocolOutcome =
  { status: 'pass' } | { status: 'fail'; reason: string } | { status: 'not_done'; reason: string };

export interface RawRead {
  method: 'pace' | 'bac';
  cardAccess: Buffer | null;
  com: Buffer | null;
  sod: Buffer | null;
  /** Data group number → file bytes, for every group read. */
  groups: Map<number, Buffer>;
  /** Listed in EF.COM but refused by the chip (DG3 fingerprints need EAC terminal auth). */
  denied: number[];
  /** Listed in EF.COM but absent on the chip. */
  missing: number[];
  chipAuth: ProtocolOutcome;
  /** The chip's signature over our challenge; checked against DG15 by the verification step. */
  activeAuth:
    | { status: 'answered'; challenge: Buffer; signature: Buffer }
    | { status: 'fail'; reason: 'AA_REFUSED'; sw: string }
    | { status: 'not_done'; reason: string };
  apduCount: number;
  bytesRead: number;
}

export const DEFAULT_GROUPS = [1, 2, 13] as const;

function pacePassword(key: AccessKey): PacePassword {
  return key.kind === 'can'
    ? { kind: 'can', can: key.can }
    : { kind: 'mrz', mrzInfo: mrzKeyInfo(key.documentNumber, key.birthDate, key.expiryDate) };
}

export function validateAccessKey(key: AccessKey): void {
  if (key.kind === 'can' && !/^\d{6}$/.test(key.can))
    throw new ChipError('CHIP_ACCESS_KEY_INVALID', { field: 'can' });
  if (key.kind === 'mrz') {
    if (!/^[A-Z0-9<]{1,9}$/.test(key.documentNumber))
      throw new ChipError('CHIP_ACCESS_KEY_INVALID', { field: 'documentNumber' });
    if (!/^\d{6}$/.test(key.birthDate))
      throw new ChipError('CHIP_ACCESS_KEY_INVALID', { field: 'birthDate' });
    if (!/^\d{6}$/.test(key.expiryDate))
      throw new ChipError('CHIP_ACCESS_KEY_INVALID', { field: 'expiryDate' });
  }
}

async function gainAccess(
  session: ChipSession,
  key: AccessKey,
  infos: readonly SecurityInfo[] | null,
  random: ProtocolRandom,
): Promise<'pace' | 'bac'> {
  const pace = infos ? choosePace(infos) : null;
  if (pace) {
    await performPace(session, pace, pacePassword(key), random);
    await session.selectApplication();
    return 'pace';
  }
  if (key.kind === 'can') {
    // Without PACE the CAN is useless: BAC needs the MRZ (expiry is not in the QR).
    throw new ChipError('CHIP_PACE_UNSUPPORTED', {
      reason: 'chip offers only BAC; the MRZ is needed',
    });
  }
  await session.selectApplication();
  await performBac(session, mrzKeyInfo(key.documentNumber, key.birthDate, key.expiryDate), random);
  return 'bac';
}

export async function readIdCard(link: ApduLink, options: ReadOptions): Promise<RawRead> {
  validateAccessKey(options.key);
  const random = options.random ?? systemRandom;
  let apdus = 0;
  const report = (p: Omit<ReadProgress, 'apdus'>) => options.onProgress?.({ ...p, apdus });
  const session = new ChipSession(link, {
    extendedLength: options.extendedLength,
    onApdu: () => {
      apdus += 1;
    },
    ...(options.cancelled ? { cancelled: options.cancelled } : {}),
  });
  report({ step: 'access' });
  const cardAccess = await readCardAccess(session);
  const method = await gainAccess(session, options.key, cardAccess?.infos ?? null, random);

  let bytesRead = 0;
  const read = async (fid: number, name: string): Promise<Buffer | null> => {
    const data = await session.readFile(fid, (done, total) =>
      report({ step: 'files', file: name, bytesRead: bytesRead + done, bytesTotal: total }),
    );
    if (data) bytesRead += data.length;
    return data;
  };

  const com = await read(FILE_ID.COM, 'EF.COM');
  const listed = com
    ? parseEfCom(com).dataGroups
    : [...(options.dataGroups ?? DEFAULT_GROUPS), 14, 15];
  const groups = new Map<number, Buffer>();
  const denied: number[] = [];
  const missing: number[] = [];

  let chipAuth: ProtocolOutcome = { status: 'not_done', reason: 'CA_NOT_OFFERED' };
  if (listed.includes(14)) {
    const dg14 = await read(dgFileId(14), 'DG14');
    if (dg14) {
      groups.set(14, dg14);
      const plan = planChipAuth(parseDg14(dg14));
      if (plan) {
        report({ step: 'chip-auth' });
        try {
          await performChipAuth(session, plan, random);
          // Only the genuine chip can answer under the new keys (TR-03110-1 §3.4: implicit
          // authentication): one protected SELECT proves it before anything else is read.
          await session.selectFile(FILE_ID.COM);
          chipAuth = { status: 'pass' };
        } catch (error) {
          if (
            !(error instanceof ChipError) ||
            error.code === 'CHIP_CARD_REMOVED' ||
            error.code === 'CHIP_CANCELLED'
          )
            throw error;
          chipAuth = {
            status: 'fail',
            reason: error.code === 'CHIP_SM_INVALID' ? 'CA_SM_BROKEN' : 'CA_REFUSED',
          };
          // The session is unusable after a failed CA: open access again to finish reading.
          session.sm = null;
          await gainAccess(session, options.key, cardAccess?.infos ?? null, random);
        }
      }
    }
  }

  const wanted = [
    ...new Set([...(options.dataGroups ?? DEFAULT_GROUPS), ...(listed.includes(15) ? [15] : [])]),
  ]
    .filter((dg) => dg !== 14)
    .sort((a, b) => a - b);
  for (const dg of wanted) {
    if (com && !listed.includes(dg)) continue;
    try {
      const data = await read(dgFileId(dg), `DG${dg}`);
      if (data) groups.set(dg, data);
      else missing.push(dg);
    } catch (error) {
      if (error instanceof ChipError && error.code === 'CHIP_ACCESS_DENIED') denied.push(dg);
      else throw error;
    }
  }
  const sod = await read(FILE_ID.SOD, 'EF.SOD');

  let activeAuth: RawRead['activeAuth'] = { status: 'not_done', reason: 'AA_NOT_OFFERED' };
  if (groups.has(15)) {
    report({ step: 'active-auth' });
    const challenge = random.bytes(8);
    const r = await session.send(internalAuthenticate(challenge));
    activeAuth =
      r.sw === SW.OK && r.data.length > 0
        ? { status: 'answered', challenge, signature: r.data }
        : { status: 'fail', reason: 'AA_REFUSED', sw: swHex(r.sw) };
  }
  return {
    method,
    cardAccess: cardAccess?.raw ?? null,
    com,
    sod,
    groups,
    denied,
    missing,
    chipAuth,
    activeAuth,
    apduCount: apdus,
    bytesRead,
  };
}
