/**
 * Retry delays for the sender: exponential with "equal jitter" (half fixed, half random), so a
 * province's offices coming back after an outage do not all knock at the same second, yet no
 * retry comes sooner than half its step.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 30 * 60_000 };

/** Delay before the next try after `failures` consecutive failures (≥ 1). */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}
