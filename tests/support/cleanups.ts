import { afterEach } from 'vitest';

/** Teardown steps registered during a test, run after it in reverse order (servers, hubs, DBs). */
export function useCleanups(): { push(...steps: (() => unknown)[]): void } {
  const steps: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return { push: (...more) => void steps.push(...more) };
}
