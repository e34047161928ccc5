import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../../electron/api/dispatch';
import { APP_ROOT } from '../../../electron/host/app-root';
import { createServices } from '../../../electron/services/create-services';
import { seedDemoOffice } from '../../../electron/services/demo/demo-service';
import { systemClock } from '../../../electron/services/shared/clock';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { pdfInfo } from '../../support/pdf-tools';
import { pdfText } from '../../support/reports';
import { AppPage } from '../support/app-page';
import { expect, startHeadlessHost, stopHeadlessHost, test } from '../support/headless-host';
import { DashboardPage } from '../support/lifecycle-pages';
import { ReportsPage } from '../support/reports-page';

const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
const OFFICE = {
  officeName: 'UBND phường Hồng Gai',
  adminUnitCode: '22',
  agencyCode: '000.00.15.H33',
  place: 'Hạ Long',
};

/** A data folder with ten weeks of synthetic history, as `demo seed` makes it. */
async function seededDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const services = createServices({
    dataDir: dir,
    appRoot: APP_ROOT,
    appVersion: 'e2e',
    host: 'web',
  });
  await createDispatcher(services.handlers).dispatch('settings.updateOffice', OFFICE);
  seedDemoOffice(services, systemClock, { days: 75, perWeekday: 20, seed: 5 });
  services.close();
  return dir;
}

function months(): { last: string; next: string } {
  const today = vnDay(Date.now());
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const at = (delta: number) => new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
  return { last: at(-1), next: at(1) };
}

test('a manager answers the reminder: previews, saves PDF and Excel, prints, fills the Đề án 06 texts', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const host = await startHeadlessHost({ dataDir: await seededDataDir() });
  try {
    const { last, next } = months();
    const app = new AppPage(page);
    await app.open(host.url);
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    const reports = new ReportsPage(page);
    // Both bundled monthly profiles are due for last month until a report is issued.
    await expect(reports.dueItems()).toHaveCount(2);
    // The dashboard's own answer for last month, through the API the page uses.
    const token = (await page.evaluate('sessionStorage.getItem("motcua.token")')) as string;
    const response = await page.request.post(`${host.origin}/api/call/dashboard.get`, {
      headers: { Authorization: `Bearer ${token}`, Origin: host.origin },
      data: { period: last },
    });
    const { value: expected } = (await response.json()) as {
      value: { totals: { received: number; figures: { onTimeRate: { numerator: number } } } };
    };
    const received = new Intl.NumberFormat('vi-VN').format(expected.totals.received);
    const onTime = String(expected.totals.figures.onTimeRate.numerator);
    await page.getByTestId('dashboard-month').fill(last);
    await expect(dashboard.totalFigure('received')).toHaveText(received);
    await expect(dashboard.totalFigure('onTimeRate')).toHaveAttribute('data-numerator', onTime);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'reports-due-dashboard.png'), fullPage: true });

    await reports.openDue(0);
    await reports.previewShown();
    // The same query as the dashboard: the same figures, to the unit.
    await expect(reports.figure('received')).toHaveText(received);
    await expect(reports.figure('onTimeRate')).toHaveAttribute('data-numerator', onTime);
    await reports.setNumber('12');
    await reports.previewShown();
    await page.screenshot({ path: join(shots, 'reports-preview.png'), fullPage: true });

    const pdf = await reports.save('pdf');
    const pdfFile = join(host.dataDir, pdf.suggestedFilename());
    await pdf.saveAs(pdfFile);
    expect(pdf.suggestedFilename()).toMatch(/^bao-cao-.*\.pdf$/);
    expect(pdfInfo(pdfFile)['Page size']).toContain('(A4)');
    const text = pdfText(pdfFile);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 12/BC-UBND');
    expect(text).toContain(`tiếp nhận ${received} hồ sơ`);

    const xlsx = await reports.save('xlsx');
    const xlsxFile = join(host.dataDir, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxFile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsxFile) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('Theo thủ tục');

    // Saved: that profile's reminder is gone.
    await dashboard.open();
    await expect(reports.dueItems()).toHaveCount(1);

    // The Đề án 06 profile: the editable cells, then printing (which also counts as issued).
    await reports.openDue(0);
    await reports.previewShown();
    await reports.writeNote('dang-ky-khai-sinh', 'problems', 'Giấy chứng sinh điện tử đến chậm');
    await reports.saveNotes();
    await reports.previewShown();
    await page.screenshot({ path: join(shots, 'reports-de-an-06.png'), fullPage: true });
    const before = await reports.frame().getAttribute('src');
    await reports.print();
    await expect(reports.frame()).not.toHaveAttribute('src', before!);
    await dashboard.open();
    await expect(page.getByTestId('reports-due')).toHaveCount(0);

    // Bad input: a month that has not started, a range backwards.
    await reports.open();
    await reports.chooseMonth(next);
    await expect(reports.error()).toHaveAttribute('data-code', 'REPORT_PERIOD_FUTURE');
    await expect(reports.error()).toContainText('Kỳ báo cáo chưa bắt đầu');
    await reports.chooseRange(`${last}-20`, `${last}-10`);
    await expect(reports.error()).toHaveAttribute('data-code', 'PERIOD_INVALID');
  } finally {
    await stopHeadlessHost(host);
  }
});
