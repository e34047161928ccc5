import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { AppPage } from '../support/app-page';
import { AutofillPageObject } from '../support/autofill-page';
import { expect, startHeadlessHost, stopHeadlessHost, test } from '../support/headless-host';

const QR =
  '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh|01072021';

test('a template is built in the editor with a dry run of exactly what will be sent, then exported and imported', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const autofill = new AutofillPageObject(page);
  await app.open(host.url);
  await autofill.open();
  await autofill.edit('builtin-dob-split');
  await expect(autofill.previewSent(1)).toHaveText('Trần Thị Ngọc Hường');
  await expect(autofill.previewSent(3)).toHaveText('09');
  await expect(autofill.previewSent(5)).toHaveText('11');
  await expect(autofill.previewSent(7)).toHaveText('2003');

  await page.getByTestId('template-new').click();
  await page.getByTestId('template-name').fill('Cổng DVC tỉnh — tờ khai tạm trú');
  await page.getByTestId('add-tab').click();
  await page.getByTestId('add-date-split').click();
  await expect(autofill.previewSent(5)).toHaveText('11');
  await page.getByTestId('template-save').click();
  await expect(autofill.notice()).toBeVisible();
  await expect(page.getByTestId('autofill-templates')).toContainText(
    'Cổng DVC tỉnh — tờ khai tạm trú',
  );

  const download = page.waitForEvent('download');
  await page.getByTestId('templates-export').click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { templates: { name: string }[] };
  expect(exported.templates.map((t) => t.name)).toContain('Cổng DVC tỉnh — tờ khai tạm trú');

  // Importing the same file again keeps names unique.
  await page.getByTestId('templates-import').setInputFiles(file);
  await expect(autofill.notice()).toContainText('Đã nhập 4 mẫu');
  await expect(page.getByTestId('autofill-templates')).toContainText(
    'Cổng DVC tỉnh — tờ khai tạm trú (2)',
  );

  await page.getByTestId('templates-import').setInputFiles({
    name: 'hong.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"khac"}'),
  });
  await expect(page.getByTestId('autofill-page-error')).toHaveAttribute(
    'data-code',
    'AUTOFILL_IMPORT_INVALID',
  );
  const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
  mkdirSync(shots, { recursive: true });
  await autofill.edit('builtin-generic');
  await page.screenshot({ path: join(shots, 'autofill-editor.png'), fullPage: true });
});

test('on the Counter, a masked ID refuses an ID template and a host without a display says so; nothing is typed', async ({
  page,
}) => {
  // This host has no display at all (as on a server): the clerk must get a clear reason.
  const host = await startHeadlessHost({ env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
  try {
    const app = new AppPage(page);
    await app.open(host.url);
    await app.readQr(QR);
    await expect(page.getByTestId('autofill')).toBeVisible();
    await page.getByTestId('autofill-template').selectOption('builtin-generic');
    await page.getByTestId('autofill-start').click();
    await expect(page.getByTestId('autofill-error')).toHaveAttribute(
      'data-code',
      'AUTOFILL_ID_NOT_REVEALED',
    );
    await page.getByTestId('autofill-template').selectOption('builtin-name-split');
    await page.getByTestId('autofill-start').click();
    await expect(page.getByTestId('autofill-error')).toHaveAttribute(
      'data-code',
      'AUTOFILL_NO_DISPLAY',
    );
    await expect(page.getByTestId('autofill-error')).toContainText('Không có màn hình đồ họa');
    await page.screenshot({
      path: join(APP_ROOT, 'tests', 'e2e', 'artifacts', 'autofill-counter.png'),
      fullPage: true,
    });
  } finally {
    await stopHeadlessHost(host);
  }
});
