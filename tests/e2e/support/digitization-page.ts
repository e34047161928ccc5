import { expect, type Page } from '@playwright/test';
import { goToPage } from './app-page';

/** Page objects for the Devices (document scanners) and Digitization pages: selectors live here. */
export class DevicesPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'devices');
  }

  async typeDevice(uri: string): Promise<void> {
    await this.page.getByTestId('scanner-uri').fill(uri);
  }

  async showCapabilities() {
    await this.page.getByTestId('scanner-caps').click();
    const caps = this.page.getByTestId('scanner-capabilities');
    await expect(caps).toBeVisible();
    return caps;
  }

  async saveProfile(p: {
    name: string;
    uri: string;
    source: 'feeder' | 'flatbed';
    dpi: number;
    color: 'color' | 'gray' | 'bw';
    isDefault?: boolean;
  }) {
    await this.typeDevice(p.uri);
    await this.page.getByTestId('profile-name').fill(p.name);
    await this.page.getByTestId('profile-source').selectOption(p.source);
    await this.page.getByTestId('profile-dpi').selectOption(String(p.dpi));
    await this.page.getByTestId('profile-color').selectOption(p.color);
    if (p.isDefault) await this.page.getByTestId('profile-default').check();
    await this.page.getByTestId('profile-save').click();
    await expect(this.page.getByTestId('profile-saved')).toBeVisible();
    await expect(this.page.getByTestId('profile-row').filter({ hasText: p.name })).toBeVisible();
  }

  async testScan() {
    await this.page.getByTestId('scanner-test').click();
    const result = this.page.getByTestId('test-result');
    await expect(result).toBeVisible({ timeout: 20_000 });
    return result;
  }
}

export class DigitizationPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'digitization');
  }

  async selectDossier(code: string): Promise<void> {
    await this.page.locator(`[data-testid="dossier-row"][data-code="${code}"]`).click();
    await expect(this.page.getByTestId('dossier-panel')).toHaveAttribute('data-code', code);
  }

  dialog() {
    return this.page.getByTestId('scan-dialog');
  }

  async openScan(kind: 'component' | 'result'): Promise<void> {
    await this.page.getByTestId(kind === 'component' ? 'scan-component' : 'scan-result').click();
    await expect(this.dialog()).toBeVisible();
  }

  async chooseProfile(name: string): Promise<void> {
    const select = this.page.getByTestId('scan-profile');
    const value = await select.locator('option', { hasText: name }).getAttribute('value');
    await select.selectOption(value!);
  }

  /** Presses Scan and waits until the device is done (state no longer "scanning"). */
  async scan(): Promise<void> {
    await this.page.getByTestId('scan-start').click();
    await expect(this.page.getByTestId('scan-status')).toBeVisible();
    await expect(this.page.getByTestId('scan-status')).not.toHaveAttribute(
      'data-state',
      'scanning',
      { timeout: 30_000 },
    );
  }

  thumbs() {
    return this.page.getByTestId('page-thumb');
  }

  async save(typeKey: string, title?: string): Promise<string> {
    await this.page.getByTestId('scan-type').selectOption(typeKey);
    if (title) await this.page.getByTestId('scan-title').fill(title);
    await this.page.getByTestId('scan-save').click();
    const saved = this.page.getByTestId('document-saved');
    await expect(saved).toBeVisible();
    return (await saved.textContent()) ?? '';
  }

  documents() {
    return this.page.getByTestId('document-row');
  }
}
