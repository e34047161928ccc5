import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../electron/host/app-root';
import { openTestServices, SAMPLE_CITIZEN, TEST_NOW, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const run = promisify(execFile);
const tempDir = useTempDirs();

describe('receiving dossiers', () => {
  it('refuses to code a dossier before the office identity is set', async () => {
    const { dispatcher, services } = openTestServices(tempDir());
    const result = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: SAMPLE_CITIZEN,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_NOT_CONFIGURED' } });
    expect(await dispatcher.dispatch('dossiers.todayCounts')).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
    services.close();
  });

  it('codes dossiers agency-YYMMDD-NNNN per day and counts them for today', async () => {
    const { dispatcher, services, clock } = openTestServices(tempDir());
    const events: string[] = [];
    services.events.subscribe((e) => events.push(e.type));
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    const first = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: SAMPLE_CITIZEN,
    });
    expect(first).toMatchObject({
      ok: true,
      value: {
        code: '000.00.15.H33-261124-0001',
        procedureName: 'Đăng ký khai sinh',
        citizenIdMasked: '0223******67',
        citizenName: 'Trần Thị Ngọc Hường',
        channel: 'in_person',
        status: 'received',
        receivedDay: '2026-11-24',
      },
    });
    expect(JSON.stringify(first)).not.toContain(SAMPLE_CITIZEN.idNumber);
    await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      channel: 'online_assisted',
      citizen: SAMPLE_CITIZEN,
    });
    await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-ket-hon',
      citizen: SAMPLE_CITIZEN,
    });
    expect(events).toEqual([
      'settings.changed',
      'dossier.created',
      'dossier.created',
      'dossier.created',
    ]);

    const today = await dispatcher.dispatch('dossiers.todayCounts');
    expect(today.ok && today.value.total).toBe(3);
    const byKey = today.ok
      ? Object.fromEntries(today.value.byProcedure.map((p) => [p.procedureKey, p.count]))
      : {};
    expect(byKey).toMatchObject({
      'dang-ky-khai-sinh': 2,
      'dang-ky-ket-hon': 1,
      'dang-ky-thuong-tru': 0,
    });
    expect(Object.keys(byKey)).toHaveLength(25);

    // 23:59 is still the same day in Vietnam (16:59 UTC); 00:00 the next morning starts again at 0001.
    clock.set(Date.parse('2026-11-24T23:59:00+07:00'));
    const late = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: SAMPLE_CITIZEN,
    });
    expect(late.ok && late.value.code).toBe('000.00.15.H33-261124-0004');
    clock.set(Date.parse('2026-11-25T00:00:30+07:00'));
    const next = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: SAMPLE_CITIZEN,
    });
    expect(next.ok && next.value.code).toBe('000.00.15.H33-261125-0001');
    expect(await dispatcher.dispatch('dossiers.todayCounts')).toMatchObject({
      ok: true,
      value: { day: '2026-11-25', total: 1 },
    });
    services.close();
  });

  it('rejects an unknown procedure without consuming a number or storing the citizen', async () => {
    const { dispatcher, services } = openTestServices(tempDir());
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    expect(
      await dispatcher.dispatch('dossiers.create', {
        procedureKey: 'khong-ton-tai',
        citizen: SAMPLE_CITIZEN,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PROCEDURE_NOT_FOUND' },
    });
    const db = services.database.db;
    expect(db.prepare('SELECT count(*) AS n FROM citizens').get()).toEqual({ n: 0 });
    const ok = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: SAMPLE_CITIZEN,
    });
    expect(ok.ok && ok.value.code.endsWith('-0001')).toBe(true);
    services.close();
  });

  it('logs who created which dossier in the audit log, never the personal data', async () => {
    const { dispatcher, services } = openTestServices(tempDir());
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: SAMPLE_CITIZEN,
    });
    const rows = services.database.db
      .prepare('SELECT at, actor, action, subject, detail FROM audit_log')
      .all();
    expect(rows).toEqual([
      {
        at: TEST_NOW,
        actor: 'workstation',
        action: 'dossier.create',
        subject: '000.00.15.H33-261124-0001',
        detail: '{"procedureKey":"dang-ky-khai-sinh","channel":"in_person"}',
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/022303004567|Hường/);
    services.close();
  });

  it('hands out unique, gap-free numbers to two processes writing the same file at once', async () => {
    const dir = tempDir();
    const { dispatcher, services } = openTestServices(dir);
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    services.close();
    const perProcess = 150;
    const worker = (n: number) =>
      run(
        process.execPath,
        ['--import', 'tsx', 'tests/support/create-dossiers-worker.ts', dir, String(n)],
        { cwd: APP_ROOT },
      );
    const outputs = await Promise.all([worker(perProcess), worker(perProcess)]);
    const codes = outputs.flatMap((o) => o.stdout.trim().split('\n'));
    expect(codes).toHaveLength(2 * perProcess);
    expect(new Set(codes).size).toBe(2 * perProcess);
    const day = codes[0]!.split('-')[1];
    const numbers = codes
      .filter((c) => c.split('-')[1] === day)
      .map((c) => Number(c.split('-')[2]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('workstation prefix under concurrency', () => {
  it('two processes sharing one file and one prefix still get unique, gap-free 2001… numbers', async () => {
    const dir = tempDir();
    const { dispatcher, services } = openTestServices(dir);
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    await dispatcher.dispatch('dossiers.updateSettings', {
      workstationPrefix: '2',
      stuckAfterDays: 5,
      provinceCode: null,
    });
    services.close();
    const worker = () =>
      run(
        process.execPath,
        ['--import', 'tsx', 'tests/support/create-dossiers-worker.ts', dir, '120'],
        { cwd: APP_ROOT },
      );
    const outputs = await Promise.all([worker(), worker()]);
    const codes = outputs.flatMap((o) => o.stdout.trim().split('\n'));
    expect(new Set(codes).size).toBe(240);
    const byDay = new Map<string, number[]>();
    for (const code of codes) {
      const [, day, number] = /-(\d{6})-(\d{4})$/.exec(code)!;
      byDay.set(day!, [...(byDay.get(day!) ?? []), Number(number)]);
    }
    for (const numbers of byDay.values()) {
      numbers.sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => 2001 + i));
    }
  });
});
