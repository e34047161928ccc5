import { expect, type Page } from '@playwright/test';
import { goToPage } from './app-page';

/** Page object for Settings › Form autofill and the Counter's autofill card. */
export class AutofillPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'autofill');
  }

  async edit(templateId: string): Promise<void> {
    await this.page.getByTestId(`template-${templateId}`).click();
    await expect(this.page.getByTestId('template-editor')).toBeVisible();
  }

  previewSent(step: number) {
    return this.page.getByTestId(`preview-${step}`).getByTestId('preview-sent');
  }

  notice() {
    return this.page.getByTestId('autofill-notice');
  }
}
