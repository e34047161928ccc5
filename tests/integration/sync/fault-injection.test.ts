import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../electron/api/calls/sync';
import { fixedClock } from '../../../electron/services/shared/clock';
import { FAULTS, startFaultProxy } from '../../support/fault-proxy';
import {
  DIALECTS,
  enrollOffice,
  hubRows,
  officeTruth,
  startTestHub,
  sumCounts,
  useHubDatabases,
  withoutZeroRows,
} from '../../support/hub-harness';
import { TEST_NOW } from '../../support/services';
import {
  openTestOffice,
  seededRandom,
  seedDossiers,
  type TestOffice,
} from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

/** A late status change of old dossiers: their (old) days must be re-sent with new revisions. */
function completeSomeOldDossiers(office: TestOffice, random: () => number, count: number): void {
  const db = office.services.database.db;
  const open = db
    .prepare<[], { id: number }>(
      "SELECT id FROM dossiers WHERE status IN ('received', 'processing') ORDER BY id",
    )
    .all();
  const update = db.prepare(
    "UPDATE dossiers SET status = 'done', completed_at = received_at + 86400000 WHERE id = ?",
  );
  for (let i = 0; i < count && open.length > 0; i++) {
    const [row] = open.splice(Math.floor(random() * open.length), 1);
    update.run(row!.id);
  }
}

describe.each(DIALECTS)('upward sync through a faulty network, %s hub', (dialect) => {
  const hubDb = useHubDatabases(dialect, tempDir);

  it('10,000 summary rows and random faults: hub totals equal local totals exactly', async () => {
    const hub = await startTestHub(await hubDb(), { clock: fixedClock(TEST_NOW) });
    cleanups.push(() => hub.close());
    const proxy = await startFaultProxy({
      target: hub.url,
      random: seededRandom(dialect === 'sqlite' ? 11 : 12),
      weights: { pass: 1 },
      delayMs: 30,
    });
    cleanups.push(() => proxy.close());
    const office = await openTestOffice(tempDir());
    cleanups.push(() => office.services.close());
    seedDossiers(office, { lastDay: '2026-11-24', days: 400 });
    expect(officeTruth(office).size).toBe(10_000);

    await enrollOffice(office, hub, proxy.url);
    await office.dispatcher.dispatch('sync.updateSettings', {
      batchSize: 200,
      intervalMinutes: 15,
      timeoutSeconds: 5,
    });
    proxy.setWeights({
      pass: 4,
      'drop-request': 1,
      'drop-response': 1,
      delay: 1,
      reset: 1,
      'error-500': 1,
      duplicate: 1,
      garbage: 1,
    });

    const random = seededRandom(3);
    let lateChanges = 0;
    let status: SyncStatus | null = null;
    const errors = new Set<string>();
    for (let attempt = 0; attempt < 500; attempt++) {
      const run = await office.dispatcher.dispatch('sync.now');
      if (!run.ok) throw new Error(JSON.stringify(run.error));
      for (const r of run.value.results) if (r.error) errors.add(r.error.code);
      if (attempt % 4 === 1 && lateChanges < 15) {
        completeSomeOldDossiers(office, random, 40);
        lateChanges += 1;
      }
      status = run.value.status;
      if (run.value.results.every((r) => r.ok) && status.backlog === 0 && lateChanges >= 15) {
        const after = await office.dispatcher.dispatch('sync.status');
        if (after.ok && after.value.backlog === 0 && after.value.pendingChanges === 0) break;
      }
    }
    expect(status?.backlog).toBe(0);

    const truth = withoutZeroRows(officeTruth(office));
    const held = withoutZeroRows(await hubRows(hub, office.agencyCode));
    expect(held.size).toBe(truth.size);
    expect(held).toEqual(truth);
    expect(sumCounts(held)).toEqual(sumCounts(truth));
    // Every kind of fault happened, and the client saw the failures it must survive.
    for (const fault of FAULTS) expect(proxy.counts[fault], fault).toBeGreaterThan(0);
    expect([...errors]).toEqual(
      expect.arrayContaining(['SYNC_HUB_UNREACHABLE', 'SYNC_HUB_SERVER_ERROR', 'SYNC_HUB_GARBAGE']),
    );
  }, 240_000);
});
