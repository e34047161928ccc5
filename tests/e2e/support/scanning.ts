import { expect, type Page } from '@playwright/test';
import { scannerBurst } from '../../support/wedge-keys';

/** A keyboard-wedge scanner's burst (see scannerBurst): a few ms per key, then the suffix. */
export async function wedgeBurst(page: Page, text: string, suffix: string | null = 'Enter') {
  await scannerBurst(page as unknown as Parameters<typeof scannerBurst>[0], text, { suffix });
}

/** Page object for the scanning parts of the Counter and Devices pages. */
export class ScanPage {
  constructor(readonly page: Page) {}

  card() {
    return this.page.getByTestId('citizen-card');
  }

  async expectCard(name: string): Promise<void> {
    await expect(this.page.getByTestId('citizen-name')).toHaveText(name);
  }

  warningCodes() {
    return this.page.getByTestId('citizen-warnings').locator('li');
  }

  history() {
    return this.page.getByTestId('scan-history-item');
  }

  /** Latency marks the card records (ms from the scan's last byte in the app to the frame). */
  async renderLatencies(): Promise<{ scanId: string; source: string; latencyMs: number }[]> {
    return this.page.evaluate(() =>
      performance.getEntriesByName('citizen-card-rendered').map(
        (e) =>
          (e as unknown as { detail: unknown }).detail as {
            scanId: string;
            source: string;
            latencyMs: number;
          },
      ),
    );
  }

  async wedgeDetectionDelays(): Promise<number[]> {
    return this.page.evaluate(() =>
      performance.getEntriesByName('wedge-scan-detected').map((e) => e.duration),
    );
  }
}
