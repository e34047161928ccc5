import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkReportPeriod,
  dayCount,
  dueDay,
  lastClosedPeriod,
  parseReportPeriod,
  previousPeriod,
  trendMonths,
} from '../../../electron/services/reports/report-period';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
};

describe('report periods', () => {
  it.each([
    ['2026-10', 'month', '2026-10-01', '2026-10-31', 'tháng 10 năm 2026', '10/2026'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', 'tháng 2 năm 2024', '02/2024'],
    ['2026-Q3', 'quarter', '2026-07-01', '2026-09-30', 'quý III năm 2026', 'Quý III/2026'],
    ['2026', 'year', '2026-01-01', '2026-12-31', 'năm 2026', '2026'],
    [
      '2026-01-05..2026-03-20',
      'range',
      '2026-01-05',
      '2026-03-20',
      'từ ngày 05/01/2026 đến ngày 20/03/2026',
      '05/01/2026 – 20/03/2026',
    ],
    // Whole months, quarters and years typed as ranges are those periods.
    [
      '2026-01-01..2026-03-31',
      'quarter',
      '2026-01-01',
      '2026-03-31',
      'quý I năm 2026',
      'Quý I/2026',
    ],
    ['2026-11-01..2026-11-30', 'month', '2026-11-01', '2026-11-30', 'tháng 11 năm 2026', '11/2026'],
    ['2025-01-01..2025-12-31', 'year', '2025-01-01', '2025-12-31', 'năm 2025', '2025'],
  ])('%s', (spec, kind, from, to, label, shortLabel) => {
    expect(parseReportPeriod(spec)).toMatchObject({ kind, from, to, label, shortLabel });
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-Q5',
    '2026-02-30..2026-03-01',
    '2026-05-01..2026-04-01',
    '1999',
    'abc',
    '2010-01-01..2026-01-01',
  ])('refuses %s', (spec) => {
    expect(code(() => parseReportPeriod(spec))).toBe('PERIOD_INVALID');
  });

  it('refuses a period that has not started and marks one under way as partial', () => {
    expect(code(() => checkReportPeriod(parseReportPeriod('2026-12'), '2026-11-24'))).toBe(
      'REPORT_PERIOD_FUTURE',
    );
    expect(checkReportPeriod(parseReportPeriod('2026-11'), '2026-11-24')).toEqual({
      partial: true,
    });
    expect(checkReportPeriod(parseReportPeriod('2026-10'), '2026-11-24')).toEqual({
      partial: false,
    });
  });

  it.each([
    ['2026-01', '2025-12'],
    ['2026-10', '2026-09'],
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026', '2025'],
    ['2026-03-10..2026-03-19', '2026-02-28..2026-03-09'],
    ['2001-01-01..2001-12-31', '2000'],
    ['2026-03-01..2026-03-31', '2026-02'],
  ])('the period before %s is %s', (spec, previous) => {
    expect(previousPeriod(parseReportPeriod(spec)).spec).toBe(previous);
  });

  // A range that is exactly a calendar month, quarter or year becomes that period, whose
  // predecessor is the previous calendar period (February before March, 2000 before 2001), so
  // the lengths may differ there; fast-check found 2001-01-01..2001-12-31 against leap 2000.
  it('a range and the one before it have the same number of days and touch', () => {
    const day = fc
      .date({
        min: new Date('2001-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const period = parseReportPeriod(`${from}..${to}`);
        const before = previousPeriod(period);
        expect(before.kind).toBe(period.kind);
        if (period.kind === 'range')
          expect(dayCount(before.from, before.to)).toBe(dayCount(period.from, period.to));
        expect(dayCount(before.to, period.from)).toBe(2);
      }),
    );
  });

  it('knows the closed period a reminder is about and its deadline', () => {
    expect(lastClosedPeriod('month', '2026-11-24').spec).toBe('2026-10');
    expect(lastClosedPeriod('month', '2026-01-03').spec).toBe('2025-12');
    expect(lastClosedPeriod('quarter', '2026-11-24').spec).toBe('2026-Q3');
    expect(lastClosedPeriod('quarter', '2026-02-10').spec).toBe('2025-Q4');
    expect(dueDay(parseReportPeriod('2026-10'), 17)).toBe('2026-11-17');
    expect(dueDay(parseReportPeriod('2026-01'), 31)).toBe('2026-02-28');
    expect(dueDay(parseReportPeriod('2026-Q4'), 10)).toBe('2027-01-10');
  });

  it('shows the twelve months ending with the period in the trend', () => {
    expect(trendMonths(parseReportPeriod('2026-02'))).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(trendMonths(parseReportPeriod('2026')).at(-1)).toBe('2026-12');
  });
});
