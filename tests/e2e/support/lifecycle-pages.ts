import { expect, type Page } from '@playwright/test';
import { goToPage } from './app-page';

/** Page objects for the Dashboard, Catalogue and Dossiers pages: selectors live only here. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'dashboard');
    await expect(this.page.getByTestId('procedures-table')).toBeVisible();
  }

  row(key: string) {
    return this.page.getByTestId(`dashboard-row-${key}`);
  }

  statusBadge(key: string) {
    return this.row(key).getByTestId('row-status');
  }

  levelBadge(key: string) {
    return this.row(key).getByTestId('row-level');
  }

  receivedIn(key: string) {
    return this.row(key).getByTestId('row-received');
  }

  totalFigure(name: string) {
    return this.page.getByTestId(`total-${name}`);
  }

  alertsSummary() {
    return this.page.getByTestId('alerts-summary');
  }
}

export class CatalogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'catalog');
  }

  async select(key: string): Promise<void> {
    await this.page.getByTestId(`catalog-row-${key}`).click();
    await expect(this.page.getByTestId('procedure-detail')).toHaveAttribute('data-key', key);
  }

  async setLevel(change: {
    current?: string;
    target?: string;
    deadline?: string;
    note: string;
  }): Promise<void> {
    // Every field is set, blanks included, so an earlier attempt's values do not linger.
    await this.page.getByTestId('level-current').selectOption(change.current ?? '');
    await this.page.getByTestId('level-target').selectOption(change.target ?? '');
    await this.page.getByTestId('level-deadline').fill(change.deadline ?? '');
    await this.page.getByTestId('level-note').fill(change.note);
    await this.page.getByTestId('level-save').click();
  }

  detailStatus() {
    return this.page.getByTestId('detail-status');
  }

  historyNotes() {
    return this.page.getByTestId('history-note');
  }

  levelError() {
    return this.page.getByTestId('level-error');
  }

  async chooseImportFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(file);
  }
}

export class DossiersPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goToPage(this.page, 'dossiers');
  }

  async createManual(input: {
    procedureKey: string;
    idNumber: string;
    fullName: string;
    dateOfBirth: string;
    address: string;
  }): Promise<string> {
    const form = this.page.getByTestId('manual-dossier-form');
    await form.getByTestId('manual-procedure').selectOption(input.procedureKey);
    await form.getByTestId('manual-idNumber').fill(input.idNumber);
    await form.getByTestId('manual-fullName').fill(input.fullName);
    await form.getByTestId('manual-dateOfBirth').fill(input.dateOfBirth);
    await form.getByTestId('manual-address').fill(input.address);
    await form.getByTestId('manual-create').click();
    const created = this.page.getByTestId('manual-created');
    await expect(created).toBeVisible();
    return (await created.textContent()) ?? '';
  }

  async openDossier(code: string): Promise<void> {
    await this.page.locator(`[data-testid="dossier-row"][data-code="${code}"]`).click();
    await expect(this.page.getByTestId('dossier-detail')).toBeVisible();
  }

  async moveTo(status: string, note = ''): Promise<void> {
    await this.page.getByTestId('status-next').selectOption(status);
    if (note) await this.page.getByTestId('status-note').fill(note);
    await this.page.getByTestId('status-apply').click();
  }

  detail() {
    return this.page.getByTestId('dossier-detail');
  }
}
