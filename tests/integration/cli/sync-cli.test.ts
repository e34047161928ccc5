import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnHub, type HubProcess } from '../../support/cli-process';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

describe('sync and hub commands', () => {
  it('hub enroll prints a one-time code; sync enroll/now/status move the backlog to the hub', async () => {
    const dir = tempDir();
    const db = `sqlite:${join(tempDir(), 'hub.sqlite')}`;
    const hub: HubProcess = await spawnHub(db, ['--name', 'Hub phường']);
    cleanups.push(() => hub.kill());
    const seeded = await runCli(['demo', 'seed', '--days', '10', '--per-day', '20', '--json'], {
      dataDir: dir,
    });
    expect(seeded.code).toBe(0);

    const before = await runCli(['sync', 'status', '--json'], { dataDir: dir });
    expect(JSON.parse(before.stdout)).toMatchObject({
      configured: false,
      backlog: 0,
      office: '000.00.00.X00',
    });
    const notYet = await runCli(['sync', 'now', '--json'], { dataDir: dir });
    expect(notYet.code).toBe(1);
    expect(JSON.parse(notYet.stdout)).toMatchObject({
      ok: false,
      error: { code: 'SYNC_NOT_CONFIGURED' },
    });

    const issued = await runCli([
      'hub',
      'enroll',
      '--office',
      '000.00.00.X00',
      '--db',
      db,
      '--json',
    ]);
    expect(issued.code).toBe(0);
    const { code } = JSON.parse(issued.stdout) as { code: string };
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const enrolled = await runCli(['sync', 'enroll', '--hub', hub.url, '--code', code, '--json'], {
      dataDir: dir,
    });
    expect(JSON.parse(enrolled.stdout)).toMatchObject({
      ok: true,
      recipient: { hubName: 'Hub phường' },
    });
    const waiting = JSON.parse(
      (await runCli(['sync', 'status', '--json'], { dataDir: dir })).stdout,
    ) as { backlog: number };
    expect(waiting.backlog).toBeGreaterThan(30);

    const now = await runCli(['sync', 'now', '--json'], { dataDir: dir });
    expect(now.code).toBe(0);
    expect(JSON.parse(now.stdout)).toMatchObject({
      ok: true,
      results: [{ ok: true, acknowledged: waiting.backlog }],
    });
    const after = JSON.parse(
      (await runCli(['sync', 'status', '--json'], { dataDir: dir })).stdout,
    ) as { backlog: number };
    expect(after.backlog).toBe(0);

    const totals = await runCli([
      'hub',
      'totals',
      '--from',
      '2000-01-01',
      '--to',
      '2099-12-31',
      '--db',
      db,
      '--json',
    ]);
    const rows = (
      JSON.parse(totals.stdout) as { rows: { rows: number; receivedInPerson: number }[] }
    ).rows;
    expect(rows[0]!.rows).toBe(waiting.backlog);
    const human = await runCli(['sync', 'status'], { dataDir: dir });
    expect(human.stdout).toContain('Chờ gửi: 0 dòng');

    // The hub gone: exit 1 and the Vietnamese reason; the backlog stays for later.
    await hub.kill();
    await runCli(['demo', 'seed', '--days', '1', '--per-day', '20', '--seed', '9', '--json'], {
      dataDir: dir,
    });
    const down = await runCli(['sync', 'now'], { dataDir: dir });
    expect(down.code).toBe(1);
    expect(down.stdout).toContain('SYNC_HUB_UNREACHABLE');
    const offices = await runCli(['hub', 'offices', '--db', db, '--json']);
    expect(JSON.parse(offices.stdout)).toMatchObject({
      offices: [{ code: '000.00.00.X00', status: 'active' }],
    });
  }, 90_000);

  it('usage errors exit 2', async () => {
    expect((await runCli(['sync', 'enroll', '--code', 'X'])).code).toBe(2);
    expect((await runCli(['hub', 'totals', '--from', '2026-01-01'])).code).toBe(2);
    expect((await runCli(['hub', 'enroll'])).code).toBe(2);
    expect((await runCli(['hub', 'serve', '--port', 'abc'])).code).toBe(2);
  });
});
