import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { pdfText } from '../../support/reports';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

/** The month before the current one in Vietnam: a whole month of the history `demo seed` makes. */
function lastMonth(): string {
  const today = vnDay(Date.now());
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1));
  return d.toISOString().slice(0, 7);
}

describe('report from the command line', () => {
  it('writes the PDF and the workbook, counts it as issued, and refuses bad input leaving no file', async () => {
    const data = tempDir();
    const out = tempDir();
    const seeded = await runCli(['demo', 'seed', '--days', '75', '--per-day', '20', '--json'], {
      dataDir: data,
    });
    expect(seeded.code, seeded.stderr).toBe(0);
    const period = lastMonth();

    const noOut = await runCli(['report', '--period', period, '--json'], { dataDir: data });
    expect(noOut.code).toBe(2); // no --out nor --xlsx

    const pdf = join(out, 'bao-cao.pdf');
    const xlsx = join(out, 'bao-cao.xlsx');
    const ok = await runCli(
      ['report', '--period', period, '--out', pdf, '--xlsx', xlsx, '--number', '3', '--json'],
      { dataDir: data },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(json(ok.stdout)).toMatchObject({
      ok: true,
      period,
      profile: 'Báo cáo tháng gửi lãnh đạo UBND',
      files: [
        { file: pdf, format: 'pdf', pages: expect.any(Number) },
        { file: xlsx, format: 'xlsx', pages: null },
      ],
    });
    const text = pdfText(pdf);
    expect(text).toContain('Số: 03/BC-UBND');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    // --profile by name; the Đề án 06 template.
    const deAn06 = join(out, 'de-an-06.pdf');
    const byName = await runCli(
      [
        'report',
        '--period',
        period,
        '--profile',
        'Đề án 06 – báo cáo tháng gửi Tổ công tác tỉnh',
        '--out',
        deAn06,
      ],
      { dataDir: data },
    );
    expect(byName.code, byName.stderr).toBe(0);
    expect(byName.stdout).toContain(deAn06);
    expect(pdfText(deAn06)).toContain('Nguồn dữ liệu kết nối, chia sẻ');

    // Issued: the reminder for this month's profiles is cleared by these files, not by failures.
    const db = new Database(join(data, 'motcua.sqlite'), { readonly: true });
    const issued = () =>
      db
        .prepare('SELECT format, number, purpose FROM report_log WHERE period = ? ORDER BY id')
        .all(period);
    expect(issued()).toEqual([
      { format: 'pdf', number: '3/BC-UBND', purpose: 'cli' },
      { format: 'xlsx', number: '3/BC-UBND', purpose: 'cli' },
      { format: 'pdf', number: null, purpose: 'cli' },
    ]);

    const before = readdirSync(out).sort();
    const fileIsParent = join(out, 'a-file');
    writeFileSync(fileIsParent, 'x');
    mkdirSync(join(out, 'a-folder.pdf'));
    const cases: [string[], number, string | null][] = [
      [['--period', '2099-01', '--out', join(out, 'x.pdf')], 1, 'REPORT_PERIOD_FUTURE'],
      [['--period', '2001-01', '--out', join(out, 'x.pdf')], 1, 'REPORT_PERIOD_EMPTY'],
      [
        ['--period', period, '--profile', 'Không có', '--out', join(out, 'x.pdf')],
        1,
        'REPORT_PROFILE_NOT_FOUND',
      ],
      // The workbook cannot be written: the PDF written just before it is removed again.
      [
        ['--period', period, '--out', join(out, 'x.pdf'), '--xlsx', join(fileIsParent, 'x.xlsx')],
        1,
        'REPORT_OUTPUT_UNWRITABLE',
      ],
      [['--period', period, '--out', join(out, 'a-folder.pdf')], 1, 'REPORT_OUTPUT_UNWRITABLE'],
      [['--period', period, '--out', join(out, 'missing', 'x.pdf')], 1, 'REPORT_OUTPUT_UNWRITABLE'],
      [['--period', '2026-13', '--out', join(out, 'x.pdf')], 2, null],
      [['--period', period, '--out', join(out, 'x.xlsx')], 2, null],
    ];
    for (const [args, code, error] of cases) {
      const run = await runCli(['report', ...args, '--json'], { dataDir: data });
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(code);
      if (error) expect(json(run.stdout)).toMatchObject({ ok: false, error: { code: error } });
    }
    expect(readdirSync(out).sort()).toEqual([...before, 'a-file', 'a-folder.pdf'].sort());
    expect(existsSync(join(out, 'missing'))).toBe(false);
    expect(readdirSync(join(out, 'a-folder.pdf'))).toEqual([]);
    expect(issued()).toHaveLength(3);
    db.close();
  }, 120_000);
});
