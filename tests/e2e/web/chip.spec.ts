/**
 * The chip at the counter, in Chromium against the headless host: a QR scan arms the chip panel,
 * placing the card (our simulated PACE/CA/AA chip on pcscd's vpcd reader) reads it by itself, the
 * verdict and the chip record appear beside the QR's with the disagreement flagged.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { testPki } from '../../support/chip/pki';
import { startPcscStack, type PcscStack } from '../../support/chip/pcsc-fixture';
import { issuedSimChip, SimChip } from '../../support/chip/sim-chip';
import { buildCard, SYNTHETIC_CAN, SYNTHETIC_DG13 } from '../../support/chip/synthetic-card';
import { insertSimChip } from '../../support/chip/vpcd-card';
import { AppPage } from '../support/app-page';
import { ChipPage } from '../support/chip-page';
import { expect, startHeadlessHost, stopHeadlessHost, test } from '../support/headless-host';

const pki = testPki();
const PEM = Buffer.from(
  `-----BEGIN CERTIFICATE-----\n${pki.csca.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`,
);
// The synthetic citizen of the chip, with a QR address that differs from the chip's residence.
const QR = '079203000123|123456789|Nguyễn Văn An|15052003|Nam|Số 9 Đường Cũ, Phường Mẫu|01072021';

test('without a smart-card service the panel says so, and manual CAN/MRZ entry is there', async ({
  page,
}) => {
  const host = await startHeadlessHost({ env: { MOTCUA_PCSC: 'off' } });
  try {
    const app = new AppPage(page);
    const chip = new ChipPage(page);
    await app.open(host.url);
    await chip.waitForService('disabled');
    await page.getByTestId('chip-mode-mrz').check();
    await expect(page.getByTestId('chip-mrz')).toBeVisible();
    await expect(page.getByTestId('chip-read')).toBeDisabled();
    await chip.importTrustFile('csca.pem', PEM);
    await expect(page.getByTestId('trust-row')).toHaveCount(1);
    await expect(page.getByTestId('trust-row')).toContainText('Test CSCA');
  } finally {
    await stopHeadlessHost(host);
  }
});

test.describe('with pcscd, the vpcd reader and a simulated chip', () => {
  let stack: PcscStack;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    stack = await startPcscStack();
  });
  test.afterAll(async () => {
    await stack?.stop();
  });

  test('QR scan, card placed → read automatically, "genuine", chip beside QR, difference flagged', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { sim } = issuedSimChip(pki);
    const host = await startHeadlessHost({ pcsc: true });
    let inserted: Awaited<ReturnType<typeof insertSimChip>> | null = null;
    try {
      const app = new AppPage(page);
      const chip = new ChipPage(page);
      await app.open(host.url);
      await chip.importTrustFile('csca.pem', PEM);
      await app.goTo('counter');
      await chip.waitForService('ready');
      await app.readQr(QR);
      await expect(page.getByTestId('chip-can')).toHaveValue(SYNTHETIC_CAN);
      inserted = await insertSimChip(sim);
      await expect(chip.verdict()).toHaveAttribute('data-verdict', 'genuine', { timeout: 30_000 });
      await expect(chip.verdict()).toContainText('Thẻ thật');
      await expect(chip.check('CHIP_AUTH')).toHaveAttribute('data-status', 'pass');
      await expect(chip.check('ACTIVE_AUTH')).toHaveAttribute('data-status', 'pass');
      await expect(chip.field('residence')).toHaveAttribute('data-mismatch', 'true');
      await expect(chip.field('residence')).toContainText(SYNTHETIC_DG13.fields[9]!);
      await expect(chip.field('fullName')).toHaveAttribute('data-mismatch', 'false');
      await expect(chip.field('ethnicity')).toContainText('Kinh');
      await expect(chip.field('motherName')).toContainText('Trần Thị Cúc');
      await expect(chip.field('idNumber')).toContainText('0792******23');
      await expect(page.getByTestId('chip-photo')).toBeVisible();
      expect(
        await page
          .getByTestId('chip-photo')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(60);
      await expect(page.getByTestId('chip-warnings')).toContainText('khác dữ liệu mã QR');
      const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'chip-genuine.png'), fullPage: true });
    } finally {
      await inserted?.remove();
      await stopHeadlessHost(host);
    }
  });

  test('a wrong CAN shows the refusal with its code, and nothing is read', async ({ page }) => {
    test.setTimeout(90_000);
    const card = buildCard({ pki, pace: true });
    const sim = new SimChip({
      files: card.files,
      mrz: card.mrz,
      can: '999999',
      pace: true,
      extendedLength: true,
    });
    const host = await startHeadlessHost({ pcsc: true });
    let inserted: Awaited<ReturnType<typeof insertSimChip>> | null = null;
    try {
      const app = new AppPage(page);
      const chip = new ChipPage(page);
      await app.open(host.url);
      await chip.waitForService('ready');
      await app.readQr(QR);
      inserted = await insertSimChip(sim);
      await expect(page.getByTestId('chip-error')).toHaveAttribute(
        'data-code',
        'CHIP_ACCESS_KEY_REJECTED',
        { timeout: 30_000 },
      );
      await expect(page.getByTestId('chip-error')).toContainText('Thẻ từ chối mã truy cập');
      await expect(page.getByTestId('chip-result')).toHaveCount(0);
    } finally {
      await inserted?.remove();
      await stopHeadlessHost(host);
    }
  });
});
