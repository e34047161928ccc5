/**
 * The citizen record built from the chip (DG1 + DG13 + DG2) and its comparison with the QR: the
 * chip is signed, the QR is not, so any disagreement is flagged for the clerk to look at.
 */
import { parseDg1 } from './dg1';
import { parseDg13, type Dg13Record } from './dg13';
import { parseDg2, type FaceImage } from './dg2';
import { ChipError } from './chip-error';
import type { Td1Mrz } from '../mrz';

export interface ChipRecord {
  mrz: Td1Mrz | null;
  dg13: Dg13Record | null;
  photo: FaceImage | null;
  /** Parsing problems of single groups (reported, the rest of the record stays usable). */
  problems: { dataGroup: number; code: string }[];
}

function attempt<T>(
  dg: number,
  bytes: Buffer | undefined,
  parse: (b: Buffer) => T,
  problems: ChipRecord['problems'],
): T | null {
  if (!bytes) return null;
  try {
    return parse(bytes);
  } catch (error) {
    if (!(error instanceof ChipError)) throw error;
    problems.push({ dataGroup: dg, code: error.code });
    return null;
  }
}

export function buildChipRecord(groups: ReadonlyMap<number, Buffer>): ChipRecord {
  const problems: ChipRecord['problems'] = [];
  return {
    mrz: attempt(1, groups.get(1), parseDg1, problems),
    dg13: attempt(13, groups.get(13), parseDg13, problems),
    photo: attempt(2, groups.get(2), parseDg2, problems),
    problems,
  };
}

export interface QrFields {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  issueDate: string | null;
}

export interface Disagreement {
  field: keyof QrFields;
  qr: string | null;
  chip: string | null;
}

/** Compares NFC-normalised, case- and space-insensitively (the QR is mixed case, the chip too). */
function same(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) =>
    (s ?? '').normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export function compareWithQr(record: ChipRecord, qr: QrFields): Disagreement[] {
  const d = record.dg13;
  const chip: Record<keyof QrFields, string | null | undefined> = {
    idNumber: d?.idNumber ?? record.mrz?.idNumber,
    oldIdNumber: d?.oldIdNumber,
    fullName: d?.fullName,
    dateOfBirth: d?.dateOfBirth?.date,
    sex:
      d?.sex ??
      (record.mrz
        ? record.mrz.sex === 'M'
          ? 'male'
          : record.mrz.sex === 'F'
            ? 'female'
            : null
        : null),
    address: d?.residence,
    issueDate: d?.issueDate?.date,
  };
  const out: Disagreement[] = [];
  for (const field of Object.keys(chip) as (keyof QrFields)[]) {
    const chipValue = chip[field];
    if (chipValue === undefined) continue; // the chip has no such field: nothing to compare
    const qrValue = qr[field];
    if (!same(qrValue, chipValue)) out.push({ field, qr: qrValue, chip: chipValue });
  }
  return out;
}
