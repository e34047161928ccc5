import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { AppPage } from '../support/app-page';
import { expect, test } from '../support/headless-host';

const OFFICE = {
  officeName: 'UBND phường Hồng Gai',
  adminUnitCode: '06658',
  agencyCode: '000.00.15.H33',
  place: 'Hạ Long',
};
// Synthetic citizen (cccd-formats.md §1.2 layout); the name carries stacked diacritics.
const QR =
  '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh|01072021';

test('a clerk reads a CCCD QR, receives a dossier and sees today’s count change', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await expect(page.getByTestId('office-missing')).toBeVisible();
  await app.configureOffice(OFFICE);
  await app.goTo('counter');
  await expect(page.getByTestId('office-missing')).toHaveCount(0);

  await app.readQr(QR);
  await expect(app.citizenCard()).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('citizen-name')).toHaveText('Trần Thị Ngọc Hường');
  await expect(page.getByTestId('citizen-dob')).toHaveText('09/11/2003');
  await expect(page.getByTestId('citizen-id')).toHaveText('0223******67');

  const message = await app.receiveDossier('dang-ky-thuong-tru');
  expect(message).toMatch(/000\.00\.15\.H33-\d{6}-0001/);
  await expect(app.todayTotal()).toHaveText('1');
  await expect(app.todayCount('dang-ky-thuong-tru')).toHaveText('1');

  // A second dossier for the same citizen continues the day's sequence.
  await app.readQr(QR);
  expect(await app.receiveDossier('dang-ky-thuong-tru')).toMatch(/-0002/);
  await expect(app.todayCount('dang-ky-thuong-tru')).toHaveText('2');
  await expect(page.getByTestId('recent-table')).toContainText('Trần Thị Ngọc Hường');

  await app.readQr(QR);
  const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'counter.png'), fullPage: true });
});

test('a malformed QR shows its error code and a Vietnamese explanation, and saves nothing', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.readQr('022303004567|Trần Thị Ngọc Hường|09112003|Nữ');
  await expect(app.citizenCard()).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('citizen-error')).toHaveAttribute('data-code', 'QR_FIELD_COUNT');
  await expect(page.getByTestId('citizen-error')).toContainText('Mã QR thiếu trường dữ liệu');
  await expect(page.getByTestId('dossier-form')).toHaveCount(0);

  await app.readQr('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
  await expect(page.getByTestId('citizen-error')).toHaveAttribute('data-code', 'QR_URL');
  await expect(app.todayTotal()).toHaveText('0');
});

test('the UI switches to English and back', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await expect(page.getByTestId('nav-counter')).toHaveText('Quầy tiếp nhận');
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('nav-counter')).toHaveText('Counter');
  await app.readQr('abc');
  await expect(page.getByTestId('citizen-error')).toContainText('This is not an ID card QR code');
  await page.getByTestId('language-select').selectOption('vi');
  await expect(page.getByTestId('nav-counter')).toHaveText('Quầy tiếp nhận');
});
