/**
 * Crashes at the worst moment: the hub SIGKILLed while a batch is in its hands, and the client
 * SIGKILLed after its batch left but before the answer came back. After restarts, the hub holds
 * exactly the office's figures.
 */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../electron/api/calls/sync';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { spawnCli, spawnHub, waitForExit, type HubProcess } from '../../support/cli-process';
import { startFaultProxy } from '../../support/fault-proxy';
import {
  DIALECTS,
  enrollOffice,
  hubRows,
  officeTruth,
  startTestHub,
  useHubDatabases,
  withoutZeroRows,
} from '../../support/hub-harness';
import { openTestOffice, seedDossiers } from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

/** The hub's rows read back through its own read API (the hub is another process). */
async function rowsOverHttp(url: string, office: string) {
  const answer = (await (
    await fetch(
      new URL(
        `/v1/totals?from=2000-01-01&to=2099-12-31&groupBy=day,procedure&office=${office}`,
        url,
      ),
    )
  ).json()) as { rows: (Record<string, number | string> & { day: string; procedure: string })[] };
  return new Map(
    answer.rows.map(({ day, procedure, rows: _n, ...counts }) => [`${day}|${procedure}`, counts]),
  );
}

describe.each(DIALECTS)('crash recovery with a %s hub', (dialect) => {
  const hubDb = useHubDatabases(dialect, tempDir);

  it('the hub is SIGKILLed mid-batch, twice, and restarted: nothing lost, nothing counted twice', async () => {
    const db = await hubDb();
    let hub: HubProcess = await spawnHub(db);
    cleanups.push(() => hub.kill());
    const killAt = new Set([4, 9]);
    const proxy = await startFaultProxy({
      target: hub.url,
      random: Math.random,
      weights: { pass: 1 },
      afterForward: async ({ n }) => {
        if (killAt.has(n)) await hub.kill('SIGKILL');
      },
    });
    cleanups.push(() => proxy.close());
    const office = await openTestOffice(tempDir(), '000.00.15.H33', Date.now());
    cleanups.push(() => office.services.close());
    seedDossiers(office, { lastDay: vnDay(Date.now()), days: 60 });
    // The one-time code comes from the hub admin's CLI, as in real life.
    const issued = await waitForExit(
      spawnCli(['hub', 'enroll', '--office', office.agencyCode, '--db', db, '--json']),
    );
    const { code } = JSON.parse(issued.stdout) as { code: string };
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const enrolled = await office.dispatcher.dispatch('sync.enroll', { hubUrl: proxy.url, code });
    expect(enrolled.ok).toBe(true);
    await office.dispatcher.dispatch('sync.updateSettings', {
      batchSize: 100,
      intervalMinutes: 15,
      timeoutSeconds: 10,
    });

    let kills = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const run = await office.dispatcher.dispatch('sync.now');
      if (!run.ok) throw new Error(run.error.code);
      if (run.value.results[0]!.ok && run.value.status.backlog === 0) break;
      expect(run.value.results[0]!.error?.code).toBe('SYNC_HUB_UNREACHABLE');
      kills += 1;
      hub = await spawnHub(db);
      proxy.setTarget(hub.url);
    }
    expect(kills).toBe(2);
    const truth = withoutZeroRows(officeTruth(office));
    expect(withoutZeroRows((await rowsOverHttp(hub.url, office.agencyCode)) as never)).toEqual(
      truth,
    );
  }, 120_000);

  it('the client is SIGKILLed after sending, before the answer: a restarted client finishes', async () => {
    const hub = await startTestHub(await hubDb());
    cleanups.push(() => hub.close());
    let victim: ReturnType<typeof spawnCli> | null = null;
    const proxy = await startFaultProxy({
      target: hub.url,
      random: Math.random,
      weights: { pass: 1 },
      // The 3rd batch: kill the client first, then let its batch reach the hub and commit.
      beforeForward: async ({ n }) => {
        if (n === 4 && victim) {
          const exited = new Promise((r) => victim!.once('exit', r));
          victim.kill('SIGKILL');
          await exited;
        }
      },
    });
    cleanups.push(() => proxy.close());
    const dir = tempDir();
    const office = await openTestOffice(dir, '000.00.15.H33', Date.now());
    seedDossiers(office, { lastDay: vnDay(Date.now()), days: 60 });
    await enrollOffice(office, hub, proxy.url);
    await office.dispatcher.dispatch('sync.updateSettings', {
      batchSize: 100,
      intervalMinutes: 15,
      timeoutSeconds: 10,
    });
    office.services.close();

    victim = spawnCli(['sync', 'now', '--json'], { MOTCUA_DATA_DIR: dir });
    const killed = await waitForExit(victim);
    expect(killed.signal).toBe('SIGKILL');
    const status = async () => {
      const s = spawnCli(['sync', 'status', '--json'], { MOTCUA_DATA_DIR: dir });
      return JSON.parse((await waitForExit(s)).stdout) as SyncStatus;
    };
    expect((await status()).backlog).toBeGreaterThan(0);

    const again = await waitForExit(spawnCli(['sync', 'now', '--json'], { MOTCUA_DATA_DIR: dir }));
    expect(again.code).toBe(0);
    expect((await status()).backlog).toBe(0);

    const reopened = await openTestOffice(dir, '000.00.15.H33', Date.now());
    cleanups.push(() => reopened.services.close());
    expect(withoutZeroRows(await hubRows(hub, office.agencyCode))).toEqual(
      withoutZeroRows(officeTruth(reopened)),
    );
  }, 120_000);
});
