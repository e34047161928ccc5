import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convert,
  decodeText,
  notBefore,
  offeredTargets,
  type OfferedValue,
} from '../../../native/autofill/x11-selection-data';

const citizen: OfferedValue = { text: 'Trần Thị Ngọc Hường', secret: true, ownedAt: 4_000_000_000 };
const ascii: OfferedValue = { text: '022303004567', secret: true, ownedAt: 7 };
const clerk: OfferedValue = { text: 'Ghi chú', secret: false, ownedAt: 7 };
const MAX = 64 * 1024;

describe('our CLIPBOARD owner answers (ICCCM §2.6)', () => {
  it('offers UTF-8 targets always, Latin-1 STRING only when the text fits it, the secret hint for citizen data', () => {
    expect(offeredTargets(citizen)).toEqual([
      'TARGETS',
      'TIMESTAMP',
      'UTF8_STRING',
      'text/plain;charset=utf-8',
      'TEXT',
      'x-kde-passwordManagerHint',
    ]);
    expect(offeredTargets(ascii)).toContain('STRING');
    expect(offeredTargets(clerk)).not.toContain('x-kde-passwordManagerHint');
    expect(convert('TARGETS', citizen, MAX)).toEqual({
      type: 'ATOM',
      format: 32,
      atoms: offeredTargets(citizen),
    });
  });

  it.each([
    ['UTF8_STRING', citizen, 'UTF8_STRING', Buffer.from(citizen.text, 'utf8')],
    ['TEXT', citizen, 'UTF8_STRING', Buffer.from(citizen.text, 'utf8')],
    ['text/plain;charset=utf-8', citizen, 'text/plain;charset=utf-8', Buffer.from(citizen.text)],
    ['STRING', ascii, 'STRING', Buffer.from(ascii.text, 'latin1')],
    ['text/plain', ascii, 'text/plain', Buffer.from(ascii.text, 'latin1')],
    ['x-kde-passwordManagerHint', citizen, 'x-kde-passwordManagerHint', Buffer.from('secret')],
  ] as const)('%s', (target, value, type, bytes) => {
    expect(convert(target, value, MAX)).toMatchObject({ type, format: 8, bytes });
  });

  it('answers TIMESTAMP with the time ownership began', () => {
    expect(convert('TIMESTAMP', citizen, MAX)).toEqual({
      type: 'INTEGER',
      format: 32,
      integers: [4_000_000_000],
    });
  });

  it.each([
    ['STRING for Vietnamese (not Latin-1)', 'STRING', citizen],
    ['MULTIPLE', 'MULTIPLE', citizen],
    ['an image', 'image/png', citizen],
    ['the secret hint for the clerk’s own text', 'x-kde-passwordManagerHint', clerk],
  ] as const)('refuses %s', (_label, target, value) => {
    expect(convert(target, value, MAX)).toBeNull();
  });

  it('refuses a value larger than one request rather than half-sending it', () => {
    expect(convert('UTF8_STRING', { ...clerk, text: 'x'.repeat(MAX + 1) }, MAX)).toBeNull();
  });

  it('UTF-8 targets round-trip any text exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const reply = convert('UTF8_STRING', { text, secret: false, ownedAt: 1 }, 1 << 20);
        return reply !== null && 'bytes' in reply && decodeText(reply.type, reply.bytes) === text;
      }),
    );
  });
});

describe('decodeText', () => {
  it('reads UTF-8 and Latin-1 types, and nothing else', () => {
    expect(decodeText('UTF8_STRING', Buffer.from('Hường'))).toBe('Hường');
    expect(decodeText('STRING', Buffer.from([0x4e, 0xe9]))).toBe('Né');
    expect(decodeText('image/png', Buffer.from([1, 2]))).toBeNull();
  });
});

describe('notBefore: 32-bit server time that wraps every ~49.7 days', () => {
  it.each([
    [10, 10, true],
    [11, 10, true],
    [9, 10, false],
    [5, 0xffff_fff0, true], // wrapped past zero
    [0xffff_fff0, 5, false],
  ])('%i vs %i', (a, b, expected) => {
    expect(notBefore(a, b)).toBe(expected);
  });

  it('is after exactly what was within half the range ahead', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffff_ffff }), fc.nat({ max: 0x7fff_ffff }), (b, ahead) => {
        const a = (b + ahead) >>> 0;
        return notBefore(a, b) && (ahead === 0 || !notBefore(b, a));
      }),
    );
  });
});
