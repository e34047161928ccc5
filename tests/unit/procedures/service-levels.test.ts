import { describe, expect, it } from 'vitest';
import {
  levelFromLegacy,
  levelOn,
  levelStatus,
} from '../../../electron/services/procedures/service-levels';

describe('service levels', () => {
  it('maps NĐ 43/2011 mức độ to NĐ 42/2022 levels as regulations.md §2 says', () => {
    expect([1, 2, 3, 4, null].map(levelFromLegacy)).toEqual([
      'info_only',
      'info_only',
      'partial',
      'full',
      null,
    ]);
  });

  it('is met when the current level reaches the target, else on track until the deadline day', () => {
    expect(levelStatus('full', 'full', '2020-01-01', '2026-11-24')).toBe('met');
    expect(levelStatus('full', 'partial', '2020-01-01', '2026-11-24')).toBe('met');
    expect(levelStatus('partial', 'full', '2026-11-24', '2026-11-24')).toBe('on_track');
    expect(levelStatus('partial', 'full', '2026-11-23', '2026-11-24')).toBe('overdue');
    expect(levelStatus(null, 'info_only', null, '2026-11-24')).toBe('on_track');
    expect(levelStatus(null, null, null, '2026-11-24')).toBe('met');
  });

  it('finds the level in force on a day from the dated history', () => {
    const history = [
      { effectiveFrom: '2022-03-16', changedAt: 1, currentLevel: 'partial' as const },
      { effectiveFrom: '2025-10-01', changedAt: 2, currentLevel: 'full' as const },
      // Recorded later for the same day: the later record wins.
      { effectiveFrom: '2025-10-01', changedAt: 3, currentLevel: 'partial' as const },
    ];
    expect(levelOn(history, '2021-01-01')).toBe('partial'); // before any entry: the first
    expect(levelOn(history, '2024-06-01')).toBe('partial');
    expect(levelOn(history, '2025-10-01')).toBe('partial');
    expect(levelOn(history.slice(0, 2), '2026-01-01')).toBe('full');
    expect(levelOn([], '2026-01-01')).toBeNull();
  });
});
