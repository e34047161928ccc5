import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { APP_ROOT } from '../../../electron/host/app-root';
import { AppPage } from '../support/app-page';
import { expect, test } from '../support/headless-host';
import { ScanPage, wedgeBurst } from '../support/scanning';
import { startPtyPair, type PtyPair } from '../../support/socat-pty';

const QR =
  '001190012345|012345678|Đặng Thị Thu Hường|01011990|Nữ|Ấp Mỹ Hòa, xã Đông Hưng, Tỉnh Hòa Bình|15042021';

let ptyDir: string;
let pty: PtyPair | null = null;
test.beforeEach(() => {
  ptyDir = mkdtempSync(join(tmpdir(), 'motcua-pty-'));
});
test.afterEach(async () => {
  await pty?.unplug();
  pty = null;
  rmSync(ptyDir, { recursive: true, force: true });
});

async function addSerialScanner(page: AppPage['page'], path: string, label: string) {
  await page.getByTestId('serial-add').click();
  await page.getByTestId('serial-path').fill(path);
  await page.getByTestId('serial-label').fill(label);
  await page.getByTestId('serial-baud').selectOption('115200');
  await page.getByTestId('serial-suffix').selectOption('CRLF');
  await page.getByTestId('serial-save').click();
  await expect(
    page.locator(`[data-testid=scanner-row][data-key="serial:${path}"]`),
  ).toHaveAttribute('data-state', 'connected');
}

test('a serial scanner set up on the Devices page feeds the Counter; unplug and replug are survived', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const scan = new ScanPage(page);
  pty = await startPtyPair(ptyDir);
  await app.open(host.url);
  await app.goTo('devices');
  await addSerialScanner(page, pty.devicePath, 'Máy quét COM quầy 1');

  await app.goTo('counter');
  pty.write(`${QR}\r\n`);
  await scan.expectCard('Đặng Thị Thu Hường');
  await expect(page.getByTestId('citizen-source')).toContainText('Máy quét COM quầy 1');
  await expect(page.getByTestId('wedge-warning')).toHaveCount(0);
  const [latency] = await scan.renderLatencies();
  expect(latency!.source).toBe('serial');
  expect(latency!.latencyMs).toBeGreaterThan(0);

  // The old 9-digit ID as a one-page PDF, saved in the data folder.
  await page.getByTestId('print-old-id').click();
  await expect(page.getByTestId('old-id-slip')).toBeVisible();
  const saved = (await page.getByTestId('old-id-slip-file').textContent())!.replace(/^[^:]*: /, '');
  expect(saved.startsWith(join(host.dataDir, 'slips'))).toBe(true);
  const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
  expect(text).toContain('012345678');
  expect(text).toContain('Đặng Thị Thu Hường');
  const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'counter-serial-slip.png'), fullPage: true });

  // Unplugged mid-scan: the partial scan is dropped, the clerk is told, the card stays.
  pty.write(QR.slice(0, 50));
  await expect(page.getByTestId('scan-receiving')).toBeVisible(); // the partial scan reached the app
  await pty.unplug();
  await expect(page.getByTestId('scan-discarded')).toBeVisible();
  await expect(page.getByTestId('device-status')).toContainText('rút ra');
  await scan.expectCard('Đặng Thị Thu Hường');

  // Plugged back in: picked up again without restarting, and the next scan works.
  pty = await startPtyPair(ptyDir);
  await expect(page.getByTestId('device-status')).toContainText('sẵn sàng');
  pty.write(`079203000123||Nguyễn Văn An|15052003|Nam|Phường Bến Nghé|01072021\r\n`);
  await scan.expectCard('Nguyễn Văn An');
  await expect(page.getByTestId('scan-discarded')).toHaveCount(0);
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the test wizard shows which device and mode a scan came through, with its raw bytes', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  pty = await startPtyPair(ptyDir);
  await app.open(host.url);
  await app.goTo('devices');
  await expect(page.getByTestId('wedge-advice')).toContainText('HID POS');

  // A keyboard-wedge scanner: detected as such, thresholds fitted from its timing, saved.
  await page.getByTestId('scan-test-start').click();
  await expect(page.getByTestId('scan-test-waiting')).toBeVisible();
  await wedgeBurst(page, '8934563138165');
  const result = page.getByTestId('scan-test-result');
  await expect(result).toHaveAttribute('data-source', 'wedge');
  await expect(page.getByTestId('scan-test-hex')).toContainText('38 39 33 34 35 36 33 31');
  await expect(page.getByTestId('scan-test-text')).toHaveText('8934563138165');
  await expect(page.getByTestId('scan-test-verdict')).toContainText('QR_NOT_CCCD');
  await page.getByTestId('scan-test-label').fill('Máy quét Honeywell (bàn phím)');
  await page.getByTestId('scan-test-save').click();
  await expect(page.getByTestId('scan-test-saved')).toBeVisible();
  await expect(page.locator('[data-testid=scanner-row][data-key=wedge]')).toContainText(
    'Máy quét Honeywell (bàn phím)',
  );
  await page.getByTestId('edit-wedge').click();
  await expect(page.getByTestId('wedge-suffixKeys')).toHaveValue('Enter');

  // A serial scanner sending garbled Vietnamese (UTF-8 read as Windows-1252 upstream).
  await addSerialScanner(page, pty.devicePath, 'COM thử');
  await page.getByTestId('scan-test-start').click();
  await expect(page.getByTestId('scan-test-waiting')).toBeVisible();
  const garbled = new TextDecoder('windows-1252').decode(Buffer.from(QR, 'utf8'));
  pty.write(`${garbled}\r\n`);
  await expect(result).toHaveAttribute('data-source', 'serial');
  await expect(page.getByTestId('scan-test-mode')).toHaveText('Cổng COM');
  await expect(page.getByTestId('scan-test-garbled')).toBeVisible();
  await expect(page.getByTestId('scan-test-text')).toContainText('Ä');
  await expect(page.getByTestId('scan-test-verdict')).toContainText('Đặng Thị Thu Hường');
  const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'devices-test-scan.png'), fullPage: true });

  // A test scan never reaches the counter.
  await app.goTo('counter');
  await expect(page.getByTestId('scan-history')).toHaveCount(0);
  void host;
});
