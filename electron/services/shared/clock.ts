/** Injected everywhere time matters, so tests and benchmarks can pin "now". */
export interface Clock {
  now(): number; // epoch ms
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(
  epochMs: number,
): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = epochMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
