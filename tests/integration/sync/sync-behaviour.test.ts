/**
 * What an office lives through: the hub gone for days, a hub answering garbage, a clock far off,
 * a revoked key, a late status change, a restored database, a key rotation, and the background
 * sender retrying on its own.
 */
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/api/events';
import { fixedClock } from '../../../electron/services/shared/clock';
import { startFaultProxy } from '../../support/fault-proxy';
import {
  enrollOffice,
  hubRows,
  officeTruth,
  startTestHub,
  useHubDatabases,
  withoutZeroRows,
} from '../../support/hub-harness';
import { APP_ROOT } from '../../../electron/host/app-root';
import { createServices } from '../../../electron/services/create-services';
import { TEST_NOW } from '../../support/services';
import { openTestOffice, seedDossiers } from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();
const DAY = 86_400_000;

describe('an office syncing through bad days', () => {
  const hubDb = useHubDatabases('sqlite', tempDir);

  async function setup() {
    const db = await hubDb();
    const hub = await startTestHub(db, { clock: fixedClock(TEST_NOW) });
    cleanups.push(() => hub.close());
    const office = await openTestOffice(tempDir());
    cleanups.push(() => office.services.close());
    seedDossiers(office, { lastDay: '2026-11-24', days: 20 });
    return { db, hub, office };
  }
  const sameAsOffice = async (
    hub: Awaited<ReturnType<typeof setup>>['hub'],
    office: Awaited<ReturnType<typeof setup>>['office'],
  ) =>
    expect(withoutZeroRows(await hubRows(hub, office.agencyCode))).toEqual(
      withoutZeroRows(officeTruth(office)),
    );

  it('hub unreachable for days: keeps everything, says why, catches up when the hub is back', async () => {
    const { db, hub, office } = await setup();
    await enrollOffice(office, hub);
    const port = hub.port;
    await hub.close();
    for (let day = 0; day < 3; day++) {
      office.clock.advance(DAY);
      seedDossiers(office, {
        lastDay: new Date(office.clock.now() + 7 * 3600_000).toISOString().slice(0, 10),
        days: 1,
        seed: day,
      });
      const run = await office.dispatcher.dispatch('sync.now');
      expect(run).toMatchObject({
        ok: true,
        value: { results: [{ ok: false, error: { code: 'SYNC_HUB_UNREACHABLE' } }] },
      });
    }
    const status = await office.dispatcher.dispatch('sync.status');
    expect(status).toMatchObject({
      ok: true,
      value: {
        backlog: 575,
        lastSuccessAt: null,
        recipients: [
          {
            failures: 3,
            lastError: {
              code: 'SYNC_HUB_UNREACHABLE',
              message: expect.stringContaining('Không kết nối được'),
            },
          },
        ],
      },
    });
    const back = await startTestHub(db, { clock: fixedClock(office.clock.now()), port });
    cleanups.push(() => back.close());
    const run = await office.dispatcher.dispatch('sync.now');
    expect(run).toMatchObject({
      ok: true,
      value: {
        results: [{ ok: true, backlog: 0 }],
        status: { recipients: [{ failures: 0, lastError: null }] },
      },
    });
    await sameAsOffice(back, office);
  });

  it('a hub answering garbage gets nothing acknowledged; a clock far off is named with its offset', async () => {
    const { hub, office } = await setup();
    const proxy = await startFaultProxy({
      target: hub.url,
      random: Math.random,
      weights: { pass: 1 },
    });
    cleanups.push(() => proxy.close());
    await enrollOffice(office, hub, proxy.url);
    proxy.setWeights({ garbage: 1 });
    const garbage = await office.dispatcher.dispatch('sync.now');
    expect(garbage).toMatchObject({
      ok: true,
      value: {
        results: [
          { ok: false, acknowledged: 0, backlog: 500, error: { code: 'SYNC_HUB_GARBAGE' } },
        ],
      },
    });
    proxy.setWeights({ pass: 1 });

    office.clock.advance(2 * 3600_000); // this PC's clock runs two hours fast
    const skewed = await office.dispatcher.dispatch('sync.now');
    expect(skewed).toMatchObject({
      ok: true,
      value: {
        results: [{ ok: false, error: { code: 'HUB_CLOCK_SKEW' } }],
        status: {
          recipients: [
            { lastError: { code: 'HUB_CLOCK_SKEW', details: { skewMs: 2 * 3600_000 } } },
          ],
        },
      },
    });
    office.clock.set(TEST_NOW);
    expect(await office.dispatcher.dispatch('sync.now')).toMatchObject({
      ok: true,
      value: { results: [{ ok: true, backlog: 0 }] },
    });
    await sameAsOffice(hub, office);
  });

  it('a revoked key is refused until the office enrolls again, with a new key', async () => {
    const { hub, office } = await setup();
    const first = await enrollOffice(office, hub);
    await office.dispatcher.dispatch('sync.now');
    await hub.admin.revoke(office.agencyCode, null);
    office.services.database.db
      .prepare("UPDATE dossiers SET status = 'cancelled' WHERE id % 7 = 0")
      .run();
    expect(await office.dispatcher.dispatch('sync.now')).toMatchObject({
      ok: true,
      value: { results: [{ ok: false, error: { code: 'HUB_KEY_REVOKED' } }] },
    });
    const again = await enrollOffice(office, hub);
    expect(again.keyId).not.toBe(first.keyId);
    expect(await office.dispatcher.dispatch('sync.now')).toMatchObject({
      ok: true,
      value: { results: [{ ok: true, backlog: 0 }] },
    });
    await sameAsOffice(hub, office);
    expect((await hub.admin.keys(office.agencyCode)).map((k) => k.status).sort()).toEqual([
      'active',
      'revoked',
    ]);
  });

  it('a late status change of an old dossier re-sends that day with a higher revision', async () => {
    const { hub, office } = await setup();
    await enrollOffice(office, hub);
    await office.dispatcher.dispatch('sync.now');
    const db = office.services.database.db;
    const old = db
      .prepare<[], { id: number; day: string; procedure: string }>(
        "SELECT id, received_day AS day, procedure_key AS procedure FROM dossiers WHERE received_day = '2026-11-06' AND status = 'received' LIMIT 1",
      )
      .get()!;
    const before = db.prepare<[string, string], { revision: number; completed: number }>(
      'SELECT revision, completed FROM sync_summaries WHERE day = ? AND procedure_key = ?',
    );
    const was = before.get(old.day, old.procedure)!;
    // 18 days after receipt (the hub and the office share TEST_NOW as "today").
    db.prepare("UPDATE dossiers SET status = 'done', completed_at = ? WHERE id = ?").run(
      office.clock.now(),
      old.id,
    );
    const run = await office.dispatcher.dispatch('sync.now');
    expect(run).toMatchObject({ ok: true, value: { results: [{ ok: true, acknowledged: 1 }] } });
    const now = before.get(old.day, old.procedure)!;
    expect(now.revision).toBeGreaterThan(was.revision);
    expect(now.completed).toBe(was.completed + 1);
    await sameAsOffice(hub, office);
  });

  it('after a restore from an old backup the office re-asserts its figures above the hub’s revisions', async () => {
    const { hub, office } = await setup();
    await enrollOffice(office, hub);
    await office.dispatcher.dispatch('sync.now');
    const db = office.services.database.db;
    // What a restored file looks like: lower revisions than the hub holds, still queued.
    db.prepare(
      "UPDATE sync_summaries SET revision = 1, completed = completed + 1 WHERE day = '2026-11-10'",
    ).run();
    db.prepare(
      "INSERT INTO sync_outbox (recipient_id, day, procedure_key, revision, enqueued_at) SELECT 1, day, procedure_key, 1, 0 FROM sync_summaries WHERE day = '2026-11-10'",
    ).run();
    const run = await office.dispatcher.dispatch('sync.now');
    expect(run).toMatchObject({
      ok: true,
      value: { results: [{ ok: true, backlog: 0, acknowledged: 25 }] },
    });
    const held = await hub.admin.totals('2026-11-10', '2026-11-10', [], office.agencyCode);
    const local = db
      .prepare<[], { c: number }>(
        "SELECT sum(completed) AS c FROM sync_summaries WHERE day = '2026-11-10'",
      )
      .get()!;
    expect(held[0]!.completed).toBe(local.c);
  });

  it('rotates its key at the hub, signed by the old key; the old private key is deleted', async () => {
    const { hub, office } = await setup();
    const before = await enrollOffice(office, hub);
    const rotated = await office.dispatcher.dispatch('sync.rotateKey');
    expect(rotated).toMatchObject({ ok: true, value: { results: [{ ok: true }] } });
    const keys = await hub.admin.keys(office.agencyCode);
    expect(keys.find((k) => k.keyId === before.keyId)?.status).toBe('retired');
    expect(keys.find((k) => k.status === 'active')?.origin).toBe('rotation');
    expect(await office.dispatcher.dispatch('sync.now')).toMatchObject({
      ok: true,
      value: { results: [{ ok: true, backlog: 0 }] },
    });
    const rows = office.services.database.db
      .prepare('SELECT key_id, retired_at FROM sync_keys ORDER BY created_at')
      .all();
    expect(rows).toMatchObject([
      { key_id: before.keyId, retired_at: expect.any(Number) },
      { retired_at: null },
    ]);
  });

  it('the background sender retries with backoff on its own and resumes after a restart', async () => {
    const db = await hubDb();
    let hub = await startTestHub(db);
    const dir = tempDir();
    const first = await openTestOffice(dir, '000.00.15.H33', Date.now());
    seedDossiers(first, { lastDay: '2026-11-24', days: 3 });
    await enrollOffice(first, hub);
    first.services.close();
    const port = hub.port;
    await hub.close();

    const office = {
      services: createServices({
        dataDir: dir,
        appRoot: APP_ROOT,
        appVersion: 'test',
        host: 'web',
        syncBackground: false,
        syncBackoff: { baseMs: 100, capMs: 400 },
      }),
    };
    cleanups.push(() => office.services.close());
    const events: AppEvent[] = [];
    const failedTwice = new Promise<void>((resolve) =>
      office.services.events.subscribe((e) => {
        events.push(e);
        if (
          e.type === 'sync.progress' &&
          events.filter((x) => x.type === 'sync.progress' && x.phase === 'failed').length === 2
        )
          resolve();
      }),
    );
    // Restarted "app": the scheduler picks the outbox up from the database.
    office.services.sync.scheduler.start();
    await failedTwice;
    const finished = new Promise<AppEvent>((resolve) =>
      office.services.events.subscribe(
        (e) => e.type === 'sync.progress' && e.phase === 'finished' && resolve(e),
      ),
    );
    hub = await startTestHub(db, { port });
    cleanups.push(() => hub.close());
    expect(await finished).toMatchObject({ type: 'sync.progress', phase: 'finished', backlog: 0 });
    const failures = events.filter((e) => e.type === 'sync.progress' && e.phase === 'failed');
    expect(failures[0]).toMatchObject({
      errorCode: 'SYNC_HUB_UNREACHABLE',
      nextAttemptAt: expect.any(Number),
    });
  }, 30_000);
});
