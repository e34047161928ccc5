/**
 * Hub → hub with the same protocol: a commune hub on SQLite forwards its rollup (the sum over its
 * offices) to a province hub on PostgreSQL, which sees the commune as one office.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/services/shared/clock';
import {
  enrollOffice,
  hubRows,
  startTestHub,
  sumCounts,
  useHubDatabases,
  withoutZeroRows,
} from '../../support/hub-harness';
import { TEST_NOW } from '../../support/services';
import { openTestOffice, seedDossiers } from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

describe('hub → hub forwarding', () => {
  const communeDb = useHubDatabases('sqlite', tempDir);
  const provinceDb = useHubDatabases('postgres', tempDir);

  it('the province holds exactly the commune’s rollup, and follows a late change', async () => {
    const clock = fixedClock(TEST_NOW);
    const province = await startTestHub(await provinceDb(), { clock, name: 'Tỉnh Quảng Ninh' });
    cleanups.push(() => province.close());
    const commune = await startTestHub(await communeDb(), { clock, name: 'Phường Hồng Gai' });
    cleanups.push(() => commune.close());

    const offices = [];
    for (const [i, code] of ['000.00.15.H33', '000.00.15.H34'].entries()) {
      const office = await openTestOffice(tempDir(), code);
      cleanups.push(() => office.services.close());
      seedDossiers(office, { lastDay: '2026-11-24', days: 30, seed: i + 1 });
      await enrollOffice(office, commune);
      expect(await office.dispatcher.dispatch('sync.now')).toMatchObject({
        ok: true,
        value: { results: [{ ok: true }] },
      });
      offices.push(office);
    }

    const { code } = await province.admin.issueCode('06658', 'Phường Hồng Gai', 24);
    await commune.forwarder.enroll({
      hubUrl: province.url,
      code,
      office: '06658',
      keyFile: join(tempDir(), 'uplink.pem'),
    });
    const first = await commune.forwarder.forwardNow();
    expect(first).toMatchObject({ ok: true, backlog: 0 });
    expect(first.acknowledged).toBe(750);

    const communeSum = withoutZeroRows(await hubRows(commune, null));
    expect(withoutZeroRows(await hubRows(province, '06658'))).toEqual(communeSum);
    expect(sumCounts(await hubRows(province, null))).toEqual(sumCounts(communeSum));

    // A late change at one office travels office → commune → province.
    offices[0]!.services.database.db
      .prepare(
        "UPDATE dossiers SET status = 'done', completed_at = received_at WHERE received_day = '2026-11-01' AND status = 'received'",
      )
      .run();
    await offices[0]!.dispatcher.dispatch('sync.now');
    const second = await commune.forwarder.forwardNow();
    expect(second.ok).toBe(true);
    expect(second.acknowledged).toBeGreaterThan(0);
    expect(second.acknowledged).toBeLessThanOrEqual(25);
    expect(withoutZeroRows(await hubRows(province, '06658'))).toEqual(
      withoutZeroRows(await hubRows(commune, null)),
    );
    const status = await commune.forwarder.status();
    expect(status).toMatchObject({ officeCode: '06658', hubName: 'Tỉnh Quảng Ninh', failures: 0 });
  }, 120_000);
});
