import { expect, type Page } from '@playwright/test';
import { goToPage } from './app-page';

/** Page object for the Sync page (Đồng bộ): selectors live only here. */
export class SyncPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'sync');
  }

  backlog() {
    return this.page.getByTestId('sync-backlog');
  }

  lastSuccess() {
    return this.page.getByTestId('sync-last-success');
  }

  async enroll(hubUrl: string, code: string): Promise<void> {
    await this.page.getByTestId('enroll-hub-url').fill(hubUrl);
    await this.page.getByTestId('enroll-code').fill(code);
    await this.page.getByTestId('enroll-submit').click();
    await expect(this.page.getByTestId('enroll-done')).toBeVisible();
  }

  async syncNow(): Promise<void> {
    await this.page.getByTestId('sync-now').click();
    await expect(this.page.getByTestId('sync-result')).toBeVisible();
  }

  result() {
    return this.page.getByTestId('sync-result');
  }

  recipient(id = 1) {
    return this.page.getByTestId(`sync-recipient-${id}`);
  }

  recipientError(id = 1) {
    return this.recipient(id)
      .getByTestId('error-notice')
      .or(this.recipient(id).getByTestId('recipient-error'));
  }
}
