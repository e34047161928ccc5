import { rmSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { AppError, errorMessage } from '../../../api/errors';
import { reportPeriodSpec } from '../../../api/report-schemas';
import { writeFileDurablySync } from '../../../services/shared/durable-file';
import type { RenderedReport } from '../../../services/reports/reports-service';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  positiveInt,
  printJson,
  UsageError,
  writeLine,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * Writes every file or none: each goes to a temporary name first and is renamed when complete;
 * if one cannot be written, those already written by this run are removed again.
 */
function writeAll(files: readonly { path: string; bytes: Buffer }[]): void {
  const written: string[] = [];
  for (const file of files) {
    try {
      writeFileDurablySync(file.path, file.bytes, { createDirectories: false });
      written.push(file.path);
    } catch (error) {
      for (const path of written) rmSync(path, { force: true });
      throw new AppError(
        'REPORT_OUTPUT_UNWRITABLE',
        { file: file.path, reason: (error as NodeJS.ErrnoException).code ?? String(error) },
        `${errorMessage('REPORT_OUTPUT_UNWRITABLE')} (${file.path})`,
      );
    }
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary:
    'Lập báo cáo số liệu (thể thức NĐ 30/2020) ra PDF và Excel cho một tháng, quý, năm hoặc khoảng ngày',
  usage:
    'report --period 2026-10|2026-Q3|2026|2026-01-01..2026-03-31 [--profile TÊN] --out FILE.pdf [--xlsx FILE.xlsx] [--number N] [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      period: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      xlsx: { type: 'string' },
      number: { type: 'string' },
    });
    const period = values.period;
    if (!period) throw new UsageError('Cần --period (ví dụ 2026-10, 2026-Q3, 2026)');
    if (!reportPeriodSpec.safeParse(period).success)
      throw new UsageError(
        `--period phải có dạng YYYY-MM, YYYY-Qn, YYYY hoặc YYYY-MM-DD..YYYY-MM-DD (nhận được "${period}")`,
      );
    if (!values.out && !values.xlsx)
      throw new UsageError('Cần --out TỆP.pdf và/hoặc --xlsx TỆP.xlsx');
    if (values.out && extname(values.out).toLowerCase() !== '.pdf')
      throw new UsageError('--out là tệp PDF (.pdf); báo cáo Excel dùng --xlsx TỆP.xlsx');
    if (values.xlsx && extname(values.xlsx).toLowerCase() !== '.xlsx')
      throw new UsageError('--xlsx phải là tệp .xlsx');
    const number =
      values.number === undefined ? undefined : positiveInt('number', values.number, 1);
    return withCliServices(io, values['data-dir'], values.json, async ({ services }) => {
      const reports = services.reports;
      let profileId: number | undefined;
      if (values.profile) {
        const found =
          reports.profiles.byName(values.profile) ??
          (/^\d+$/.test(values.profile) ? reports.profiles.get(Number(values.profile)) : null);
        if (!found) throw new AppError('REPORT_PROFILE_NOT_FOUND', { name: values.profile });
        profileId = found.id;
      }
      // Everything is generated before anything is written: a failure leaves no file.
      const jobs: { path: string; report: RenderedReport }[] = [];
      for (const [path, format] of [
        [values.out, 'pdf'],
        [values.xlsx, 'xlsx'],
      ] as const) {
        if (!path) continue;
        const report = await reports.render({
          period,
          profileId,
          format,
          purpose: 'preview',
          number,
        });
        jobs.push({ path: resolve(path), report });
      }
      writeAll(jobs.map((j) => ({ path: j.path, bytes: j.report.bytes })));
      for (const job of jobs) reports.recordIssued(job.report, 'cli', number ?? null);
      const files = jobs.map((j) => ({
        file: j.path,
        format: j.report.fileName.endsWith('.pdf') ? 'pdf' : 'xlsx',
        bytes: j.report.bytes.length,
        sha256: j.report.sha256,
        pages: j.report.pages,
      }));
      const first = jobs[0]!.report;
      if (values.json) {
        printJson(io, { ok: true, period: first.period, profile: first.profile.name, files });
      } else {
        writeLine(io.stdout, `Báo cáo "${first.profile.name}", kỳ ${first.period}:`);
        for (const f of files)
          writeLine(
            io.stdout,
            `  ${f.file} (${f.format.toUpperCase()}, ${f.pages === null ? '' : `${f.pages} trang, `}${kb(f.bytes)})`,
          );
      }
      return EXIT.ok;
    });
  },
};
