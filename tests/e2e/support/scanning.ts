import { expect, type Page } from '@playwright/test';

/**
 * What a keyboard-wedge scanner does: one key event per character, a few milliseconds apart,
 * then Enter. Characters with no key on the layout (Vietnamese letters) arrive as text input,
 * as Alt-code capable scanners deliver them.
 */
export async function wedgeBurst(page: Page, text: string, suffix: string | null = 'Enter') {
  await page.keyboard.type(text);
  if (suffix) await page.keyboard.press(suffix);
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
