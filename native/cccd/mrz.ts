/**
 * The TD1 machine-readable zone on the back of the ID card (ICAO 9303-5; Vietnamese layout in
 * cccd-formats.md §4): line 1 = ID, VNM, document number (last 9 digits of the ID) + check,
 * optional data holding the full 12-digit ID; line 2 = birth date, sex, expiry, nationality,
 * composite check; line 3 = name. Pure: text in, fields or a code out.
 */

export type MrzErrorCode = 'MRZ_LENGTH' | 'MRZ_CHARSET' | 'MRZ_CHECK_DIGIT' | 'MRZ_DATE';

export interface Td1Mrz {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  optionalData1: string;
  birthDate: string; // YYMMDD as printed
  sex: 'M' | 'F' | '<';
  expiryDate: string; // YYMMDD, or '<<<<<<' when not printed
  nationality: string;
  optionalData2: string;
  /** Surname and given names, '<' turned to spaces. */
  name: string;
  /** The 12-digit personal ID when the optional data holds it (Vietnamese cards). */
  idNumber: string | null;
  lines: [string, string, string];
}

export type MrzResult =
  { ok: true; mrz: Td1Mrz } | { ok: false; error: { code: MrzErrorCode; field?: string } };

const WEIGHTS = [7, 3, 1];

function charValue(ch: string): number {
  if (ch === '<') return 0;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** ICAO 9303-3 §4.9: weights 7-3-1, digits as values, A–Z as 10–35, '<' as 0, sum mod 10. */
export function checkDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const v = charValue(text[i]!);
    if (v < 0) return -1;
    sum += v * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

function digitOk(field: string, check: string): boolean {
  return check === String(checkDigit(field)) || (check === '<' && /^<+$/.test(field));
}

function validYymmdd(text: string): boolean {
  if (!/^\d{6}$/.test(text)) return false;
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Accepts the three lines joined, or separated by newlines/spaces; lower case is upper-cased. */
export function parseTd1(input: string): MrzResult {
  const text = input.toUpperCase().replace(/[\s\r\n]+/g, '');
  if (text.length !== 90) return { ok: false, error: { code: 'MRZ_LENGTH' } };
  if (!/^[A-Z0-9<]+$/.test(text)) return { ok: false, error: { code: 'MRZ_CHARSET' } };
  const l1 = text.slice(0, 30);
  const l2 = text.slice(30, 60);
  const l3 = text.slice(60, 90);
  const docNo = l1.slice(5, 14);
  if (!digitOk(docNo, l1[14]!))
    return { ok: false, error: { code: 'MRZ_CHECK_DIGIT', field: 'documentNumber' } };
  const birth = l2.slice(0, 6);
  const expiry = l2.slice(8, 14);
  if (!validYymmdd(birth)) return { ok: false, error: { code: 'MRZ_DATE', field: 'birthDate' } };
  if (!digitOk(birth, l2[6]!))
    return { ok: false, error: { code: 'MRZ_CHECK_DIGIT', field: 'birthDate' } };
  if (expiry !== '<<<<<<' && !validYymmdd(expiry))
    return { ok: false, error: { code: 'MRZ_DATE', field: 'expiryDate' } };
  if (!digitOk(expiry, l2[14]!))
    return { ok: false, error: { code: 'MRZ_CHECK_DIGIT', field: 'expiryDate' } };
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  if (l2[29] !== String(checkDigit(composite)))
    return { ok: false, error: { code: 'MRZ_CHECK_DIGIT', field: 'composite' } };
  const optional1 = l1.slice(15, 30);
  const idMatch = /^(\d{12})<*\d?$/.exec(optional1) ?? /^(\d{12})/.exec(optional1);
  const sexChar = l2[7]!;
  return {
    ok: true,
    mrz: {
      documentCode: l1.slice(0, 2).replace(/<+$/, ''),
      issuingState: l1.slice(2, 5),
      documentNumber: docNo.replace(/<+$/, ''),
      optionalData1: optional1,
      birthDate: birth,
      sex: sexChar === 'M' || sexChar === 'F' ? sexChar : '<',
      expiryDate: expiry,
      nationality: l2.slice(15, 18),
      optionalData2: l2.slice(18, 29),
      name: l3
        .replace(/<+$/, '')
        .split('<<')
        .map((part) => part.replace(/</g, ' ').trim())
        .filter(Boolean)
        .join(', '),
      idNumber: idMatch ? idMatch[1]! : null,
      lines: [l1, l2, l3],
    },
  };
}

/**
 * The BAC / PACE-MRZ key input (ICAO 9303-11 §9.7.2 / §4.4.1): document number padded to 9 with
 * '<', birth date and expiry, each followed by its check digit.
 */
export function mrzKeyInfo(documentNumber: string, birthDate: string, expiryDate: string): string {
  const doc = documentNumber.length < 9 ? documentNumber.padEnd(9, '<') : documentNumber;
  return `${doc}${checkDigit(doc)}${birthDate}${checkDigit(birthDate)}${expiryDate}${checkDigit(expiryDate)}`;
}
