import type { DigitizationReport } from '../../../api/calls/digitization';
import { monthRange } from '../../../services/digitization/summaries';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  printJson,
  UsageError,
  writeLine,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

const pct = (r: { percent: number | null; numerator: number; denominator: number }) =>
  `${r.percent === null ? '—' : `${r.percent.toLocaleString('vi-VN')} %`} (${r.numerator}/${r.denominator})`;

/** `digitization summary`: the same daily per-procedure rows the reports and the sync use. */
export const digitizationSummaryCommand: Command = {
  name: 'digitization summary',
  summary:
    'Tổng hợp số hóa theo ngày và thủ tục, và các tỷ lệ số hóa (QĐ 766) của một tháng hoặc một khoảng ngày',
  usage:
    'digitization summary (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    let range: { from: string; to: string };
    if (values.month) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month))
        throw new UsageError(`--month phải có dạng YYYY-MM (nhận được "${values.month}")`);
      range = monthRange(values.month);
    } else if (values.from && values.to) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.from) || !/^\d{4}-\d{2}-\d{2}$/.test(values.to))
        throw new UsageError('--from/--to phải có dạng YYYY-MM-DD');
      range = { from: values.from, to: values.to };
    } else throw new UsageError('Cần --month YYYY-MM hoặc --from/--to');
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const report = (await call('digitization.summary', range)) as DigitizationReport;
      if (values.json) printJson(io, report);
      else {
        const t = report.totals;
        writeLine(io.stdout, `Số hóa từ ${report.from} đến ${report.to} (giờ Việt Nam)`);
        writeLine(io.stdout, `  Hồ sơ tiếp nhận: ${t.received}; hoàn thành: ${t.completed}`);
        writeLine(
          io.stdout,
          `  Thành phần hồ sơ đã số hóa: ${t.componentDocuments} tài liệu, ${t.componentPages} trang`,
        );
        writeLine(
          io.stdout,
          `  Kết quả đã số hóa: ${t.resultDocuments} tài liệu, ${t.resultPages} trang`,
        );
        writeLine(
          io.stdout,
          `  Tái sử dụng: ${t.reusedDocuments} tài liệu, ${t.reusedPages} trang`,
        );
        writeLine(io.stdout, `  Tỷ lệ hồ sơ có số hóa thành phần: ${pct(report.rates.components)}`);
        writeLine(io.stdout, `  Tỷ lệ kết quả được số hóa: ${pct(report.rates.results)}`);
        writeLine(io.stdout, `  Tỷ lệ tái sử dụng: ${pct(report.rates.reuse)}`);
      }
      return EXIT.ok;
    });
  },
};
