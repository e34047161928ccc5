import type { StoredSummary, SyncRepository } from '../../../db/repositories/sync-repository';
import type { WireRow } from '../../../native/sync/protocol';
import { nextRevision, SUMMARY_FIELDS, type SummaryCounts } from '../../../native/sync/summary-row';
import type { Clock } from '../shared/clock';
import type { OutboxStore } from './batch-sender';
import { refreshSummariesSync } from './summary-refresh';
import type { DailySummarySource } from './summary-source';

/** Only the declared figures, in wire order: the row is built field by field, never spread. */
export function toWireRow(summary: StoredSummary): WireRow {
  const counts = {} as SummaryCounts;
  for (const f of SUMMARY_FIELDS) counts[f] = summary.counts[f];
  return { day: summary.day, procedure: summary.procedure, revision: summary.revision, counts };
}

/** The workstation's SQLite outbox for one recipient (tables of migration 0005). */
export function workstationOutbox(
  repo: SyncRepository,
  source: DailySummarySource,
  clock: Clock,
  recipientId: number,
): OutboxStore {
  return {
    refresh: async () => void refreshSummariesSync(repo, source, clock),
    pending: async (limit) => repo.pending(recipientId, limit).map(toWireRow),
    backlog: async () => repo.backlog(recipientId),
    acknowledge: async (acks) =>
      repo.transaction(() => {
        for (const a of acks) repo.acknowledge(recipientId, a.day, a.procedure, a.revision);
      }),
    raiseAbove: async (rows) =>
      repo.transaction(() => {
        const now = clock.now();
        for (const row of rows) {
          const summary = repo.summary(row.day, row.procedure);
          if (!summary) continue;
          const revision = nextRevision(Math.max(summary.revision, row.hubRevision), now);
          repo.setRevision(row.day, row.procedure, revision);
          repo.enqueue(row.day, row.procedure, revision, now);
        }
      }),
  };
}
