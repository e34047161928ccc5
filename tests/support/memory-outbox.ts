import type { OutboxStore } from '../../electron/services/sync/batch-sender';
import type { WireRow } from '../../native/sync/protocol';
import { nextRevision } from '../../native/sync/summary-row';

/** An office's outbox held in memory, for simulating many offices with the real sender. */
export function memoryOutbox(rows: WireRow[]): OutboxStore & { size(): number } {
  const pending = new Map(rows.map((r) => [`${r.day}|${r.procedure}`, r]));
  return {
    refresh: async () => {},
    pending: async (limit) => [...pending.values()].slice(0, limit),
    backlog: async () => pending.size,
    acknowledge: async (acks) => {
      for (const a of acks) {
        const k = `${a.day}|${a.procedure}`;
        if (pending.get(k)?.revision === a.revision) pending.delete(k);
      }
    },
    raiseAbove: async (list) => {
      for (const r of list) {
        const k = `${r.day}|${r.procedure}`;
        const held = pending.get(k);
        if (held) pending.set(k, { ...held, revision: nextRevision(r.hubRevision, Date.now()) });
      }
    },
    size: () => pending.size,
  };
}
