/**
 * Turns a raw chip read, its verification and the parsed record into the contract's answer:
 * the citizen fields, the verdict with one reason per check, the photo and the QR comparison.
 */
import {
  buildChipRecord,
  compareWithQr,
  type ChipRecord,
} from '../../../native/cccd/chip/chip-record';
import { parseEfCom } from '../../../native/cccd/chip/lds';
import type { RawRead } from '../../../native/cccd/chip/read-id-card';
import type { Verification } from '../../../native/cccd/chip/verify-read';
import type { ChipCitizen, ChipReadResult } from '../../api/calls/chip';
import type { Citizen, Warning } from '../../api/schemas';
import { warningMessage, type WarningCode } from '../../api/warnings';
import { displayPhoto } from './photo';

export function warning(code: WarningCode): Warning {
  return { code, message: warningMessage(code) };
}

export function citizenFromRecord(record: ChipRecord): ChipCitizen {
  const d = record.dg13;
  const mrzSex = record.mrz?.sex === 'M' ? 'male' : record.mrz?.sex === 'F' ? 'female' : null;
  return {
    idNumber: d?.idNumber ?? record.mrz?.idNumber ?? null,
    fullName: d?.fullName ?? null,
    dateOfBirth: d?.dateOfBirth?.date ?? null,
    dateOfBirthText: d?.dateOfBirth?.text ?? null,
    sex: d?.sex ?? mrzSex,
    nationality: d?.nationality ?? null,
    ethnicity: d?.ethnicity ?? null,
    religion: d?.religion ?? null,
    hometown: d?.hometown ?? null,
    residence: d?.residence ?? null,
    identifyingMarks: d?.identifyingMarks ?? null,
    issueDate: d?.issueDate?.date ?? null,
    expiryDate: d?.expiry?.date ?? null,
    expiryText: d?.expiry?.text ?? null,
    fatherName: d?.fatherName ?? null,
    motherName: d?.motherName ?? null,
    spouseName: d?.spouseName ?? null,
    oldIdNumber: d?.oldIdNumber ?? null,
  };
}

export async function buildReadResult(
  read: RawRead,
  verification: Verification,
  context: {
    source: string;
    durationMs: number;
    qr: Citizen | undefined;
    keyFailuresBefore: number;
  },
): Promise<Omit<ChipReadResult, 'readId'>> {
  const record = buildChipRecord(read.groups);
  const warnings: Warning[] = [];
  const disagreements = context.qr ? compareWithQr(record, context.qr) : [];
  if (disagreements.some((d) => d.field === 'idNumber')) warnings.push(warning('CHIP_ID_DIFFERS'));
  else if (disagreements.length > 0) warnings.push(warning('CHIP_QR_MISMATCH'));
  if (read.denied.length > 0) warnings.push(warning('CHIP_DG_DENIED'));
  if (record.problems.length > 0) warnings.push(warning('CHIP_DG_UNREADABLE'));
  if (read.com && parseEfCom(read.com).unknownTags.length > 0)
    warnings.push(warning('CHIP_UNKNOWN_GROUPS'));
  if (context.keyFailuresBefore > 0) warnings.push(warning('CHIP_KEY_FAILURES'));
  let photo: ChipReadResult['photo'] = null;
  if (record.photo) {
    try {
      photo = await displayPhoto(record.photo);
    } catch {
      warnings.push(warning('CHIP_PHOTO_UNREADABLE'));
    }
  }
  return {
    source: context.source,
    method: read.method,
    durationMs: Math.round(context.durationMs),
    apduCount: read.apduCount,
    bytesRead: read.bytesRead,
    verdict: verification.verdict,
    checks: verification.checks,
    documentSigner: verification.documentSigner,
    trustAnchor: verification.trustAnchor,
    citizen: citizenFromRecord(record),
    mrz: record.mrz
      ? {
          documentNumber: record.mrz.documentNumber,
          birthDate: record.mrz.birthDate,
          expiryDate: record.mrz.expiryDate,
          name: record.mrz.name,
        }
      : null,
    photo,
    disagreements,
    warnings,
  };
}
