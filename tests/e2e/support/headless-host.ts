import { test as base } from '@playwright/test';
import {
  startHeadlessHost,
  stopHeadlessHost,
  type RunningHost,
} from '../../support/headless-process';

export { startHeadlessHost, stopHeadlessHost, type RunningHost };

/** Each test gets its own host process and data directory, so tests run in parallel safely. */
export const test = base.extend<{ host: RunningHost }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHeadlessHost();
    await use(host);
    await stopHeadlessHost(host);
  },
});
export { expect } from '@playwright/test';
