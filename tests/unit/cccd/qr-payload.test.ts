import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_PATTERN } from '../../../native/cccd/look-alikes';
import {
  isNameText,
  parseCccdQr,
  parseDdMmYyyy,
  QR_ERROR_CODES,
  QR_MAX_BYTES,
  QR_WARNING_CODES,
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

// The issue's list, written out here so a code added to the parser without review fails this test.
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
const ALL_WARNINGS: readonly string[] = [
  'ID_PROVINCE_UNKNOWN',
  'ID_CENTURY_MISMATCH',
  'ID_SEX_MISMATCH',
  'QR_MOJIBAKE_REPAIRED',
  'QR_EXTRA_FIELDS',
];

it('exports exactly the listed error and warning codes', () => {
  expect([...QR_ERROR_CODES].sort()).toEqual([...ALL_CODES].sort());
  expect([...QR_WARNING_CODES].sort()).toEqual([...ALL_WARNINGS].sort());
});

const CITIZEN_KEYS = [
  'address',
  'dateOfBirth',
  'extraFields',
  'fullName',
  'idNumber',
  'issueDate',
  'oldIdNumber',
  'sex',
];

describe('parseCccdQr: properties', () => {
  it('never throws and always answers with a listed code on 100k random and mutated payloads', () => {
    const valid = new TextEncoder().encode(VALID);
    const mutated = fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: valid.length - 1 }),
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 4 }),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((edits) => {
        const b = Array.from(valid);
        for (const [at, byte, op] of edits) {
          if (op === 0) b[at % (b.length || 1)] = byte;
          else if (op === 1) b.splice(at, 1);
          else if (op === 2) b.splice(at, 0, byte);
          else if (op === 3)
            b.splice(at, 0, 0x7c); // an extra `|`
          else b.splice(at, b.length);
        }
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
          fc.string({ unit: 'binary' }),
          mutated.map((b) => Buffer.from(b).toString('latin1')), // mutated and mis-decoded
        ),
        (payload) => {
          const r = parse(payload);
          if (r.ok) {
            expect(Object.keys(r.citizen).sort()).toEqual(CITIZEN_KEYS);
            expect(r.citizen.idNumber).toMatch(/^\d{12}$/);
            expect(r.citizen.oldIdNumber === null || /^\d{9}$/.test(r.citizen.oldIdNumber)).toBe(
              true,
            );
            expect(r.citizen.dateOfBirth <= r.citizen.issueDate).toBe(true);
            expect(r.citizen.issueDate <= TODAY).toBe(true);
            expect(r.citizen.fullName).toBe(r.citizen.fullName.normalize('NFC'));
            for (const w of r.warnings) expect(ALL_WARNINGS).toContain(w.code);
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

describe('parseCccdQr: encodings seen in the field', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');

  it('repairs mojibake that went through two mis-decoding hops', () => {
    const once = new TextDecoder('windows-1252').decode(utf8(VALID));
    const twice = new TextDecoder('windows-1252').decode(utf8(once));
    expect(parse(twice)).toMatchObject({
      ok: true,
      citizen: { fullName: 'Nguyễn Văn An', address: expect.stringContaining('Hồ Chí Minh') },
      warnings: [{ code: 'QR_MOJIBAKE_REPAIRED' }],
    });
  });

  it('repairs a name with Đ, ư and ơ (bytes 0x90, 0xAF, 0xA1 under Windows-1252)', () => {
    const text = '001190012345||Đặng Thị Hương Nhường|01011990|Nữ|Hà Nội|15042021';
    const garbled = new TextDecoder('windows-1252').decode(utf8(text));
    expect(parse(garbled)).toMatchObject({
      ok: true,
      citizen: { fullName: 'Đặng Thị Hương Nhường' },
    });
  });

  it('decodes UTF-16 with a byte order mark (a file saved as "Unicode")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(parse(le)).toMatchObject({ ok: true, citizen: { fullName: 'Nguyễn Văn An' } });
    expect(parse(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ ok: true });
  });

  it.each<[string, string | Uint8Array]>([
    ['a UTF-8 sequence cut in the middle of a letter', utf8(VALID).subarray(0, 20)],
    ['Latin-1 bytes of a Vietnamese name', Buffer.from('079203000123||Tr\xe2n|01', 'latin1')],
    ['a replacement character from an earlier lossy decoder', VALID.replace('ễ', '\ufffd')],
    ['a C1 control left by a failed repair', VALID.replace('ễ', '\u0090')],
    ['a NUL byte inside', VALID.replace('|Nam|', '|Na\u0000m|')],
  ])('rejects %s as QR_ENCODING', (_label, payload) => {
    expect(errorOf(payload)).toBe('QR_ENCODING');
  });
});

describe('parseCccdQr: look-alikes, each with its own code', () => {
  it.each<[string, string, QrErrorCode]>([
    ['a bare host with a path', 'dichvucong.gov.vn/p/home/dvc-trang-chu.html', 'QR_URL'],
    ['a mailto link', 'mailto:motcua@example.vn', 'QR_URL'],
    ['a VNeID JWT-like token', 'AbCdEf12.GhIjKl34MnOp.QrStUv56WxYz', 'QR_VNEID_TOKEN'],
    ['a long opaque base64 token', 'q8F2kLm0Zp9XvB3nR7tY1wE5uI4oP6aS', 'QR_VNEID_TOKEN'],
    ['text naming VNeID', 'VNEID|token|0123456789abcdef', 'QR_VNEID_TOKEN'],
    [
      'a VietQR bank transfer (EMVCo)',
      '00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA5303704540410005802VN6304ABCD',
      'QR_NOT_CCCD',
    ],
    ['a Wi-Fi QR', 'WIFI:T:WPA;S:UBND-Phuong;P:matkhau;;', 'QR_NOT_CCCD'],
    ['a GS1 number', '0108934563138165172601311012345', 'QR_NOT_CCCD'],
    ['a short pipe record that is not an ID', 'ABC|Nguyễn Văn An|xyz', 'QR_NOT_CCCD'],
    [
      'the COVID QR with a non-empty EXT and a trailing pipe',
      '079203000123|Nguyễn Văn An|15/05/2003|CCCD|QID123456|EXT9|',
      'QR_COVID_PASS',
    ],
    ['the COVID QR with a year only', '012345678|Lê Thị Bích|1990|CMND|Q00912|', 'QR_COVID_PASS'],
  ])('%s', (_label, payload, code) => {
    expect(errorOf(payload)).toBe(code);
  });
});

describe('parseCccdQr: every warning, and several at once', () => {
  it('reports all that apply, each with its field', () => {
    // 099: no such province; G=3 → female born 20xx, but the card says Nam, born 1950.
    const r = parse('099350000123||Nguyễn Văn An|15051950|Nam|HN|01072021|x');
    expect(r.ok && r.warnings).toEqual([
      { code: 'QR_EXTRA_FIELDS', field: 8 },
      { code: 'ID_PROVINCE_UNKNOWN', field: 1 },
      { code: 'ID_CENTURY_MISMATCH', field: 1 },
      { code: 'ID_SEX_MISMATCH', field: 1 },
    ]);
  });

  it('accepts upper-case sex words and a name in capitals without diacritics', () => {
    const r = parse('001090123456|012345678|NGUYEN VAN A|01011990|NAM|Phường Bến Nghé|15042021');
    expect(r).toMatchObject({ ok: true, citizen: { fullName: 'NGUYEN VAN A', sex: 'male' } });
  });

  it('accepts a birth on today and an issue the same day', () => {
    expect(parse('079226000123||Bé Na|24112026|Nữ|HN|24112026')).toMatchObject({ ok: true });
  });

  it('collapses runs of spaces inside the name and the address', () => {
    const r = parse('079203000123||Nguyễn   Văn  An|15052003|Nam|Số 1,   Phường Mẫu|01072021');
    expect(r.ok && [r.citizen.fullName, r.citizen.address]).toEqual([
      'Nguyễn Văn An',
      'Số 1, Phường Mẫu',
    ]);
  });
});

describe('name check fast path', () => {
  it('agrees with the Unicode-property pattern on any text', () => {
    const letters = fc.constantFrom(..."aZđĐưƯơạỹÀ×÷ .'-’1\u0301ßЖ漢");
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: letters, maxLength: 12 }), fc.string({ maxLength: 12 })),
        (name) => {
          fc.pre(name.length > 0);
          expect(isNameText(name)).toBe(NAME_PATTERN.test(name));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
