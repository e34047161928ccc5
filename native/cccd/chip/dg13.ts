/**
 * DG13 of the Vietnamese ID card: the citizen's full record (cccd-formats.md §3.3, reverse-
 * engineered). 6D { SEQUENCE { INTEGER version, OID, SET { entries } } } where each entry is
 * SEQUENCE { INTEGER n, value… }. Fields are indexed by n, never by position; any may be absent.
 * Field 13 (parents) is nested two ways in the wild — each name in its own SEQUENCE, or both in
 * one — so the text strings inside it are collected in order: father, then mother.
 */
import { DER, isTextTag, readText } from './asn1';
import { ChipError } from './chip-error';
import { bigintFromBytes } from './bytes';
import { readSingleTlv, readTlvList, type Tlv } from './tlv';

export interface Dg13Date {
  /** YYYY-MM-DD when the text is a dd/MM/yyyy date, else null (e.g. "Không thời hạn"). */
  date: string | null;
  text: string;
}

export interface Dg13Record {
  idNumber: string | null;
  fullName: string | null;
  dateOfBirth: Dg13Date | null;
  sex: 'male' | 'female' | null;
  sexText: string | null;
  nationality: string | null;
  ethnicity: string | null;
  religion: string | null;
  hometown: string | null;
  residence: string | null;
  identifyingMarks: string | null;
  issueDate: Dg13Date | null;
  expiry: Dg13Date | null;
  fatherName: string | null;
  motherName: string | null;
  spouseName: string | null;
  oldIdNumber: string | null;
  /** Field 16: meaning unknown (cccd-formats.md §3.3), kept verbatim. */
  field16: string | null;
  /** Field numbers present but not in the table, with their text. */
  otherFields: Record<string, string>;
}

const DDMMYYYY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function parseDg13Date(text: string): Dg13Date {
  const trimmed = text.trim();
  const m = DDMMYYYY.exec(trimmed);
  if (!m) return { date: null, text: trimmed };
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const valid = mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return {
    date: valid ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null,
    text: trimmed,
  };
}

/** Every text string inside `tlvs`, depth first, in order. */
function texts(tlvs: readonly Tlv[]): string[] {
  const out: string[] = [];
  for (const t of tlvs) {
    if (isTextTag(t.tag)) out.push(readText(t).trim());
    else if (t.constructed) out.push(...texts(readTlvList(t.value)));
  }
  return out;
}

/** An entry is SEQUENCE { INTEGER n (1..99), anything but an OID }; the version header is not. */
function entryNumber(seq: Tlv): { n: number; rest: Tlv[] } | null {
  if (seq.tag !== DER.SEQUENCE) return null;
  const parts = readTlvList(seq.value);
  const first = parts[0];
  if (!first || first.tag !== DER.INTEGER || first.value.length > 2) return null;
  if (parts[1]?.tag === DER.OID) return null;
  const n = Number(bigintFromBytes(first.value));
  return n >= 1 && n <= 99 ? { n, rest: parts.slice(1) } : null;
}

function collectEntries(tlvs: readonly Tlv[], into: Map<number, Tlv[]>): void {
  for (const t of tlvs) {
    const entry = entryNumber(t);
    if (entry) {
      if (!into.has(entry.n)) into.set(entry.n, entry.rest);
    } else if (t.constructed) {
      collectEntries(readTlvList(t.value), into);
    }
  }
}

export function parseDg13(bytes: Uint8Array): Dg13Record {
  try {
    return readDg13(bytes);
  } catch (error) {
    if (error instanceof ChipError && error.code !== 'CHIP_LENGTH_OVERSIZED') {
      throw new ChipError('CHIP_DG_MALFORMED', { file: 'DG13', ...error.details });
    }
    throw error;
  }
}

function readDg13(bytes: Uint8Array): Dg13Record {
  const dg = readSingleTlv(bytes, 0x6d);
  const entries = new Map<number, Tlv[]>();
  collectEntries(readTlvList(dg.value), entries);
  const text = (n: number): string | null => {
    const value = entries.get(n);
    if (!value) return null;
    const found = texts(value);
    return found.length > 0 ? found.join(' ') : null;
  };
  const date = (n: number): Dg13Date | null => {
    const t = text(n);
    return t === null ? null : parseDg13Date(t);
  };
  const sexText = text(4);
  const parents = entries.has(13) ? texts(entries.get(13)!) : [];
  const spouse = entries.has(14) ? texts(entries.get(14)!) : [];
  const known = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  const otherFields: Record<string, string> = {};
  for (const n of entries.keys()) {
    if (!known.has(n)) otherFields[String(n)] = text(n) ?? '';
  }
  const normalizedSex = sexText?.normalize('NFC').toLowerCase();
  return {
    idNumber: text(1),
    fullName: text(2)?.normalize('NFC') ?? null,
    dateOfBirth: date(3),
    sex: normalizedSex === 'nam' ? 'male' : normalizedSex === 'nữ' ? 'female' : null,
    sexText,
    nationality: text(5),
    ethnicity: text(6),
    religion: text(7),
    hometown: text(8),
    residence: text(9),
    identifyingMarks: text(10),
    issueDate: date(11),
    expiry: date(12),
    fatherName: parents[0] || null,
    motherName: parents[1] || null,
    spouseName: spouse.filter(Boolean).join(' ') || null,
    oldIdNumber: text(15),
    field16: text(16),
    otherFields,
  };
}
