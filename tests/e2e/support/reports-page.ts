import { expect, type Download, type Page } from '@playwright/test';
import { goToPage } from './app-page';

/** Page object for the Reports page and the dashboard's "report due" reminder. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'reports');
  }

  dueItems() {
    return this.page.getByTestId('reports-due-item');
  }

  async openDue(index: number): Promise<void> {
    await this.dueItems().nth(index).getByTestId('reports-due-open').click();
    await expect(this.page.getByTestId('reports-page')).toBeVisible();
  }

  frame() {
    return this.page.getByTestId('report-frame');
  }

  /** Waits until a preview of the current choices is shown. */
  async previewShown(): Promise<string> {
    await expect(this.page.getByTestId('report-working')).toHaveCount(0, { timeout: 15_000 });
    await expect(this.frame()).toHaveAttribute('src', /^blob:/, { timeout: 15_000 });
    return (await this.frame().getAttribute('src'))!;
  }

  async chooseProfile(name: string): Promise<void> {
    await this.page.getByTestId('report-profile').selectOption({ label: name });
  }

  async chooseMonth(month: string): Promise<void> {
    await this.page.getByTestId('report-period-kind').selectOption('month');
    await this.page.getByTestId('report-month').fill(month);
  }

  async chooseRange(from: string, to: string): Promise<void> {
    await this.page.getByTestId('report-period-kind').selectOption('range');
    await this.page.getByTestId('report-from').fill(from);
    await this.page.getByTestId('report-to').fill(to);
  }

  async setNumber(n: string): Promise<void> {
    await this.page.getByTestId('report-number').fill(n);
  }

  figure(name: 'received' | 'onTimeRate' | 'onlineShare' | 'components' | 'results') {
    return this.page.getByTestId(`report-${name}`);
  }

  error() {
    return this.page.getByTestId('report-error');
  }

  async save(format: 'pdf' | 'xlsx'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`report-save-${format}`).click();
    return download;
  }

  async print(): Promise<void> {
    await this.page.getByTestId('report-print').click();
    await expect(this.page.getByTestId('report-printed')).toBeVisible();
  }

  async writeNote(procedureKey: string, field: string, text: string): Promise<void> {
    await this.page
      .getByTestId(`notes-row-${procedureKey}`)
      .getByTestId(`note-${field}`)
      .fill(text);
  }

  /** Saves the texts and waits for the preview that includes them. */
  async saveNotes(): Promise<void> {
    const before = await this.frame().getAttribute('src');
    await this.page.getByTestId('notes-save').click();
    await expect(this.page.getByTestId('notes-save')).toBeDisabled();
    await expect(this.frame()).not.toHaveAttribute('src', before!, { timeout: 15_000 });
  }
}
