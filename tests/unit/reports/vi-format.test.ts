import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceStep } from '../../../electron/services/documents/pdf-charts';
import { vietnameseLongDate } from '../../../electron/services/documents/pdf-basics';
import { numberLine } from '../../../electron/services/reports/report-pdf';
import {
  roman,
  viDateTime,
  viDecimal,
  viInteger,
  viPercent,
  viShortDate,
} from '../../../electron/services/reports/vi-format';

describe('Vietnamese number and date forms', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [18359, '18.359'],
    [1234567, '1.234.567'],
    [-2392, '-2.392'],
  ])('integer %d → %s', (n, text) => expect(viInteger(n)).toBe(text));

  it('groups thousands with dots and reads back as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = viInteger(n);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        expect(Number(text.replace(/\./g, ''))).toBe(n);
      }),
    );
  });

  it('writes decimals with a comma and rates with a percent sign', () => {
    expect(viDecimal(92.92)).toBe('92,92');
    expect(viDecimal(1234.5, 1)).toBe('1.234,5');
    expect(viDecimal(-0.004)).toBe('0,00');
    expect(viPercent(100)).toBe('100,00%');
    expect(viPercent(null)).toBe('—');
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const [whole, fraction] = viDecimal(x).split(',');
        expect(fraction).toMatch(/^\d{2}$/);
        expect(
          Math.abs(Number(`${whole!.replace(/\./g, '')}.${fraction}`) - x),
        ).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(x));
      }),
    );
  });

  it('dates as NĐ 30/2020 writes them: zero before days below 10 and the months 1 and 2 only', () => {
    expect(vietnameseLongDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(vietnameseLongDate('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(vietnameseLongDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(vietnameseLongDate('2026-11-24')).toBe('ngày 24 tháng 11 năm 2026');
    expect(viShortDate('2026-03-09')).toBe('09/03/2026');
    expect(viDateTime(Date.parse('2026-11-24T03:00:00Z'))).toBe('10:00 ngày 24/11/2026');
  });

  it('numbers a document "Số: 05/BC-UBND", or leaves the number blank for the văn thư', () => {
    expect(numberLine(5, 'BC-UBND')).toBe('Số: 05/BC-UBND');
    expect(numberLine(123, 'BC-UBND')).toBe('Số: 123/BC-UBND');
    expect(numberLine(null, 'BC-UBND')).toMatch(/^Số: +\/BC-UBND$/);
  });

  it('roman numerals for quarters and appendices', () => {
    expect([1, 2, 3, 4, 9, 12].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XII']);
  });

  it('chart axes step by 1, 2 or 5 × 10ⁿ and cover the maximum in about five steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (max) => {
        const step = niceStep(max);
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 5, 10]).toContain(Math.round(mantissa));
        const steps = Math.ceil(max / step);
        expect(steps).toBeGreaterThanOrEqual(1);
        expect(steps).toBeLessThanOrEqual(10);
      }),
    );
  });
});
