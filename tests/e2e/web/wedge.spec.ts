import { AppPage } from '../support/app-page';
import { expect, test } from '../support/headless-host';
import { ScanPage, wedgeBurst } from '../support/scanning';

// Synthetic citizen (cccd-formats.md §1.2 layout).
const QR =
  '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh|01072021';
const QR_ASCII = '079203000123||Nguyen Van An|15052003|Nam|So 1 Duong Mau, Phuong Mau|01072021';

test('a scanner-speed keystroke burst shows the citizen card and lands in no text field', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const scan = new ScanPage(page);
  await app.open(host.url);
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  // The clerk happens to be in the QR text box when the scanner fires.
  await page.getByTestId('qr-input').click();
  await wedgeBurst(page, QR);
  await scan.expectCard('Trần Thị Ngọc Hường');
  await expect(scan.card()).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('citizen-source')).toContainText('chế độ bàn phím');
  await expect(page.getByTestId('qr-input')).toHaveValue('');
  await expect(page.getByTestId('wedge-warning')).toBeVisible();
  const delays = await scan.wedgeDetectionDelays();
  expect(delays).toHaveLength(1);
});

test('ordinary typing in a text field is not captured', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  const box = page.getByTestId('qr-input');
  await box.click();
  await page.keyboard.type('Ghi chú của cán bộ: 0912', { delay: 90 });
  await expect(box).toHaveValue('Ghi chú của cán bộ: 0912');
  // A fast pair of keys (key rollover) is still typing: it comes back to the field in order.
  await page.keyboard.type('ab', { delay: 5 });
  await expect(box).toHaveValue('Ghi chú của cán bộ: 0912ab');
  await expect(page.getByTestId('citizen-card')).toHaveCount(0);
});

test('a wedge scan that lost its diacritics shows the warning and the fix', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const scan = new ScanPage(page);
  await app.open(host.url);
  await wedgeBurst(page, QR_ASCII); // focus on the page itself, as at a busy counter
  await scan.expectCard('Nguyen Van An');
  await expect(scan.card()).toHaveAttribute('data-status', 'warnings');
  await expect(scan.warningCodes()).toHaveAttribute('data-code', 'WEDGE_DIACRITICS_LOST');
  await expect(scan.warningCodes()).toContainText('HID POS hoặc cổng COM');
  await expect(page.getByTestId('wedge-warning')).toContainText(
    'chuyển máy quét sang chế độ HID POS',
  );

  // "Nữ" typed by a wedge that drops "ữ" is "N": an error with its code, and nothing to save.
  await wedgeBurst(page, QR.replace('|Nữ|', '|N|').replace(/[^\x20-\x7e]/g, ''));
  await expect(scan.card()).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('citizen-error')).toHaveAttribute('data-code', 'QR_SEX_INVALID');
  await expect(page.getByTestId('open-dossier')).toHaveCount(0);
});

test('a repeated scan within seconds is merged; the last scans are listed for re-use', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const scan = new ScanPage(page);
  await app.open(host.url);
  await wedgeBurst(page, QR_ASCII);
  await scan.expectCard('Nguyen Van An');
  await wedgeBurst(page, QR_ASCII);
  await expect(page.getByTestId('scan-repeats')).toContainText('2');
  await expect(scan.history()).toHaveCount(1);

  await page.getByTestId('qr-input').fill(QR);
  await page.getByTestId('qr-read').click();
  await scan.expectCard('Trần Thị Ngọc Hường');
  await expect(scan.history()).toHaveCount(2);
  await scan.history().filter({ hasText: 'Nguyen Van An' }).click();
  await scan.expectCard('Nguyen Van An');
});

test('masked ID is revealed on click, and a dossier opens from the card in one click', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.configureOffice({
    officeName: 'UBND phường Hồng Gai',
    adminUnitCode: '06658',
    agencyCode: '000.00.15.H33',
    place: 'Hạ Long',
  });
  await app.goTo('counter');
  await page.getByTestId('qr-input').click();
  await wedgeBurst(page, QR);
  await expect(page.getByTestId('citizen-id')).toHaveText('0223******67');
  await page.getByTestId('reveal-id').click();
  await expect(page.getByTestId('citizen-id')).toHaveText('022303004567');
  await page.getByTestId('hide-id').click();
  await expect(page.getByTestId('citizen-id')).toHaveText('0223******67');

  await page.getByTestId('open-dossier').click();
  await expect(page.getByTestId('procedure-search')).toBeFocused();
  await page.getByTestId('procedure-search').fill('khai sinh');
  const options = page.getByTestId('procedure-select').locator('option');
  await expect(options.nth(1)).toContainText('khai sinh');
  await page.getByTestId('procedure-select').selectOption({ index: 1 });
  await page.getByTestId('dossier-save').click();
  await expect(page.getByTestId('dossier-saved')).toContainText('000.00.15.H33-');
});
