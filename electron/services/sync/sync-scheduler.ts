/**
 * The background sender: wakes when the next recipient is due (its interval after a success, its
 * backoff after a failure), runs it, and sleeps again. State lives in the database, so after a
 * restart the schedule — and the outbox — resume where they were.
 */
export interface ScheduledRecipient {
  id: number;
  enabled: boolean;
  failures: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
}

export interface SchedulerDeps {
  recipients(): ScheduledRecipient[];
  run(recipientId: number): Promise<unknown>;
  now(): number;
  intervalMs(): number;
  onError(error: unknown): void;
}

/** When a recipient is due: its backoff after failures, else its interval after the last try. */
export function dueAt(r: ScheduledRecipient, intervalMs: number): number {
  if (r.failures > 0 && r.nextAttemptAt !== null) return r.nextAttemptAt;
  return r.lastAttemptAt === null ? 0 : r.lastAttemptAt + intervalMs;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** Re-plans the next wake-up (after a run, an enrollment, a settings change). */
  replan(): void;
}

const MAX_SLEEP_MS = 60 * 60_000;

export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let ticking = false;

  async function tick(): Promise<void> {
    timer = null;
    if (ticking) return;
    ticking = true;
    try {
      const now = deps.now();
      const due = deps.recipients().filter((r) => r.enabled && dueAt(r, deps.intervalMs()) <= now);
      for (const r of due) await deps.run(r.id);
    } catch (error) {
      deps.onError(error);
    } finally {
      ticking = false;
      plan();
    }
  }

  function plan(): void {
    if (!started) return;
    if (timer) clearTimeout(timer);
    const enabled = deps.recipients().filter((r) => r.enabled);
    if (enabled.length === 0) {
      timer = null;
      return;
    }
    const next = Math.min(...enabled.map((r) => dueAt(r, deps.intervalMs())));
    const delay = Math.min(MAX_SLEEP_MS, Math.max(0, next - deps.now()));
    timer = setTimeout(() => void tick(), delay);
    timer.unref();
  }

  return {
    start() {
      started = true;
      plan();
    },
    stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    replan: plan,
  };
}
