import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { AppPage } from '../support/app-page';
import { expect, test } from '../support/headless-host';
import { CatalogPage, DashboardPage, DossiersPage } from '../support/lifecycle-pages';

const OFFICE = {
  officeName: 'UBND phường Hồng Gai',
  adminUnitCode: '22',
  agencyCode: '000.00.15.H33',
  place: 'Hạ Long',
};
const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');

test('a manager changes a level in the catalogue and sees the history and the dashboard badge update', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  // Tổng quan is first in the navigation.
  await expect(page.locator('.sidebar .nav-item').first()).toHaveText('Tổng quan');
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  // 2022 plan: khai sinh had no online level, target một phần by 31/03/2022 → overdue.
  await expect(dashboard.statusBadge('dang-ky-khai-sinh')).toHaveAttribute(
    'data-status',
    'overdue',
  );

  const catalog = new CatalogPage(page);
  await catalog.open();
  await catalog.select('dang-ky-khai-sinh');
  // A target with a passed deadline is refused with its code and nothing changes.
  await catalog.setLevel({ target: 'full', deadline: '2020-01-01', note: 'Thử thời hạn đã qua' });
  await expect(catalog.levelError()).toHaveAttribute('data-code', 'DEADLINE_IN_PAST');
  await expect(catalog.detailStatus()).toHaveAttribute('data-status', 'overdue');

  await catalog.setLevel({
    current: 'full',
    note: 'Liên thông khai sinh toàn trình trên VNeID từ 2025',
  });
  await expect(page.getByTestId('level-saved')).toBeVisible();
  await expect(catalog.detailStatus()).toHaveAttribute('data-status', 'met');
  await expect(catalog.historyNotes().first()).toHaveText(
    'Liên thông khai sinh toàn trình trên VNeID từ 2025',
  );
  await expect(catalog.historyNotes()).toHaveCount(2); // + the catalogue's first entry
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'catalog-level.png'), fullPage: true });

  await dashboard.open();
  await expect(dashboard.statusBadge('dang-ky-khai-sinh')).toHaveAttribute('data-status', 'met');
  await expect(dashboard.levelBadge('dang-ky-khai-sinh')).toHaveAttribute('data-level', 'full');
});

test('importing the 2025 catalogue shows a diff first, then switches; a broken file changes nothing', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  const catalog = new CatalogPage(page);
  await catalog.open();
  await catalog.chooseImportFile({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schema": 2, "version": "x", "procedures": [{"seq": 1}]}'),
  });
  await expect(page.getByTestId('import-error')).toHaveAttribute('data-code', 'CATALOG_INVALID');
  await expect(page.getByTestId('import-issues')).toContainText('procedures.0.key');

  const file = readFileSync(join(APP_ROOT, 'resources', 'catalog', 'procedures-2025.json'));
  await catalog.chooseImportFile({
    name: 'procedures-2025.json',
    mimeType: 'application/json',
    buffer: file,
  });
  await expect(page.getByTestId('catalog-diff')).toContainText('2025.10-chi-thi-24');
  await expect(page.getByTestId('diff-khai-bao-tam-vang')).toContainText('Khai báo tạm vắng');
  await expect(page.getByTestId('catalog-row-khai-bao-tam-vang')).toContainText('Khai báo tạm trú');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-applied')).toBeVisible();
  await expect(page.getByTestId('catalog-row-khai-bao-tam-vang')).toContainText(
    'Khai báo tạm vắng',
  );
  await expect(page.getByTestId('catalog-versions')).toContainText('2025.10-chi-thi-24');

  // Since 01/10/2025 the 25 take no paper: the counter offers only the assisted online filing and
  // asks for its outcome; a failed filing needs its reason.
  await app.configureOffice(OFFICE);
  await app.goTo('counter');
  await app.readQr(
    '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Hạ Long, Quảng Ninh|01072021',
  );
  await page.getByTestId('open-dossier').click();
  await page.getByTestId('procedure-select').selectOption('dang-ky-thuong-tru');
  await expect(page.getByTestId('online-only')).toContainText('01/10/2025');
  await expect(page.locator('input[name="channel"][value="in_person"]')).toBeDisabled();
  await expect(page.locator('input[name="channel"][value="online_assisted"]')).toBeChecked();
  await page.locator('input[name="assisted"][value="failed"]').check();
  await expect(page.getByTestId('dossier-save')).toBeDisabled();
  await page.getByTestId('assisted-reason').fill('Cổng DVCQG báo lỗi xác thực VNeID');
  await page.getByTestId('dossier-save').click();
  await expect(page.getByTestId('dossier-saved')).toBeVisible();
});

test('a clerk receives a dossier by hand, moves it to done and the dashboard counts it', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.configureOffice(OFFICE);
  const dossiers = new DossiersPage(page);
  await dossiers.open();
  const message = await dossiers.createManual({
    procedureKey: 'dang-ky-tam-tru',
    idNumber: '022303004567',
    fullName: 'Trần Thị Ngọc Hường',
    dateOfBirth: '2003-11-09',
    address: 'Hạ Long',
  });
  const code = /000\.00\.15\.H33-\d{6}-\d{4}/.exec(message)![0];
  await dossiers.openDossier(code);
  await expect(dossiers.detail()).toHaveAttribute('data-status', 'received');
  await expect(page.getByTestId('detail-due')).not.toHaveText('—');
  // Cancelling needs a reason.
  await dossiers.moveTo('cancelled');
  await expect(page.getByTestId('status-error')).toHaveAttribute(
    'data-code',
    'DOSSIER_REASON_REQUIRED',
  );
  await dossiers.moveTo('processing');
  await expect(dossiers.detail()).toHaveAttribute('data-status', 'processing');
  await dossiers.moveTo('done');
  await expect(dossiers.detail()).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('dossier-timeline')).toContainText('Đang xử lý → Hoàn thành');
  await page.screenshot({ path: join(shots, 'dossiers.png'), fullPage: true });

  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await expect(dashboard.receivedIn('dang-ky-tam-tru')).toHaveText('1');
  const onTime = dashboard.totalFigure('onTimeRate');
  await expect(onTime).toHaveAttribute('data-numerator', '1');
  await expect(onTime).toHaveAttribute('data-denominator', '1');
  await onTime.hover();
  await expect(onTime.getByRole('tooltip')).toContainText('QĐ 766');
  await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
});
