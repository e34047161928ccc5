import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DER, encodeInt, encodeOid } from '../../../../native/cccd/chip/asn1';
import { parseDg1 } from '../../../../native/cccd/chip/dg1';
import { parseDg13, parseDg13Date } from '../../../../native/cccd/chip/dg13';
import { parseDg2 } from '../../../../native/cccd/chip/dg2';
import { parseEfCom } from '../../../../native/cccd/chip/lds';
import {
  encodeTlv,
  MAX_TLV_LENGTH,
  readSingleTlv,
  readTlv,
  readTlvList,
} from '../../../../native/cccd/chip/tlv';
import { checkDigit, parseTd1 } from '../../../../native/cccd/mrz';
import {
  buildCom,
  buildDg1,
  buildDg13,
  buildDg2,
  faceJp2,
  faceJpeg,
  SYNTHETIC_DG13,
  SYNTHETIC_MRZ,
} from '../../../support/chip/synthetic-card';

/** A DG13 holding one entry `n` with the given value (the envelope of cccd-formats.md §3.3). */
function dg13With(n: number, value: Buffer): Buffer {
  const entry = encodeTlv(DER.SEQUENCE, encodeInt(n), value);
  return encodeTlv(
    0x6d,
    encodeTlv(DER.SEQUENCE, encodeInt(1), encodeOid('1.0.10646.1.0.8'), encodeTlv(DER.SET, entry)),
  );
}

describe('DG13 (cccd-formats.md §3.3)', () => {
  it('reads every field of the table by number', () => {
    const r = parseDg13(buildDg13(SYNTHETIC_DG13));
    expect(r).toMatchObject({
      idNumber: '079203000123',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { date: '2003-05-15', text: '15/05/2003' },
      sex: 'male',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      hometown: 'Phường Mẫu, Quận Mẫu, TP. Hồ Chí Minh',
      issueDate: { date: '2021-07-01' },
      expiry: { date: '2028-05-15' },
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      spouseName: null,
      oldIdNumber: '123456789',
      field16: '3F2A9C0D11E4B7A5',
    });
  });

  it.each(['separate', 'together'] as const)(
    'reads the parents whatever the nesting (%s)',
    (parentNesting) => {
      const r = parseDg13(buildDg13({ ...SYNTHETIC_DG13, parentNesting }));
      expect([r.fatherName, r.motherName]).toEqual(['Nguyễn Văn Bình', 'Trần Thị Cúc']);
    },
  );

  it('tolerates absent fields: they are null, never shifted', () => {
    const { 6: _e, 7: _r, 10: _m, 15: _o, 16: _x, ...rest } = SYNTHETIC_DG13.fields;
    const r = parseDg13(buildDg13({ fields: rest, parents: null }));
    expect(r.ethnicity).toBeNull();
    expect(r.religion).toBeNull();
    expect(r.oldIdNumber).toBeNull();
    expect(r.fatherName).toBeNull();
    expect(r.residence).toBe(SYNTHETIC_DG13.fields[9]);
    expect(r.issueDate?.date).toBe('2021-07-01');
  });

  it('keeps field 12 as text when it is not a date (cards of people over 60)', () => {
    const r = parseDg13(
      buildDg13({ ...SYNTHETIC_DG13, fields: { ...SYNTHETIC_DG13.fields, 12: 'Không thời hạn' } }),
    );
    expect(r.expiry).toEqual({ date: null, text: 'Không thời hạn' });
    expect(parseDg13Date('31/02/2030')).toEqual({ date: null, text: '31/02/2030' });
  });

  it('reads a spouse, female sex and unknown extra fields', () => {
    const r = parseDg13(
      buildDg13({
        ...SYNTHETIC_DG13,
        fields: { ...SYNTHETIC_DG13.fields, 4: 'Nữ' },
        spouse: 'Lê Văn Dũng',
      }),
    );
    expect(r.sex).toBe('female');
    expect(r.spouseName).toBe('Lê Văn Dũng');
    const extra = dg13With(21, encodeTlv(DER.UTF8_STRING, Buffer.from('mới')));
    expect(parseDg13(extra).otherFields).toEqual({ '21': 'mới' });
  });

  it('refuses a DG13 with a length running past the end, with a code', () => {
    const good = buildDg13(SYNTHETIC_DG13);
    const cut = good.subarray(0, good.length - 5);
    expect(() => parseDg13(cut)).toThrow(expect.objectContaining({ code: 'CHIP_DG_MALFORMED' }));
  });

  it('refuses invalid UTF-8 in a UTF8String instead of garbling a name', () => {
    const bad = dg13With(2, encodeTlv(DER.UTF8_STRING, Buffer.from([0xc3, 0x28])));
    expect(() => parseDg13(bad)).toThrow(expect.objectContaining({ code: 'CHIP_DG_MALFORMED' }));
  });
});

describe('DG1, DG2, EF.COM', () => {
  it('DG1 holds the TD1 MRZ with valid check digits and the 12-digit ID', () => {
    const mrz = parseDg1(buildDg1(SYNTHETIC_MRZ));
    expect(mrz).toMatchObject({
      documentNumber: '203000123',
      idNumber: '079203000123',
      birthDate: '030515',
      expiryDate: '280515',
      sex: 'M',
      name: 'NGUYEN, VAN AN',
    });
  });

  it('DG1 with a wrong check digit is refused', () => {
    const broken = SYNTHETIC_MRZ.slice(0, 14) + '9' + SYNTHETIC_MRZ.slice(15);
    expect(() => parseDg1(buildDg1(broken))).toThrow(
      expect.objectContaining({ code: 'CHIP_DG_MALFORMED' }),
    );
  });

  it('DG2 yields the JPEG or the JPEG 2000 image', () => {
    expect(parseDg2(buildDg2(faceJpeg(), 'jpeg'))).toMatchObject({
      format: 'jpeg',
      width: 60,
      height: 80,
    });
    const jp2 = parseDg2(buildDg2(faceJp2(), 'jp2'));
    expect(jp2.format).toBe('jp2');
    expect(jp2.data.equals(faceJp2())).toBe(true);
  });

  it('EF.COM lists data groups and keeps unknown tags apart', () => {
    const com = parseEfCom(buildCom([1, 2, 13, 14, 15, 99]));
    expect(com.dataGroups).toEqual([1, 2, 13, 14, 15, 3]);
    const odd = encodeTlv(0x60, encodeTlv(0x5c, Buffer.from([0x61, 0x7a])));
    expect(parseEfCom(odd)).toMatchObject({ dataGroups: [1], unknownTags: [0x7a] });
  });
});

describe('TLV reader: malformed and hostile input', () => {
  it.each([
    ['truncated value', '6D05020101'],
    ['indefinite length', '6D80020101'],
    ['length of five bytes', '6D850000000001'],
    ['tag of four bytes', '5FFFFFFF0100'],
  ])('%s → CHIP_TLV_MALFORMED', (_name, hex) => {
    expect(() => readTlv(Buffer.from(hex, 'hex'))).toThrow(
      expect.objectContaining({ code: 'CHIP_TLV_MALFORMED' }),
    );
  });

  it('an oversized length is refused before any allocation', () => {
    expect(() => readTlv(Buffer.from('6D84FFFFFFFF', 'hex'))).toThrow(
      expect.objectContaining({ code: 'CHIP_LENGTH_OVERSIZED' }),
    );
    expect(MAX_TLV_LENGTH).toBeLessThan(0xffffffff);
  });

  it('round-trips any tag and value (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0x04, 0x30, 0x5f1f, 0x7f61, 0x6d),
        fc.uint8Array({ maxLength: 70000 }),
        (tag, value) => {
          const tlv = readSingleTlv(encodeTlv(tag, value));
          expect(tlv.tag).toBe(tag);
          expect(Buffer.compare(tlv.value, Buffer.from(value))).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws anything but a coded error on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        for (const parse of [readTlvList, parseDg13, parseEfCom, parseDg2, parseDg1]) {
          try {
            parse(Buffer.from(bytes));
          } catch (error) {
            expect((error as { code?: string }).code).toMatch(/^CHIP_/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('MRZ (TD1)', () => {
  it('computes ICAO 9303-3 check digits', () => {
    expect(checkDigit('L898902C<')).toBe(3);
    expect(checkDigit('690806')).toBe(1);
    expect(checkDigit('203000123')).toBe(3);
  });

  it('parses the synthetic Vietnamese MRZ and rejects any single-character change (property)', () => {
    expect(parseTd1(SYNTHETIC_MRZ).ok).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 59 }), fc.constantFrom(...'0123456789'), (pos, ch) => {
        // Sex (37) and nationality (45–47) are outside every check digit (ICAO 9303-5 §4.2.2),
        // and '<' weighs the same as '0' (ICAO 9303-3 §4.9).
        if (SYNTHETIC_MRZ[pos] === ch || [37, 45, 46, 47].includes(pos)) return;
        if (SYNTHETIC_MRZ[pos] === '<' && ch === '0') return;
        const changed = SYNTHETIC_MRZ.slice(0, pos) + ch + SYNTHETIC_MRZ.slice(pos + 1);
        expect(parseTd1(changed).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
