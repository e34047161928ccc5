import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCccdQr,
  parseDdMmYyyy,
  QR_MAX_BYTES,
  type QrErrorCode,
} from '../../../native/cccd/qr-payload';

const TODAY = '2026-11-24';
const parse = (input: Uint8Array | string) => parseCccdQr(input, { today: TODAY });
// Synthetic sample from cccd-formats.md §1.2 (made up, not a real card).
const VALID =
  '079203000123||Nguyễn Văn An|15052003|Nam|Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, TP. Hồ Chí Minh|01072021';

function errorOf(input: string | Uint8Array): QrErrorCode | null {
  const r = parse(input);
  return r.ok ? null : r.error.code;
}

describe('parseCccdQr: the 7-field record', () => {
  it('reads every field of a valid payload', () => {
    expect(parse(VALID)).toEqual({
      ok: true,
      citizen: {
        idNumber: '079203000123',
        oldIdNumber: null,
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '2003-05-15',
        sex: 'male',
        address: 'Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, TP. Hồ Chí Minh',
        issueDate: '2021-07-01',
        extraFields: [],
      },
      warnings: [],
    });
  });

  it('keeps the old 9-digit CMND number when present', () => {
    const r = parse('001190012345|012345678|Lê Thị Bích|01011990|Nữ|Hà Nội|15042021');
    expect(r.ok && r.citizen.oldIdNumber).toBe('012345678');
    expect(r.ok && r.citizen.sex).toBe('female');
  });

  it.each([
    ['trailing pipe', `${VALID}|`],
    ['CRLF', `${VALID}\r\n`],
    ['LF', `${VALID}\n`],
    ['surrounding spaces', `  ${VALID}  `],
    ['a UTF-8 BOM', `\uFEFF${VALID}`],
  ])('tolerates %s', (_label, payload) => {
    expect(parse(payload)).toMatchObject({ ok: true, warnings: [] });
  });

  it('tolerates a BOM given as bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(VALID)]);
    expect(parse(bytes).ok).toBe(true);
  });

  it('keeps extra trailing fields of the 2024 card, with a warning, never an error', () => {
    const r = parse(`${VALID}|Nguyễn Văn Bình|Trần Thị Cúc|`);
    expect(r).toMatchObject({
      ok: true,
      citizen: { extraFields: ['Nguyễn Văn Bình', 'Trần Thị Cúc'] },
      warnings: [{ code: 'QR_EXTRA_FIELDS' }],
    });
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const r = parse(VALID.normalize('NFD'));
    expect(r.ok && r.citizen.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(r.ok && r.citizen.fullName.length).toBe('Nguyễn Văn An'.normalize('NFC').length);
  });

  it('repairs UTF-8 that was read as Windows-1252, with a warning', () => {
    const mojibake = Buffer.from(VALID, 'utf8').toString('latin1');
    // Bytes 0x80–0x9F become Windows-1252 punctuation in real decoders; rebuild that string.
    const cp1252 = new TextDecoder('windows-1252').decode(Buffer.from(VALID, 'utf8'));
    for (const garbled of [mojibake, cp1252]) {
      const r = parse(garbled);
      expect(r).toMatchObject({
        ok: true,
        citizen: { fullName: 'Nguyễn Văn An' },
        warnings: [{ code: 'QR_MOJIBAKE_REPAIRED' }],
      });
    }
  });
});

describe('parseCccdQr: rejections, each with its own code', () => {
  it.each<[string, string | Uint8Array, QrErrorCode]>([
    ['empty', '', 'QR_EMPTY'],
    ['only whitespace', ' \r\n\t', 'QR_EMPTY'],
    ['too long', 'x'.repeat(QR_MAX_BYTES + 1), 'QR_TOO_LONG'],
    ['not UTF-8', new Uint8Array([0x30, 0x7c, 0xff, 0xfe, 0x7c, 0xc3]), 'QR_ENCODING'],
    ['a URL', 'https://dichvucong.gov.vn/p/home', 'QR_URL'],
    ['a www link', 'www.example.vn', 'QR_URL'],
    ['a URL with pipes', 'https://a.vn/?q=1|2|3|4|5|6|7', 'QR_URL'],
    ['a VNeID link', 'https://vneid.gov.vn/qr?t=abc', 'QR_VNEID_TOKEN'],
    [
      'an opaque token',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'QR_VNEID_TOKEN',
    ],
    ['an EAN-13 barcode', '8934563138165', 'QR_NOT_CCCD'],
    ['plain text', 'Xin chào', 'QR_NOT_CCCD'],
    [
      'the 2021 COVID personal QR',
      '079203000123|Nguyễn Văn An|15/05/2003|CCCD|QID123456|',
      'QR_COVID_PASS',
    ],
    [
      '6 fields without the CMND slot',
      '079203000123|Nguyễn Văn An|15052003|Nam|Hà Nội|01072021',
      'QR_FIELD_COUNT',
    ],
    ['3 fields', '079203000123||Nguyễn Văn An', 'QR_FIELD_COUNT'],
    ['another system’s pipe record', 'SP|Áo|Đỏ|M|120000|VN|2026', 'QR_NOT_CCCD'],
    ['11-digit ID', '07920300012||Nguyễn Văn An|15052003|Nam|HN|01072021', 'QR_ID_INVALID'],
    ['ID with a letter', '07920300012A||Nguyễn Văn An|15052003|Nam|HN|01072021', 'QR_ID_INVALID'],
    [
      '8-digit old ID',
      '079203000123|12345678|Nguyễn Văn An|15052003|Nam|HN|01072021',
      'QR_OLD_ID_INVALID',
    ],
    ['empty name', '079203000123|||15052003|Nam|HN|01072021', 'QR_NAME_INVALID'],
    ['name with digits', '079203000123||Nguyen 2|15052003|Nam|HN|01072021', 'QR_NAME_INVALID'],
    ['31 February', '079203000123||Nguyễn Văn An|31022003|Nam|HN|01072021', 'QR_DATE_INVALID'],
    [
      'slashed birth date',
      '079203000123||Nguyễn Văn An|15/05/2003|Nam|HN|01072021',
      'QR_DATE_INVALID',
    ],
    [
      'birth in the future',
      '079203000123||Nguyễn Văn An|15052099|Nam|HN|01072021',
      'QR_DATE_INVALID',
    ],
    [
      'issued before birth',
      '079203000123||Nguyễn Văn An|15052003|Nam|HN|01072001',
      'QR_DATE_INVALID',
    ],
    [
      'issued in the future',
      '079203000123||Nguyễn Văn An|15052003|Nam|HN|01072030',
      'QR_DATE_INVALID',
    ],
    ['unknown sex', '079203000123||Nguyễn Văn An|15052003|Male|HN|01072021', 'QR_SEX_INVALID'],
    [
      'sex with lost diacritic',
      '079203000123||Nguyen Van An|15052003|N|HN|01072021',
      'QR_SEX_INVALID',
    ],
  ])('%s', (_label, payload, code) => {
    expect(errorOf(payload)).toBe(code);
  });

  it('names the faulty field', () => {
    expect(parse('079203000123||Nguyễn Văn An|31022003|Nam|HN|01072021')).toEqual({
      ok: false,
      error: { code: 'QR_DATE_INVALID', field: 4 },
    });
  });
});

describe('parseCccdQr: warnings from the ID number', () => {
  it('warns on a province code outside TT 07/2016 (post-2025 codes may exist)', () => {
    const r = parse('099203000123||Nguyễn Văn An|15052003|Nam|HN|01072021');
    expect(r).toMatchObject({ ok: true, warnings: [{ code: 'ID_PROVINCE_UNKNOWN' }] });
  });
  it('warns when the century digit and year disagree with the birth date', () => {
    const r = parse('079003000123||Nguyễn Văn An|15052003|Nam|HN|01072021'); // G=0 → 1903
    expect(r).toMatchObject({ ok: true, warnings: [{ code: 'ID_CENTURY_MISMATCH' }] });
  });
  it('warns when the encoded sex disagrees', () => {
    const r = parse('079303000123||Nguyễn Văn An|15052003|Nam|HN|01072021'); // G=3 → female
    expect(r).toMatchObject({ ok: true, warnings: [{ code: 'ID_SEX_MISMATCH' }] });
  });
});

describe('parseDdMmYyyy', () => {
  it.each([
    ['29022024', '2024-02-29'],
    ['29022023', null],
    ['31042021', null],
    ['00012021', null],
    ['01132021', null],
    ['0101199', null],
    ['01011899', null],
  ])('%s → %s', (input, expected) => expect(parseDdMmYyyy(input)).toBe(expected));
});

const ALL_CODES: readonly string[] = [
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
];

describe('parseCccdQr: properties', () => {
  it('never throws and always answers with a listed code on 100k random and mutated payloads', () => {
    const valid = new TextEncoder().encode(VALID);
    const mutated = fc
      .tuple(
        fc.integer({ min: 0, max: valid.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([at, byte, op]) => {
        const b = Array.from(valid);
        if (op === 0) b[at] = byte;
        else if (op === 1) b.splice(at, 1);
        else if (op === 2) b.splice(at, 0, byte);
        else b.splice(at, b.length);
        return new Uint8Array(b);
      });
    const fieldsOf = fc
      .array(
        fc.oneof(fc.string(), fc.stringMatching(/^\d{0,13}$/), fc.constantFrom('Nam', 'Nữ', '')),
        { maxLength: 10 },
      )
      .map((f) => f.join('|'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 1100 }),
          mutated,
          fieldsOf,
          fc.string({ unit: 'grapheme' }),
        ),
        (payload) => {
          const r = parse(payload);
          if (r.ok) {
            expect(r.citizen.idNumber).toMatch(/^\d{12}$/);
            expect(r.citizen.dateOfBirth <= TODAY).toBe(true);
          } else {
            expect(ALL_CODES).toContain(r.error.code);
          }
        },
      ),
      { numRuns: 100_000 },
    );
  });

  it('round-trips any well-formed record', () => {
    const day = fc.date({
      min: new Date('1930-01-01'),
      max: new Date('2010-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom('Nguyễn Văn An', 'Đỗ Thị Ánh Tuyết', 'Hồ Ngọc Hà'),
        day,
        fc.boolean(),
        (id, name, dob, male) => {
          const ddmmyyyy = dob.toISOString().slice(0, 10).split('-').reverse().join('');
          const r = parse(`${id}||${name}|${ddmmyyyy}|${male ? 'Nam' : 'Nữ'}|Hà Nội|01072021`);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.citizen.fullName).toBe(name);
            expect(r.citizen.dateOfBirth).toBe(dob.toISOString().slice(0, 10));
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
