import { describe, expect, it } from 'vitest';
import {
  createDailySummarySource,
  type SummaryFigureProvider,
} from '../../../electron/services/sync/summary-source';
import { consecutiveRuns } from '../../../electron/services/sync/summary-refresh';
import { dueAt } from '../../../electron/services/sync/sync-scheduler';
import { SUMMARY_FIELDS } from '../../../native/sync/summary-row';

const provider = (
  name: string,
  fields: SummaryFigureProvider['fields'],
  rows = [] as never[],
): SummaryFigureProvider => ({
  name,
  fields,
  figures: () => rows,
  days: () => [],
});

describe('daily summary source', () => {
  it('merges providers by day and procedure, zero where a provider has nothing', () => {
    const source = createDailySummarySource([
      provider('a', SUMMARY_FIELDS.slice(0, 5), [
        { day: '2026-11-24', procedure: 'p', receivedInPerson: 2 },
      ] as never[]),
      provider('b', SUMMARY_FIELDS.slice(5), [
        { day: '2026-11-24', procedure: 'p', pages: 7 },
        { day: '2026-11-23', procedure: 'q', completed: 1 },
      ] as never[]),
    ]);
    const rows = source.rows('2026-11-01', '2026-11-30');
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.procedure === 'p')!.counts).toMatchObject({
      receivedInPerson: 2,
      pages: 7,
      completed: 0,
    });
  });

  it('refuses a field with two providers or none', () => {
    expect(() =>
      createDailySummarySource([provider('a', SUMMARY_FIELDS), provider('b', ['pages'])]),
    ).toThrow(/two providers/);
    expect(() => createDailySummarySource([provider('a', SUMMARY_FIELDS.slice(1))])).toThrow(
      /without a provider/,
    );
  });

  it('groups changed days into runs of consecutive days', () => {
    expect(
      consecutiveRuns([
        '2026-02-27',
        '2026-02-28',
        '2026-03-01',
        '2026-03-05',
        '2026-12-31',
        '2027-01-01',
      ]),
    ).toEqual([
      ['2026-02-27', '2026-03-01'],
      ['2026-03-05', '2026-03-05'],
      ['2026-12-31', '2027-01-01'],
    ]);
  });

  it('schedules the next run after the interval, or after the backoff when failing', () => {
    const base = { id: 1, enabled: true, failures: 0, lastAttemptAt: null, nextAttemptAt: null };
    expect(dueAt(base, 900_000)).toBe(0);
    expect(dueAt({ ...base, lastAttemptAt: 1000 }, 900_000)).toBe(901_000);
    expect(dueAt({ ...base, lastAttemptAt: 1000, failures: 2, nextAttemptAt: 5000 }, 900_000)).toBe(
      5000,
    );
  });
});
