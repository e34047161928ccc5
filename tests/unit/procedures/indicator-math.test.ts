import { describe, expect, it } from 'vitest';
import {
  addCounters,
  emptyCounters,
  indicatorRow,
  percent,
} from '../../../electron/services/indicators/indicator-math';

describe('indicator formulas (regulations.md §2, §4)', () => {
  it('computes every rate with its numerator and denominator from hand-counted files', () => {
    // 20 files: 12 in person, 6 online assisted (4 submitted, 1 failed, 1 no outcome yet),
    // 2 postal. 2 cancelled. 13 finished (done/returned), 10 of them on time. 5 still open,
    // 1 of them past due. 8 files of toàn trình procedures (not cancelled), 5 filed online.
    const c = addCounters(emptyCounters(), {
      received: 20,
      inPerson: 12,
      onlineAssisted: 6,
      postal: 2,
      cancelled: 2,
      done: 11,
      returned: 2,
      open: 5,
      openOverdue: 1,
      finishedOnTime: 10,
      fullEligible: 8,
      fullOnline: 5,
      assistedSubmitted: 4,
      assistedFailed: 1,
    });
    const row = indicatorRow('k', 'n', c);
    // (10 on time + 4 open within due) ÷ (20 − 2 cancelled) = 14/18 = 77.78 %
    expect(row.figures.onTimeRate).toEqual({ numerator: 14, denominator: 18 });
    expect(row.onTimeRate).toBe(77.78);
    expect(row.figures.onlineShare).toEqual({ numerator: 6, denominator: 20 });
    expect(row.onlineShare).toBe(30);
    expect(row.inPersonShare).toBe(60);
    expect(row.postalShare).toBe(10);
    expect(row.figures.fullOnlineShare).toEqual({ numerator: 5, denominator: 8 });
    expect(row.fullOnlineShare).toBe(62.5);
    expect(row.figures.assistedSuccessRate).toEqual({ numerator: 4, denominator: 5 });
    expect(row.assistedSuccessRate).toBe(80);
  });

  it('says "no data" (null) rather than 0 % or 100 % when nothing was received', () => {
    const row = indicatorRow('k', 'n', emptyCounters());
    expect([row.onTimeRate, row.onlineShare, row.fullOnlineShare, row.assistedSuccessRate]).toEqual(
      [null, null, null, null],
    );
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
  });
});
