import { expect, type Page } from '@playwright/test';

/** Opens a page from the navigation bar and waits until it is shown (`nav-X` → `X-page`). */
export async function goToPage(page: Page, name: string): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
  await expect(page.getByTestId(`${name}-page`)).toBeVisible();
}

/** Page object for the app shell, the Counter and Settings pages: selectors live only here. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('app-ready')).toBeVisible();
  }

  async goTo(page: 'counter' | 'settings' | 'devices'): Promise<void> {
    await goToPage(this.page, page);
  }

  async configureOffice(office: {
    officeName: string;
    adminUnitCode: string;
    agencyCode: string;
    place: string;
  }): Promise<void> {
    await this.goTo('settings');
    for (const [field, value] of Object.entries(office)) {
      await this.page.getByTestId(`office-${field}`).fill(value);
    }
    await this.page.getByTestId('office-save').click();
    await expect(this.page.getByTestId('office-saved')).toBeVisible();
  }

  async readQr(text: string): Promise<void> {
    await this.page.getByTestId('qr-input').fill(text);
    await this.page.getByTestId('qr-read').click();
    await expect(this.page.getByTestId('citizen-card')).toBeVisible();
  }

  citizenCard() {
    return this.page.getByTestId('citizen-card');
  }

  async receiveDossier(procedureKey: string): Promise<string> {
    if (!(await this.page.getByTestId('dossier-form').isVisible())) {
      await this.page.getByTestId('open-dossier').click();
    }
    await this.page.getByTestId('procedure-select').selectOption(procedureKey);
    await this.page.getByTestId('dossier-save').click();
    const saved = this.page.getByTestId('dossier-saved');
    await expect(saved).toBeVisible();
    return (await saved.textContent()) ?? '';
  }

  todayTotal() {
    return this.page.getByTestId('today-total');
  }

  todayCount(procedureKey: string) {
    return this.page.getByTestId(`today-row-${procedureKey}`).getByTestId('today-count');
  }
}
