import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { pdfInfo } from '../../support/pdf-tools';
import { AppPage } from '../support/app-page';
import { DevicesPageObject, DigitizationPageObject } from '../support/digitization-page';
import { expect, test } from '../support/headless-host';

const OFFICE = {
  officeName: 'UBND phường Hồng Gai',
  adminUnitCode: '06658',
  agencyCode: '000.00.15.H33',
  place: 'Hạ Long',
};
const QR =
  '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh|01072021';
const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');

async function receiveOneDossier(app: AppPage): Promise<string> {
  await app.configureOffice(OFFICE);
  await app.goTo('counter');
  await app.readQr(QR);
  const message = await app.receiveDossier('dang-ky-khai-sinh');
  return /000\.00\.15\.H33-\d{6}-\d{4}/.exec(message)![0];
}

test('IT staff set up a scanner; a clerk scans a dossier component, files it and views the PDF', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  mkdirSync(shots, { recursive: true });
  const app = new AppPage(page);
  await app.open(host.url);
  const code = await receiveOneDossier(app);

  const devices = new DevicesPageObject(page);
  await devices.open();
  await devices.typeDevice('sane:test');
  const caps = await devices.showCapabilities();
  await expect(caps).toContainText('Automatic Document Feeder');
  await expect(caps.getByTestId('caps-source')).toHaveCount(2);
  await devices.saveProfile({
    name: 'Quầy 1 — khay ADF, màu 200 dpi',
    uri: 'sane:test',
    source: 'feeder',
    dpi: 200,
    color: 'color',
    isDefault: true,
  });
  await expect(await devices.testScan()).toContainText('200 dpi');
  await expect(page.getByTestId('test-scan').getByTestId('page-thumb-img')).toBeVisible();
  await page.screenshot({ path: join(shots, 'devices.png'), fullPage: true });
  await page.getByTestId('test-discard').click();
  await expect(page.getByTestId('test-scan')).toHaveCount(0);
  await devices.saveProfile({
    name: 'Trang trắng (mặt kính)',
    uri: 'sane:test?test-picture=Solid%20white',
    source: 'flatbed',
    dpi: 300,
    color: 'gray',
  });

  const digitization = new DigitizationPageObject(page);
  await digitization.open();
  await digitization.selectDossier(code);
  await digitization.openScan('component');
  await expect(page.getByTestId('page-policy')).toContainText(
    'mỗi mặt giấy được quét và được giữ lại là một trang',
  );
  await digitization.chooseProfile('Quầy 1');
  await digitization.scan();
  // The test backend's feeder holds 10 sheets; every page arrived as a live thumbnail.
  await expect(digitization.thumbs()).toHaveCount(10);
  await expect(page.getByTestId('page-thumb-img')).toHaveCount(10);
  await expect(page.getByTestId('scan-status')).toContainText('giữ 10 trang');
  await page.screenshot({ path: join(shots, 'scan-dialog.png'), fullPage: true });
  await digitization.save('giay-chung-sinh');
  await expect(digitization.documents()).toHaveCount(1);
  await expect(digitization.documents().first().getByTestId('document-pages')).toHaveText(
    '10 trang',
  );
  await expect(
    page.locator(
      `[data-testid="dossier-row"][data-code="${code}"] [data-testid="row-component-pages"]`,
    ),
  ).toHaveText('10');

  await digitization.documents().first().getByTestId('document-view').click();
  const frame = page.getByTestId('pdf-frame');
  // The test backend's colour pattern compresses badly (≈2 MB a page): allow time to load.
  await expect(frame).toHaveAttribute('src', /^blob:/, { timeout: 30_000 });
  // The page's CSP forbids fetching the blob back, so read the same bytes the viewer got through
  // the contract, and check them with poppler.
  const token = (await page.evaluate('sessionStorage.getItem("motcua.token")')) as string;
  const response = await page.request.post(`${host.origin}/api/call/digitization.documentPdf`, {
    headers: { Authorization: `Bearer ${token}`, Origin: host.origin },
    data: { documentId: 1 },
  });
  const { value } = (await response.json()) as { value: { dataBase64: string } };
  const pdfFile = join(host.dataDir, 'viewed.pdf');
  writeFileSync(pdfFile, Buffer.from(value.dataBase64, 'base64'));
  expect(pdfInfo(pdfFile)).toMatchObject({ Pages: '10', 'PDF version': '1.4' });
  await page.screenshot({ path: join(shots, 'pdf-viewer.png'), fullPage: true });
  await page.getByTestId('pdf-close').click();

  // A blank page is flagged and left out until the clerk keeps it.
  await digitization.openScan('result');
  await digitization.chooseProfile('Trang trắng');
  await digitization.scan();
  await expect(digitization.thumbs()).toHaveCount(1);
  await expect(page.getByTestId('blank-flag')).toBeVisible();
  await expect(page.getByTestId('scan-save')).toBeDisabled();
  await page.getByTestId('page-keep').click();
  await expect(page.getByTestId('page-keep')).toBeChecked();
  await expect(page.getByTestId('scan-save')).toBeEnabled();
  await digitization.save('giay-khai-sinh', 'Giấy khai sinh (bản chính)');
  await expect(digitization.documents()).toHaveCount(2);
});

test('a paper jam shows its code and Vietnamese message, and the pages stay in a draft', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  const code = await receiveOneDossier(app);
  const devices = new DevicesPageObject(page);
  await devices.open();
  await devices.saveProfile({
    name: 'Máy kẹt giấy',
    uri: 'sane:test?read-return-value=SANE_STATUS_JAMMED',
    source: 'feeder',
    dpi: 200,
    color: 'gray',
  });

  const digitization = new DigitizationPageObject(page);
  await digitization.open();
  await digitization.selectDossier(code);
  await digitization.openScan('component');
  await digitization.scan();
  const error = page.getByTestId('scan-error');
  await expect(error).toHaveAttribute('data-code', 'PAPER_JAM');
  await expect(error).toContainText('Giấy bị kẹt');
  await page.getByTestId('scan-close').click();
  await expect(page.getByTestId('draft-row')).toHaveAttribute('data-state', 'failed');
  await page.getByTestId('draft-open').click();
  await page.getByTestId('scan-discard').click();
  await expect(page.getByTestId('draft-row')).toHaveCount(0);
});
