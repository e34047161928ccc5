/**
 * Service levels in both taxonomies (regulations.md §2) and the target status of a procedure.
 * Pure functions: the dashboard, the CLI and the seeder all decide "met / on track / overdue" here.
 */
import type { ProcedureLevelStatus } from '../../api/calls/procedures';
import type { ServiceLevel } from '../../api/schemas';

/** NĐ 42/2022 Art. 11 order: toàn trình above một phần above information only. */
const RANK: Readonly<Record<ServiceLevel, number>> = { info_only: 1, partial: 2, full: 3 };

export function levelRank(level: ServiceLevel | null): number {
  return level === null ? 0 : RANK[level];
}

/**
 * NĐ 43/2011 mức độ → NĐ 42/2022 level, as regulations.md §2 maps old records: mức 1–2 publish
 * information only, mức 3 is partly online, mức 4 counts as toàn trình (the 2022 plans did not
 * record whether the result was electronic; an office corrects a level with a dated entry).
 */
export function levelFromLegacy(level: number | null): ServiceLevel | null {
  if (level === null) return null;
  if (level <= 2) return 'info_only';
  return level === 3 ? 'partial' : 'full';
}

/**
 * Met when the current level reaches the target; otherwise on track until the deadline day has
 * passed (the deadline day itself is still on track), then overdue. No target: nothing to reach.
 */
export function levelStatus(
  current: ServiceLevel | null,
  target: ServiceLevel | null,
  deadline: string | null,
  today: string,
): ProcedureLevelStatus {
  if (target === null || levelRank(current) >= levelRank(target)) return 'met';
  if (deadline === null || today <= deadline) return 'on_track';
  return 'overdue';
}

export interface LevelChange {
  effectiveFrom: string;
  changedAt: number;
  currentLevel: ServiceLevel | null;
}

/**
 * The level in force on `day` from a procedure's dated history: the latest entry effective on or
 * before that day; before the first entry, the first entry's level (the catalogue's starting
 * point is the best knowledge of earlier years).
 */
export function levelOn(changes: readonly LevelChange[], day: string): ServiceLevel | null {
  let found: LevelChange | undefined;
  for (const change of changes) {
    if (change.effectiveFrom > day) continue;
    if (
      !found ||
      change.effectiveFrom > found.effectiveFrom ||
      (change.effectiveFrom === found.effectiveFrom && change.changedAt >= found.changedAt)
    ) {
      found = change;
    }
  }
  if (found) return found.currentLevel;
  let earliest: LevelChange | undefined;
  for (const change of changes) {
    if (!earliest || change.effectiveFrom < earliest.effectiveFrom) earliest = change;
  }
  return earliest?.currentLevel ?? null;
}
