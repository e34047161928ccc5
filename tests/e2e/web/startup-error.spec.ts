import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadlessHost, stopHeadlessHost } from '../support/headless-host';

test('a database file that is not SQLite gives a clear Vietnamese page, not a blank window', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  writeFileSync(join(dir, 'motcua.sqlite'), 'Biên bản họp — không phải cơ sở dữ liệu\n'.repeat(20));
  const host = await startHeadlessHost({ dataDir: dir });
  try {
    await page.goto(host.url);
    const error = page.getByTestId('startup-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('data-code', 'DB_NOT_SQLITE');
    await expect(error).toContainText('không phải là tệp SQLite hợp lệ');
    await expect(error).toContainText('Dữ liệu đã lưu không bị thay đổi');
  } finally {
    await stopHeadlessHost(host, false);
    rmSync(dir, { recursive: true, force: true });
  }
});
