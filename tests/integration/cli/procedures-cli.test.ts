import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../electron/host/app-root';
import { runCli } from '../../support/run-cli';
import { openTestServices, SAMPLE_CITIZEN, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('procedures, catalogue, dossiers and indicators from the command line', () => {
  it('set-level takes a key or a mã thủ tục; bad input gets a clear error and changes nothing', async () => {
    const dir = tempDir();
    const ok = await runCli(
      [
        'procedures',
        'set-level',
        '1.004222',
        '--level',
        'partial',
        '--note',
        'Lỗi liên thông',
        '--json',
      ],
      { dataDir: dir },
    );
    expect(ok.code).toBe(0);
    expect(json(ok.stdout)).toMatchObject({
      key: 'dang-ky-thuong-tru',
      currentLevel: 'partial',
      status: 'overdue',
    });
    const history = () =>
      runCli(['procedures', 'show', 'dang-ky-thuong-tru', '--json'], { dataDir: dir }).then(
        (r) => (json(r.stdout).history as unknown[]).length,
      );
    expect(await history()).toBe(2);
    const cases: [string[], number, string | null][] = [
      [
        ['procedures', 'set-level', 'khong-co', '--level', 'full', '--note', 'abc', '--json'],
        1,
        'PROCEDURE_NOT_FOUND',
      ],
      [
        ['procedures', 'set-level', '9.999999', '--level', 'full', '--note', 'abc', '--json'],
        1,
        'PROCEDURE_NOT_FOUND',
      ],
      [
        [
          'procedures',
          'set-level',
          'dang-ky-thuong-tru',
          '--level',
          'muc-4',
          '--note',
          'abc',
          '--json',
        ],
        1,
        'LEVEL_UNKNOWN',
      ],
      [
        [
          'procedures',
          'set-level',
          'dang-ky-thuong-tru',
          '--target',
          'full',
          '--deadline',
          '2020-01-01',
          '--note',
          'abc',
          '--json',
        ],
        1,
        'DEADLINE_IN_PAST',
      ],
      [['procedures', 'set-level', 'dang-ky-thuong-tru', '--level', 'full'], 2, null],
    ];
    for (const [args, code, error] of cases) {
      const run = await runCli(args, { dataDir: dir });
      expect(run.code, args.join(' ')).toBe(code);
      if (error) expect(json(run.stdout)).toMatchObject({ ok: false, error: { code: error } });
      else expect(run.stderr).toContain('--note');
    }
    expect(await history()).toBe(2);
  });

  it('exports the catalogue to XLSX, previews an import without applying, applies the 2025 version', async () => {
    const dir = tempDir();
    const out = join(dir, 'danh-muc.xlsx');
    expect((await runCli(['catalog', 'export', '--out', out], { dataDir: dir })).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const same = await runCli(['catalog', 'import', out, '--json'], { dataDir: dir });
    expect(json(same.stdout)).toMatchObject({
      applied: false,
      diff: { changed: [], unchanged: 25 },
    });
    const file2025 = join(APP_ROOT, 'resources', 'catalog', 'procedures-2025.json');
    const preview = await runCli(['catalog', 'import', file2025], { dataDir: dir });
    expect(preview.stdout).toContain('name: Khai báo tạm trú → Khai báo tạm vắng');
    expect(preview.stdout).toContain('Chưa áp dụng');
    const applied = await runCli(['catalog', 'import', file2025, '--apply', '--json'], {
      dataDir: dir,
    });
    expect(json(applied.stdout)).toMatchObject({
      applied: true,
      diff: { toVersion: '2025.10-chi-thi-24' },
    });
    const list = JSON.parse(
      (await runCli(['procedures', 'list', '--json'], { dataDir: dir })).stdout,
    ) as {
      key: string;
      owner: string;
      targetLevel: string;
    }[];
    expect(list.find((p) => p.key === 'cap-phieu-ly-lich-tu-phap')).toMatchObject({
      owner: 'Công an tỉnh',
      targetLevel: 'full',
    });
    const broken = join(dir, 'broken.json');
    expect(existsSync(broken)).toBe(false);
    expect((await runCli(['catalog', 'import', broken], { dataDir: dir })).code).toBe(2);
  });

  it('dossiers list and indicators --month print the same figures the services compute', async () => {
    const dir = tempDir();
    const { dispatcher, clock, services } = openTestServices(
      dir,
      Date.parse('2026-10-05T09:00:00+07:00'),
    );
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    for (const channel of ['in_person', 'online_assisted', 'postal'] as const) {
      const created = await dispatcher.dispatch('dossiers.create', {
        procedureKey: 'dang-ky-tam-tru',
        channel,
        citizen: SAMPLE_CITIZEN,
      });
      clock.advance(3600_000);
      if (created.ok)
        await dispatcher.dispatch('dossiers.setStatus', {
          code: created.value.code,
          status: 'done',
        });
    }
    const expected = await dispatcher.dispatch('indicators.compute', { month: '2026-10' });
    services.close();

    const run = await runCli(['indicators', '--month', '2026-10', '--json'], { dataDir: dir });
    expect(run.code).toBe(0);
    const report = json(run.stdout) as { totals: unknown; procedures: { key: string }[] };
    expect(report).toMatchObject({ period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(report.totals).toEqual(expected.ok && expected.value.totals);
    expect(report.totals).toMatchObject({ received: 3, onTimeRate: 100, onlineShare: 33.33 });
    expect(report.procedures.find((p) => p.key === 'dang-ky-tam-tru')).toMatchObject({
      received: 3,
      onTimeRate: 100,
      onlineShare: 33.33,
      fullOnlineShare: 33.33,
      assistedSuccessRate: null,
    });

    const listed = await runCli(
      ['dossiers', 'list', '--from', '2026-10-01', '--to', '2026-10-31', '--json'],
      { dataDir: dir },
    );
    const dossiers = JSON.parse(listed.stdout) as { code: string; citizenIdMasked: string }[];
    expect(dossiers.map((d) => d.code)).toEqual([
      '000.00.15.H33-261005-0003',
      '000.00.15.H33-261005-0002',
      '000.00.15.H33-261005-0001',
    ]);
    expect(listed.stdout).not.toContain(SAMPLE_CITIZEN.idNumber);
    const none = await runCli(
      ['dossiers', 'list', '--from', '2026-09-01', '--to', '2026-09-30', '--json'],
      { dataDir: dir },
    );
    expect(JSON.parse(none.stdout)).toEqual([]);
    const bad = await runCli(
      ['dossiers', 'list', '--from', '2026-02-30', '--to', '2026-03-01', '--json'],
      { dataDir: dir },
    );
    expect(bad.code).toBe(1);
    expect(json(bad.stdout)).toMatchObject({ ok: false, error: { code: 'PERIOD_INVALID' } });
  });
});
