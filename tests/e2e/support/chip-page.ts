import { expect, type Page } from '@playwright/test';

/** Page object for the chip panel on the Counter page and the card-readers panel. */
export class ChipPage {
  constructor(readonly page: Page) {}

  panel() {
    return this.page.getByTestId('chip-panel');
  }

  verdict() {
    return this.page.getByTestId('chip-verdict');
  }

  field(name: string) {
    return this.page.getByTestId(`chip-field-${name}`);
  }

  check(id: string) {
    return this.page.locator(`[data-check="${id}"]`);
  }

  async waitForService(state: 'ready' | 'unavailable' | 'disabled'): Promise<void> {
    await expect(this.page.getByTestId('chip-service')).toBeVisible();
    await expect(this.panel()).toHaveAttribute('data-service', state, { timeout: 15_000 });
  }

  async importTrustFile(name: string, contents: Buffer): Promise<void> {
    await this.page.getByTestId('nav-devices').click();
    await expect(this.page.getByTestId('card-readers-panel')).toBeVisible();
    await this.page
      .getByTestId('trust-import')
      .setInputFiles({ name, mimeType: 'application/x-pem-file', buffer: contents });
    await expect(this.page.getByTestId('trust-imported')).toBeVisible();
  }
}
