import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/api/events';
import type { ReportDue, ReportFigures, ReportProfile } from '../../../electron/api/report-schemas';
import { APP_ROOT } from '../../../electron/host/app-root';
import { createServices } from '../../../electron/services/create-services';
import {
  dailySummaries,
  summariesBy,
  totalsOf,
} from '../../../electron/services/digitization/summaries';
import { createDigitizationRepository } from '../../../db/repositories/digitization-repository';
import { fixedClock } from '../../../electron/services/shared/clock';
import { seededReportOffice } from '../../support/reports';
import { pdfText } from '../../support/reports';
import { TEST_NOW } from '../../support/services';
import { writeFileSync } from 'node:fs';

let dir: string;
let office: Awaited<ReturnType<typeof seededReportOffice>>;

async function call<T>(name: string, input?: unknown) {
  return (await office.dispatcher.dispatch(name, input)) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}
async function value<T>(name: string, input?: unknown): Promise<T> {
  const result = await call<T>(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  office = await seededReportOffice(dir);
}, 60_000);
afterAll(() => {
  office.services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report figures', () => {
  it('come from the digitization summaries: per-month and per-period sums equal the daily rows', () => {
    const repo = createDigitizationRepository(office.services.database.db);
    const days = dailySummaries(repo, '2026-08-01', '2026-11-24');
    const months = summariesBy(repo, '2026-08-01', '2026-11-24', 'month');
    for (const month of ['2026-08', '2026-09', '2026-10', '2026-11']) {
      expect(totalsOf(months.filter((r) => r.day === month))).toEqual(
        totalsOf(days.filter((r) => r.day.startsWith(month))),
      );
    }
    const period = summariesBy(repo, '2026-10-01', '2026-10-31', 'period');
    for (const row of period) {
      expect(row).toEqual({
        ...totalsOf(
          days.filter((d) => d.day.startsWith('2026-10') && d.procedureKey === row.procedureKey),
        ),
        day: '',
        procedureKey: row.procedureKey,
      });
    }
  });

  it('agree with digitization.summary and the dashboard for a quarter and for a custom range', async () => {
    for (const [period, from, to] of [
      ['2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026-08-15..2026-10-14', '2026-08-15', '2026-10-14'],
    ] as const) {
      const f = await value<ReportFigures>('reports.figures', { period });
      const summary = await value<{ totals: ReportFigures['current']['digitization'] }>(
        'digitization.summary',
        { from, to },
      );
      expect(f.current.digitization).toEqual(summary.totals);
      const indicators = await value<{ totals: ReportFigures['current']['totals'] }>(
        'indicators.compute',
        { from, to },
      );
      expect(f.current.totals).toEqual({ ...indicators.totals });
    }
    const quarter = await value<ReportFigures>('reports.figures', { period: '2026-Q3' });
    expect(quarter.current.period).toMatchObject({ kind: 'quarter', label: 'quý III năm 2026' });
    expect(quarter.previous.period.spec).toBe('2026-Q2');
    // A range that is a whole month is that month (one spec for the log and the reminder).
    const month = await value<ReportFigures>('reports.figures', {
      period: '2026-10-01..2026-10-31',
    });
    expect(month.current.period.spec).toBe('2026-10');
  });

  it('write a commentary on the largest changes and the overdue files', async () => {
    const f = await value<ReportFigures>('reports.figures', { period: '2026-10' });
    expect(f.commentary[0]).toMatch(/^Trong kỳ tiếp nhận [\d.]+ hồ sơ, (tăng|giảm|không thay đổi)/);
    expect(f.commentary.join(' ')).toContain('so với tháng 9 năm 2026');
    expect(f.commentary.at(-1)).toMatch(/hồ sơ quá hạn/);
    expect(f.partial).toBe(false);
    const current = await value<ReportFigures>('reports.figures', { period: '2026-11' });
    expect(current.partial).toBe(true);
    expect(current.commentary[0]).toContain('Kỳ báo cáo chưa kết thúc');
  });
});

describe('bad input', () => {
  it('refuses a future period, an empty period and an impossible date, with clear codes', async () => {
    expect(await call('reports.figures', { period: '2026-12' })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_PERIOD_FUTURE' },
    });
    expect(await call('reports.render', { period: '2020-03', format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_PERIOD_EMPTY' },
    });
    expect(await call('reports.figures', { period: '2026-02-30..2026-03-31' })).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_INVALID' },
    });
    expect(await call('reports.figures', { period: '2026-10-31..2026-10-01' })).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_INVALID' },
    });
    expect(await call('reports.figures', { period: 'tháng 10' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('reports.figures', { period: '2026-10', profileId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_PROFILE_NOT_FOUND' },
    });
  });

  it('says which font is missing; the Excel report still works', async () => {
    // A copy of the installation without the bold italic face.
    const root = mkdtempSync(join(tmpdir(), 'motcua-approot-'));
    const data = mkdtempSync(join(tmpdir(), 'motcua-test-'));
    try {
      symlinkSync(join(APP_ROOT, 'db'), join(root, 'db'));
      mkdirSync(join(root, 'resources'));
      symlinkSync(join(APP_ROOT, 'resources', 'catalog'), join(root, 'resources', 'catalog'));
      cpSync(join(APP_ROOT, 'resources', 'fonts'), join(root, 'resources', 'fonts'), {
        recursive: true,
        filter: (src) => !src.endsWith('BoldItalic.ttf'),
      });
      cpSync(join(dir, 'motcua.sqlite'), join(data, 'motcua.sqlite'));
      const services = createServices({
        dataDir: data,
        appRoot: root,
        appVersion: 'test',
        host: 'web',
        clock: fixedClock(TEST_NOW),
      });
      try {
        await expect(
          services.reports.render({ period: '2026-10', format: 'pdf', purpose: 'save' }),
        ).rejects.toMatchObject({
          code: 'REPORT_FONT_MISSING',
          details: { files: ['LiberationSerif-BoldItalic.ttf'] },
        });
        const xlsx = await services.reports.render({
          period: '2026-10',
          format: 'xlsx',
          purpose: 'preview',
        });
        expect(xlsx.bytes.length).toBeGreaterThan(1000);
      } finally {
        services.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('profiles, template texts and the "report due" reminder', () => {
  it('lists the bundled profiles, refuses a duplicate name, and never removes the default', async () => {
    const profiles = await value<ReportProfile[]>('reports.listProfiles');
    expect(profiles.map((p) => [p.name, p.isDefault, p.deadlineDay])).toEqual([
      ['Báo cáo tháng gửi lãnh đạo UBND', true, 5],
      ['Đề án 06 – báo cáo tháng gửi Tổ công tác tỉnh', false, 17],
    ]);
    const { id, isDefault, builtin, updatedAt, ...definition } = profiles[1]!;
    expect([isDefault, builtin, typeof updatedAt]).toEqual([false, 'de-an-06-thang', 'string']);
    expect(
      await call('reports.saveProfile', { profile: { ...definition, name: profiles[0]!.name } }),
    ).toMatchObject({ ok: false, error: { code: 'REPORT_PROFILE_NAME_TAKEN' } });
    expect(await call('reports.deleteProfile', { id: profiles[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_PROFILE_IS_DEFAULT' },
    });
    const copy = await value<ReportProfile>('reports.saveProfile', {
      profile: { ...definition, name: 'Bản sao', deadlineDay: null },
      makeDefault: true,
    });
    expect(copy.isDefault).toBe(true);
    expect((await value<ReportProfile[]>('reports.listProfiles'))[0]!.name).toBe('Bản sao');
    await value('reports.saveProfile', {
      id: profiles[0]!.id,
      profile: { ...profiles[0]!, name: profiles[0]!.name },
      makeDefault: true,
    });
    expect(await value('reports.deleteProfile', { id: copy.id })).toEqual({ id: copy.id });
    expect(
      await call('reports.saveProfile', { id: copy.id, profile: { ...definition, name: 'Khác' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'REPORT_PROFILE_NOT_FOUND' },
    });
    expect(id).toBe(profiles[1]!.id);
  });

  it('puts the manager’s texts into the Đề án 06 table and keeps them per period', async () => {
    const deAn06 = (await value<ReportProfile[]>('reports.listProfiles')).find(
      (p) => p.builtin === 'de-an-06-thang',
    )!;
    await value('reports.saveNotes', {
      profileId: deAn06.id,
      period: '2026-10',
      notes: [
        {
          procedureKey: 'dang-ky-khai-sinh',
          field: 'problems',
          text: 'Giấy chứng sinh điện tử chưa đồng bộ',
        },
        {
          procedureKey: 'dang-ky-khai-sinh',
          field: 'solutions',
          text: 'Đề nghị bệnh viện ký số giấy chứng sinh',
        },
      ],
    });
    expect(
      await call('reports.saveNotes', {
        profileId: deAn06.id,
        period: '2026-10',
        notes: [{ procedureKey: 'khong-co', field: 'problems', text: 'x' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'PROCEDURE_NOT_FOUND' } });
    const f = await value<ReportFigures>('reports.figures', {
      period: '2026-10',
      profileId: deAn06.id,
    });
    const birth = f.procedures.find((p) => p.key === 'dang-ky-khai-sinh')!;
    expect(birth.problems).toBe('Giấy chứng sinh điện tử chưa đồng bộ');
    expect(birth.beneficiaries).toMatch(/^[\d.]+ lượt người dân, tổ chức$/);
    expect(birth.dataSources).toMatch(
      /^CSDLQG về dân cư qua thẻ căn cước \(mã QR: [\d.]+; chip: [\d.]+\)/,
    );
    const pdf = await value<{ dataBase64: string }>('reports.render', {
      period: '2026-10',
      profileId: deAn06.id,
      format: 'pdf',
    });
    const file = join(dir, 'de-an-06.pdf');
    writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
    const text = pdfText(file);
    expect(text).toContain('Đề nghị bệnh viện ký số giấy chứng sinh');
    expect(text).toContain('Nguồn dữ liệu kết nối, chia sẻ');
    // Another period has its own (empty) texts.
    expect(await value('reports.notes', { profileId: deAn06.id, period: '2026-09' })).toEqual([]);
    // An empty text clears a cell.
    const left = await value<unknown[]>('reports.saveNotes', {
      profileId: deAn06.id,
      period: '2026-10',
      notes: [{ procedureKey: 'dang-ky-khai-sinh', field: 'problems', text: '  ' }],
    });
    expect(left).toEqual([
      {
        procedureKey: 'dang-ky-khai-sinh',
        field: 'solutions',
        text: 'Đề nghị bệnh viện ký số giấy chứng sinh',
      },
    ]);
  });

  it('reminds of the closed month until its report is saved or printed (a preview does not count)', async () => {
    const events: AppEvent[] = [];
    const stop = office.services.events.subscribe((e) => events.push(e));
    const due = await value<ReportDue[]>('reports.due');
    expect(due.map((d) => [d.period, d.deadline, d.daysLeft, d.overdue])).toEqual([
      ['2026-10', '2026-11-05', -19, true],
      ['2026-10', '2026-11-17', -7, true],
    ]);
    const leaders = due[0]!.profileId;
    await value('reports.render', { period: '2026-10', profileId: leaders, format: 'pdf' });
    expect(await value<ReportDue[]>('reports.due')).toHaveLength(2);
    await value('reports.render', {
      period: '2026-10',
      profileId: leaders,
      format: 'xlsx',
      purpose: 'save',
    });
    const after = await value<ReportDue[]>('reports.due');
    expect(after.map((d) => d.profileId)).not.toContain(leaders);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'reports.changed', profileId: leaders }),
    );
    stop();
  });
});
