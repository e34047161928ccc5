/**
 * Turns "this day × procedure changed" marks into new revisions and outbox entries. Runs in one
 * IMMEDIATE transaction per chunk, so a dossier written meanwhile waits and is marked again after:
 * no change is ever lost between computing a day and clearing its mark.
 */
import type { SyncRepository } from '../../../db/repositories/sync-repository';
import {
  figuresKey,
  isAllZero,
  keyOf,
  nextRevision,
  zeroCounts,
} from '../../../native/sync/summary-row';
import type { Clock } from '../shared/clock';
import type { DailySummaryData, DailySummarySource } from './summary-source';

export interface RefreshResult {
  checked: number;
  revised: number;
}

const CHUNK = 5000;

/** Sorted distinct days → [from, to] runs of consecutive days, so sparse changes stay cheap. */
export function consecutiveRuns(sortedDays: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const day of sortedDays) {
    const last = runs[runs.length - 1];
    if (last && Date.parse(`${day}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === 86_400_000)
      last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

function computeDays(source: DailySummarySource, days: string[]): Map<string, DailySummaryData> {
  const computed = new Map<string, DailySummaryData>();
  for (const [from, to] of consecutiveRuns(days)) {
    for (const row of source.rows(from, to)) computed.set(keyOf(row), row);
  }
  return computed;
}

export function refreshSummariesSync(
  repo: SyncRepository,
  source: DailySummarySource,
  clock: Clock,
): RefreshResult {
  const result: RefreshResult = { checked: 0, revised: 0 };
  for (;;) {
    const step = repo.transaction(() => {
      const dirty = repo.dirtyKeys(CHUNK);
      if (dirty.length === 0) return null;
      const days = [...new Set(dirty.map((d) => d.day))].sort();
      const computed = computeDays(source, days);
      const now = clock.now();
      let revised = 0;
      for (const key of dirty) {
        const counts = computed.get(keyOf(key))?.counts ?? zeroCounts();
        const figures = figuresKey(counts);
        const existing = repo.summary(key.day, key.procedure);
        // A row that was sent and then lost all its dossiers is sent again as zeros.
        const changed = existing ? existing.figuresKey !== figures : !isAllZero(counts);
        if (changed) {
          const revision = nextRevision(existing?.revision, now);
          repo.upsertSummary({ ...key, counts, figuresKey: figures, revision }, now);
          repo.enqueue(key.day, key.procedure, revision, now);
          revised += 1;
        }
        repo.clearDirty(key.day, key.procedure);
      }
      return { checked: dirty.length, revised };
    });
    if (!step) return result;
    result.checked += step.checked;
    result.revised += step.revised;
  }
}

/**
 * Recomputes every day that has data or a summary, whether or not a trigger marked it: the
 * safety net for a source table without a change trigger. Only changed figures get a revision.
 */
export function reconcileAllSummariesSync(
  repo: SyncRepository,
  source: DailySummarySource,
  clock: Clock,
): RefreshResult {
  repo.transaction(() => {
    repo.markSummariesDirty('0000-00-00', '9999-99-99');
    for (const [from, to] of consecutiveRuns(source.days())) {
      for (const row of source.rows(from, to)) repo.markDirty(row.day, row.procedure);
    }
  });
  return refreshSummariesSync(repo, source, clock);
}
