import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDossierStatsRepository } from '../../../db/repositories/dossier-stats-repository';
import type { Dossier } from '../../../electron/api/calls/dossiers';
import type { Dashboard, IndicatorReport } from '../../../electron/api/calls/indicators';
import { APP_ROOT } from '../../../electron/host/app-root';
import { openTestServices, SAMPLE_CITIZEN, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const vn = (local: string) => Date.parse(`${local}+07:00`);

async function setup() {
  const opened = openTestServices(tempDir());
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await opened.dispatcher.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
    return result.value as T;
  };
  await call('settings.updateOffice', TEST_OFFICE);
  const at = async <T>(local: string, name: string, input: unknown) => {
    opened.clock.set(vn(local));
    return call<T>(name, input);
  };
  return { ...opened, call, at };
}

const create = (procedureKey: string, extra: Record<string, unknown> = {}) => ({
  procedureKey,
  citizen: SAMPLE_CITIZEN,
  ...extra,
});

describe('dossier lifecycle', () => {
  it('computes the due time in working days and moves through the statuses with timestamps', async () => {
    const { at, dispatcher, clock, services } = await setup();
    // Friday 16:30 + 3 working days (Luật Cư trú Art. 28) → Mon, Tue, Wed 25/11.
    const d = await at<Dossier>(
      '2026-11-20T16:30:00',
      'dossiers.create',
      create('dang-ky-tam-tru'),
    );
    expect(d).toMatchObject({
      status: 'received',
      dueDay: '2026-11-25',
      timeliness: 'in_time',
      levelAtReceipt: 'full',
    });
    // Khai sinh after 15:00 on Friday: the 15:00 rule moves it to Monday.
    const late = await at<Dossier>(
      '2026-11-20T15:30:00',
      'dossiers.create',
      create('dang-ky-khai-sinh'),
    );
    expect(late.dueDay).toBe('2026-11-23');

    const processing = await at<Dossier>('2026-11-23T08:00:00', 'dossiers.setStatus', {
      code: d.code,
      status: 'processing',
    });
    expect(processing.processingAt).toBe(new Date(vn('2026-11-23T08:00:00')).toISOString());
    clock.set(vn('2026-11-23T09:00:00'));
    for (const [status, code] of [
      ['received', 'DOSSIER_TRANSITION_INVALID'],
      ['returned', 'DOSSIER_REASON_REQUIRED'],
    ] as const) {
      expect(
        await dispatcher.dispatch('dossiers.setStatus', { code: d.code, status }),
      ).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    const done = await at<Dossier>('2026-11-26T09:00:00', 'dossiers.setStatus', {
      code: d.code,
      status: 'done',
    });
    expect(done).toMatchObject({ status: 'done', timeliness: 'late', idleDays: null });
    expect(
      await dispatcher.dispatch('dossiers.setStatus', {
        code: d.code,
        status: 'cancelled',
        note: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DOSSIER_TRANSITION_INVALID' },
    });
    const detail = await at<{ events: { action: string }[] }>(
      '2026-11-26T09:00:00',
      'dossiers.get',
      { code: d.code },
    );
    expect(detail.events.map((e) => e.action)).toEqual([
      'dossier.create',
      'dossier.status',
      'dossier.status',
    ]);
    services.close();
  });

  it('checks applicants, assisted filings and, once the 2025 catalogue is loaded, refuses paper', async () => {
    const { call, dispatcher, services } = await setup();
    const refuse = async (input: unknown, code: string) =>
      expect(await dispatcher.dispatch('dossiers.create', input)).toMatchObject({
        ok: false,
        error: { code },
      });
    await refuse({ procedureKey: 'dang-ky-tam-tru' }, 'APPLICANT_ID_REQUIRED');
    await refuse(
      { procedureKey: 'con-dau-moi', applicantKind: 'organization' },
      'ORGANIZATION_NAME_REQUIRED',
    );
    await refuse(
      create('dang-ky-tam-tru', { assistedFiling: { outcome: 'submitted' } }),
      'ASSISTED_FILING_CHANNEL',
    );
    await refuse(
      create('dang-ky-tam-tru', {
        channel: 'online_assisted',
        assistedFiling: { outcome: 'failed' },
      }),
      'ASSISTED_REASON_REQUIRED',
    );
    const org = await call<Dossier>('dossiers.create', {
      procedureKey: 'con-dau-moi',
      applicantKind: 'organization',
      organizationName: 'Công ty TNHH Hạ Long Xanh',
    });
    expect(org).toMatchObject({ applicantKind: 'organization', citizenIdMasked: null });

    const assisted = await call<Dossier>(
      'dossiers.create',
      create('dang-ky-tam-tru', { channel: 'online_assisted' }),
    );
    expect(assisted.assistedOutcome).toBeNull();
    const failed = await call<Dossier>('dossiers.recordAssistedFiling', {
      code: assisted.code,
      outcome: 'failed',
      reason: 'Tài khoản VNeID chưa mức 2',
    });
    expect(failed).toMatchObject({
      assistedOutcome: 'failed',
      assistedFailureReason: 'Tài khoản VNeID chưa mức 2',
    });
    expect(
      await dispatcher.dispatch('dossiers.recordAssistedFiling', {
        code: org.code,
        outcome: 'submitted',
      }),
    ).toMatchObject({ ok: false, error: { code: 'ASSISTED_FILING_CHANNEL' } });

    const content = readFileSync(
      join(APP_ROOT, 'resources', 'catalog', 'procedures-2025.json'),
      'utf8',
    );
    const { token } = await call<{ token: string }>('catalog.previewImport', {
      format: 'json',
      content,
    });
    await call('catalog.applyImport', { format: 'json', content, token });
    await refuse(create('dang-ky-tam-tru'), 'PAPER_NOT_ACCEPTED');
    await refuse(create('dang-ky-tam-tru', { channel: 'postal' }), 'PAPER_NOT_ACCEPTED');
    const online = await call<Dossier>(
      'dossiers.create',
      create('dang-ky-tam-tru', {
        channel: 'online_assisted',
        assistedFiling: { outcome: 'submitted', reference: 'G-1' },
      }),
    );
    expect(online).toMatchObject({
      assistedOutcome: 'submitted',
      onlineReference: 'G-1',
      levelAtReceipt: 'full',
    });
    services.close();
  });

  it('numbers a workstation with a reserved prefix 2001, 2002… and stops cleanly when it runs out', async () => {
    const { call, dispatcher, services } = await setup();
    await call('dossiers.updateSettings', {
      workstationPrefix: '2',
      stuckAfterDays: 5,
      provinceCode: null,
    });
    const first = await call<Dossier>('dossiers.create', create('dang-ky-tam-tru'));
    const second = await call<Dossier>('dossiers.create', create('dang-ky-tam-tru'));
    expect([first.code, second.code]).toEqual([
      '000.00.15.H33-261124-2001',
      '000.00.15.H33-261124-2002',
    ]);
    // Another desk of the same office (prefix 37) never collides.
    await call('dossiers.updateSettings', {
      workstationPrefix: '37',
      stuckAfterDays: 5,
      provinceCode: null,
    });
    const other = await call<Dossier>('dossiers.create', create('dang-ky-tam-tru'));
    expect(other.code).toBe('000.00.15.H33-261124-3701');
    services.database.db
      .prepare(
        "UPDATE dossier_code_sequences SET last_value = 99 WHERE agency_code = '000.00.15.H33#37'",
      )
      .run();
    expect(await dispatcher.dispatch('dossiers.create', create('dang-ky-tam-tru'))).toMatchObject({
      ok: false,
      error: { code: 'DOSSIER_SEQUENCE_EXHAUSTED' },
    });
    const count = services.database.db.prepare('SELECT count(*) AS n FROM dossiers').get();
    expect(count).toEqual({ n: 3 });
    services.close();
  });

  it('computes the indicators of a month exactly as counted by hand, on the dashboard too', async () => {
    const { at, call, clock, services } = await setup();
    const a = await at<Dossier>(
      '2026-11-02T09:00:00',
      'dossiers.create',
      create('dang-ky-tam-tru'),
    );
    const b = await at<Dossier>(
      '2026-11-02T10:00:00',
      'dossiers.create',
      create('dang-ky-tam-tru', {
        channel: 'online_assisted',
        assistedFiling: { outcome: 'submitted' },
      }),
    );
    const c = await at<Dossier>(
      '2026-11-03T09:00:00',
      'dossiers.create',
      create('dang-ky-tam-tru', {
        channel: 'online_assisted',
        assistedFiling: { outcome: 'failed', reason: 'Lỗi DVCQG' },
      }),
    );
    const d = await at<Dossier>(
      '2026-11-20T14:00:00',
      'dossiers.create',
      create('dang-ky-tam-tru', { channel: 'postal' }),
    );
    await at<Dossier>('2026-11-16T16:00:00', 'dossiers.create', create('dang-ky-khai-sinh'));
    const f = await at<Dossier>(
      '2026-11-17T08:00:00',
      'dossiers.create',
      create('dang-ky-khai-sinh', { channel: 'online_assisted' }),
    );
    const g = await at<Dossier>(
      '2026-10-30T09:00:00',
      'dossiers.create',
      create('dang-ky-tam-tru'),
    );
    await at('2026-11-04T09:00:00', 'dossiers.setStatus', { code: a.code, status: 'done' });
    await at('2026-11-10T09:00:00', 'dossiers.setStatus', { code: b.code, status: 'done' });
    await at('2026-11-03T09:30:00', 'dossiers.setStatus', {
      code: c.code,
      status: 'cancelled',
      note: 'Nộp không thành công',
    });
    await at('2026-11-20T15:00:00', 'dossiers.setStatus', { code: d.code, status: 'processing' });
    await at('2026-11-17T10:00:00', 'dossiers.setStatus', {
      code: f.code,
      status: 'returned',
      note: 'Thiếu giấy chứng sinh',
    });
    await at('2026-11-02T09:00:00', 'dossiers.setStatus', { code: g.code, status: 'done' });
    clock.set(vn('2026-11-24T10:00:00'));

    const report = await call<IndicatorReport>('indicators.compute', { month: '2026-11' });
    expect(report.period).toEqual({
      kind: 'month',
      label: '11/2026',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(report.totals).toMatchObject({
      received: 6,
      cancelled: 1,
      open: 2,
      openOverdue: 1,
      finishedOnTime: 2,
      // (A, F on time + D open within due) ÷ (6 − 1 cancelled)
      onTimeRate: 60,
      onlineShare: 50,
      inPersonShare: 33.33,
      postalShare: 16.67,
      // tam-tru was toàn trình (mức 4) at receipt: A, B, D eligible, B online.
      fullOnlineShare: 33.33,
      assistedSuccessRate: 50,
    });
    expect(report.totals.figures.onTimeRate).toEqual({ numerator: 3, denominator: 5 });
    const byKey = Object.fromEntries(report.procedures.map((p) => [p.key, p]));
    expect(byKey['dang-ky-tam-tru']).toMatchObject({ received: 4, onTimeRate: 66.67 });
    expect(byKey['dang-ky-khai-sinh']).toMatchObject({
      received: 2,
      onTimeRate: 50,
      fullOnlineShare: null,
    });
    expect(byKey['dang-ky-ket-hon']).toMatchObject({ received: 0, onTimeRate: null });

    const dashboard = await call<Dashboard>('dashboard.get', { period: '2026-11' });
    expect(dashboard.totals).toEqual(report.totals);
    expect(dashboard.months.at(-1)).toMatchObject({
      month: '2026-11',
      received: 6,
      onTimeRate: 60,
    });
    expect(dashboard.months.at(-2)).toMatchObject({
      month: '2026-10',
      received: 1,
      onTimeRate: 100,
    });
    expect(dashboard.alerts).toMatchObject({ overdueCount: 1, stuckCount: 1 });
    expect(dashboard.alerts.items).toEqual([
      expect.objectContaining({
        procedureKey: 'dang-ky-khai-sinh',
        overdue: true,
        stuck: true,
        overdueDays: 7,
        idleDays: 7,
      }),
    ]);
    const bca = await call<Dashboard>('dashboard.get', { period: '2026', group: 'commune' });
    expect(bca.procedures.every((p) => p.group === 'commune')).toBe(true);
    expect(bca.totals.received).toBe(2);

    // The trigger-kept counters equal a recount straight from the dossiers.
    const stats = createDossierStatsRepository(services.database.db);
    const kept = stats.counts('2026-10-01', '2026-11-30', 'day');
    const sortKey = (r: { bucket: string; procedureKey: string }) => `${r.bucket}${r.procedureKey}`;
    const recount = stats.recountByDay('2026-10-01', '2026-11-30');
    expect([...kept].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))).toEqual(
      [...recount].sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
    );
    services.close();
  });
});
