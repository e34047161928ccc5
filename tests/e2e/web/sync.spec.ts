import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import { spawnHub } from '../../support/cli-process';
import { runCli } from '../../support/run-cli';
import { AppPage } from '../support/app-page';
import { expect, test } from '../support/headless-host';
import { SyncPageObject } from '../support/sync-page';

const OFFICE = {
  officeName: 'UBND phường Hồng Gai',
  adminUnitCode: '06658',
  agencyCode: '000.00.15.H33',
  place: 'Hạ Long',
};

test('a clerk enrolls with the commune hub, syncs, and sees why when the hub is gone', async ({
  page,
  host,
}) => {
  const hubDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-hub-'));
  const db = `sqlite:${join(hubDir, 'hub.sqlite')}`;
  const hub = await spawnHub(db, ['--name', 'Máy chủ phường Hồng Gai']);
  try {
    const app = new AppPage(page);
    await app.open(host.url);
    await app.configureOffice(OFFICE);
    const seeded = await runCli(['demo', 'seed', '--days', '7', '--per-day', '15', '--json'], {
      dataDir: host.dataDir,
    });
    expect(seeded.code).toBe(0);

    const sync = new SyncPageObject(page);
    await sync.open();
    await expect(sync.lastSuccess()).toHaveText('chưa có');
    await expect(page.getByTestId('sync-now')).toBeDisabled();

    const issued = await runCli([
      'hub',
      'enroll',
      '--office',
      OFFICE.agencyCode,
      '--db',
      db,
      '--json',
    ]);
    const { code } = JSON.parse(issued.stdout) as { code: string };
    await sync.enroll(hub.url, code);
    await expect(sync.recipient()).toContainText('Máy chủ phường Hồng Gai');
    // The background sender may already be sending; "sync now" joins or repeats it.

    await page.getByTestId('sync-batchSize').fill('50');
    await page.getByTestId('sync-settings-save').click();
    await expect(page.getByTestId('sync-settings-saved')).toBeVisible();
    await sync.syncNow();
    await expect(sync.result()).toHaveAttribute('data-ok', 'true');
    await expect(sync.backlog()).toHaveText('0');
    await expect(sync.lastSuccess()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // The upper level's page shows the office's figures.
    const hubPage = await page.context().newPage();
    await hubPage.goto(`${hub.url}?from=2020-01-01&to=2030-12-31`);
    await expect(hubPage.locator('#by-office')).toContainText(OFFICE.agencyCode);
    const shots = join(APP_ROOT, 'tests', 'e2e', 'artifacts');
    mkdirSync(shots, { recursive: true });
    await hubPage.screenshot({ path: join(shots, 'hub-page.png'), fullPage: true });
    await hubPage.close();

    // The hub goes away; new dossiers wait, and the page says why in Vietnamese.
    await hub.kill();
    await runCli(['demo', 'seed', '--days', '1', '--per-day', '15', '--seed', '8', '--json'], {
      dataDir: host.dataDir,
    });
    await page.getByTestId('sync-now').click();
    await expect(sync.result()).toHaveAttribute('data-ok', 'false');
    const error = sync.recipient().getByTestId('recipient-error');
    await expect(error).toHaveAttribute('data-code', 'SYNC_HUB_UNREACHABLE');
    await expect(error).toContainText('Không kết nối được máy chủ cấp trên');
    await expect(sync.backlog()).not.toHaveText('0');
    await page.screenshot({ path: join(shots, 'sync.png'), fullPage: true });

    await page.getByTestId('language-select').selectOption('en');
    await expect(error).toContainText('Cannot reach the upper-level hub');
  } finally {
    await hub.kill();
    rmSync(hubDir, { recursive: true, force: true });
  }
});
