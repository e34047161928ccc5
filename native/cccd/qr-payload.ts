/**
 * Parser for the QR code on the CCCD gắn chip (TT 06/2021/TT-BCA) and the thẻ căn cước
 * (TT 16/2024/TT-BCA): 7 `|`-separated fields — ID, old 9-digit ID or empty, name, DOB ddMMyyyy,
 * Nam/Nữ, address, issue date ddMMyyyy (cccd-formats.md §1.2). Pure: bytes in, record or error out.
 *
 * Codes only, no messages: `native/` knows nothing of the app's languages. Callers attach the
 * Vietnamese/English text from the API error catalogue (electron/services/intake/qr-result.ts).
 */
import { describeIdNumber, isIdNumberShape } from './id-number';
import {
  classifyUnpiped,
  isUrlLike,
  looksLikeCovidPass,
  NAME_PATTERN,
  VNEID_HINT,
} from './look-alikes';
import { decodeScannerBytes } from './text-decoding';

export const QR_ERROR_CODES = [
  'QR_EMPTY',
  'QR_TOO_LONG',
  'QR_NOT_CCCD',
  'QR_VNEID_TOKEN',
  'QR_COVID_PASS',
  'QR_URL',
  'QR_FIELD_COUNT',
  'QR_ID_INVALID',
  'QR_OLD_ID_INVALID',
  'QR_NAME_INVALID',
  'QR_DATE_INVALID',
  'QR_SEX_INVALID',
  'QR_ENCODING',
] as const;
export type QrErrorCode = (typeof QR_ERROR_CODES)[number];

export const QR_WARNING_CODES = [
  'ID_PROVINCE_UNKNOWN',
  'ID_CENTURY_MISMATCH',
  'ID_SEX_MISMATCH',
  'QR_MOJIBAKE_REPAIRED',
  'QR_EXTRA_FIELDS',
] as const;
export type QrWarningCode = (typeof QR_WARNING_CODES)[number];

export interface QrCitizen {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string; // YYYY-MM-DD
  sex: 'male' | 'female';
  address: string;
  issueDate: string; // YYYY-MM-DD
  extraFields: string[];
}

export interface QrIssue<C extends string> {
  code: C;
  /** Which field, when the problem is in one (1-based, as in cccd-formats.md). */
  field?: number;
}

export type QrParseResult =
  | { ok: true; citizen: QrCitizen; warnings: QrIssue<QrWarningCode>[] }
  | { ok: false; error: QrIssue<QrErrorCode> };

export interface QrParseOptions {
  /** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD; a birth or issue date after it is impossible. */
  today?: string;
}

/** The QR of a card holds well under 300 bytes; anything past 1 KiB is some other code. */
export const QR_MAX_BYTES = 1024;

const FIELD_COUNT = 7;
const OLD_ID = /^\d{9}$/;
// A truncated card payload still starts with something shaped like an ID number.
const ID_ISH = /^\d{9,13}$/;
const CARD_START = /^\d{12}\|/;
const utf8 = new TextEncoder();

function fail(code: QrErrorCode, field?: number): QrParseResult {
  return { ok: false, error: field === undefined ? { code } : { code, field } };
}

function todayInVietnam(): string {
  // Vietnam has used UTC+7 without daylight saving since 1975.
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ddMMyyyy → YYYY-MM-DD, or null for anything that is not a real calendar day. */
export function parseDdMmYyyy(value: string): string | null {
  // Plain arithmetic on char codes, no Date: the parse budget is 200k payloads/s on one core.
  if (value.length !== 8) return null;
  const d = new Array<number>(8);
  for (let i = 0; i < 8; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    d[i] = c;
  }
  const day = d[0]! * 10 + d[1]!;
  const month = d[2]! * 10 + d[3]!;
  const year = d[4]! * 1000 + d[5]! * 100 + d[6]! * 10 + d[7]!;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > daysInMonth) return null;
  return `${value.slice(4, 8)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
}

const SEX_WORDS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['nam', 'male'],
  ['nữ', 'female'],
]);

function parseSex(value: string): 'male' | 'female' | null {
  // Vietnamese has no locale-specific case rules for these letters: toLowerCase is exact here.
  return SEX_WORDS.get(value.toLowerCase()) ?? null;
}

/**
 * NAME_PATTERN, with a fast path for what Vietnamese names are made of (ASCII letters, Latin-1
 * and Latin Extended letters, Latin Extended Additional ạ…ỹ, spaces): the Unicode-property
 * regex only runs for anything else.
 */
export function isNameText(name: string): boolean {
  const first = name.charCodeAt(0);
  if (first === 0x20 || first === 0x2e || first === 0x27 || first === 0x2d) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const plain =
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      c === 0x20 ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
      (c >= 0x1e00 && c <= 0x1eff);
    if (!plain) return NAME_PATTERN.test(name);
  }
  return true;
}

const EXTRA_SPACE = /\s{2,}|[\t\n\r\f\v\u00a0]/;
/** Runs of white space become one space (most payloads have none, so test before replacing). */
function collapseSpaces(text: string): string {
  return EXTRA_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Splits into fields; one trailing `|` (seen on some readers) is not a field. */
function splitFields(text: string): string[] {
  const fields = text.split('|').map((f) => f.trim());
  if (fields.length > FIELD_COUNT && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** Parses the raw bytes a scanner delivered (or a string, taken as its UTF-8 bytes). */
export function parseCccdQr(
  input: Uint8Array | string,
  options: QrParseOptions = {},
): QrParseResult {
  const bytes = typeof input === 'string' ? utf8.encode(input) : input;
  if (bytes.length > QR_MAX_BYTES) return fail('QR_TOO_LONG');
  const decoded = decodeScannerBytes(bytes);
  if (!decoded.ok) return fail('QR_ENCODING');
  const text = decoded.text; // trimmed: scanners append CR, LF or both; wedges add spaces
  if (text.length === 0) return fail('QR_EMPTY');
  if (!text.includes('|')) return fail(classifyUnpiped(text));
  // A card payload starts with its 12-digit ID: no link or app token does, so skip those scans.
  if (!CARD_START.test(text)) {
    if (VNEID_HINT.test(text)) return fail('QR_VNEID_TOKEN');
    if (isUrlLike(text)) return fail('QR_URL');
  }

  const fields = splitFields(text);
  if (looksLikeCovidPass(fields)) return fail('QR_COVID_PASS');
  if (fields.length < FIELD_COUNT) {
    return fail(ID_ISH.test(fields[0]!) ? 'QR_FIELD_COUNT' : 'QR_NOT_CCCD');
  }
  return validateFields(fields, options.today ?? todayInVietnam(), decoded.repaired);
}

function validateFields(fields: string[], today: string, repaired: boolean): QrParseResult {
  const [id, oldId, name, dob, sexText, address, issued] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!isIdNumberShape(id)) {
    // A pipe record whose first field is not an ID at all is some other system's code.
    return fail(/\d/.test(id) ? 'QR_ID_INVALID' : 'QR_NOT_CCCD', 1);
  }
  if (oldId !== '' && !OLD_ID.test(oldId)) return fail('QR_OLD_ID_INVALID', 2);
  const fullName = collapseSpaces(name);
  if (fullName.length === 0 || fullName.length > 100 || !isNameText(fullName)) {
    return fail('QR_NAME_INVALID', 3);
  }
  const dateOfBirth = parseDdMmYyyy(dob);
  if (dateOfBirth === null || dateOfBirth > today) return fail('QR_DATE_INVALID', 4);
  const sex = parseSex(sexText);
  if (sex === null) return fail('QR_SEX_INVALID', 5);
  const issueDate = parseDdMmYyyy(issued);
  if (issueDate === null || issueDate > today || issueDate < dateOfBirth) {
    return fail('QR_DATE_INVALID', 7);
  }

  const warnings: QrIssue<QrWarningCode>[] = [];
  if (repaired) warnings.push({ code: 'QR_MOJIBAKE_REPAIRED' });
  const extraFields = fields.slice(FIELD_COUNT);
  if (extraFields.length > 0) warnings.push({ code: 'QR_EXTRA_FIELDS', field: FIELD_COUNT + 1 });
  const facts = describeIdNumber(id);
  if (facts.provinceName === null) warnings.push({ code: 'ID_PROVINCE_UNKNOWN', field: 1 });
  if (facts.birthYear !== Number(dateOfBirth.slice(0, 4))) {
    warnings.push({ code: 'ID_CENTURY_MISMATCH', field: 1 });
  }
  if (facts.sex !== sex) warnings.push({ code: 'ID_SEX_MISMATCH', field: 1 });

  return {
    ok: true,
    citizen: {
      idNumber: id,
      oldIdNumber: oldId === '' ? null : oldId,
      fullName,
      dateOfBirth,
      sex,
      address: collapseSpaces(address),
      issueDate,
      extraFields,
    },
    warnings,
  };
}
