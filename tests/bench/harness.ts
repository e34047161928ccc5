/**
 * A small benchmark harness: runs a function repeatedly, reports mean / p50 / p99 and checks it
 * against its budget. Budgets live here, never in unit tests (timing in tests makes them flaky).
 */
export interface BenchResult {
  suite: string;
  name: string;
  unit: 'ms' | 'ops/s' | 'ratio' | 'MB' | 'KB';
  value: number;
  /** Extra figures worth reporting (p99, samples, rows…). */
  detail: Record<string, number | string>;
  budget?: { max?: number; min?: number; label: string };
}

export interface BenchSuite {
  name: string;
  run(log: (line: string) => void): Promise<BenchResult[]>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface Samples {
  mean: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
  n: number;
}

export function summarise(samples: number[]): Samples {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    n: samples.length,
  };
}

/** Times `fn` `iterations` times after `warmup` untimed runs; milliseconds per call. */
export async function timeIt(
  fn: () => unknown,
  iterations: number,
  warmup = Math.min(5, iterations),
): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * Wall time (the budget) and, beside it, the CPU time of the same calls: on a shared 2-core
 * machine the wall-clock p99 mostly measures the other processes; the CPU time shows the work.
 */
export async function timeWithCpu(
  fn: () => Promise<unknown>,
  iterations: number,
  warmup: number,
): Promise<Samples & { cpuP50: number; cpuP99: number }> {
  const cpu: number[] = [];
  const wall = await timeIt(
    async () => {
      const before = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    },
    iterations,
    warmup,
  );
  const sorted = cpu.slice(warmup).sort((a, b) => a - b);
  return { ...wall, cpuP50: percentile(sorted, 50), cpuP99: percentile(sorted, 99) };
}

export function withinBudget(result: BenchResult): boolean | null {
  if (!result.budget) return null;
  if (result.budget.max !== undefined && result.value > result.budget.max) return false;
  if (result.budget.min !== undefined && result.value < result.budget.min) return false;
  return true;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
