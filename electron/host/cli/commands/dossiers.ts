import type { Dossier } from '../../../api/calls/dossiers';
import type { IndicatorReport } from '../../../api/calls/indicators';
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

const PAGE = 1000;

export const dossiersListCommand: Command = {
  name: 'dossiers list',
  summary: 'Hồ sơ tiếp nhận trong khoảng ngày (số định danh được che)',
  usage:
    'dossiers list --from YYYY-MM-DD --to YYYY-MM-DD [--procedure KEY] [--status S] [--view all|open|overdue|stuck] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      from: { type: 'string' },
      to: { type: 'string' },
      procedure: { type: 'string' },
      status: { type: 'string' },
      view: { type: 'string' },
    });
    if (!values.from || !values.to) throw new UsageError('Cần --from và --to (YYYY-MM-DD)');
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const base = {
        from: values.from,
        to: values.to,
        limit: PAGE,
        ...(values.procedure ? { procedureKey: values.procedure } : {}),
        ...(values.status ? { status: values.status } : {}),
        ...(values.view ? { view: values.view } : {}),
      };
      // Streams page by page (keyset cursor), so a year of a busy office is not held twice.
      // '[' only once the first page arrived: an error must leave stdout one clean JSON object.
      let cursor: string | null = null;
      let first = true;
      do {
        const page = (await call('dossiers.list', { ...base, ...(cursor ? { cursor } : {}) })) as {
          items: Dossier[];
          nextCursor: string | null;
        };
        for (const d of page.items) {
          if (values.json) {
            io.stdout.write(`${first ? '[' : ','}\n${JSON.stringify(d)}`);
          } else {
            writeLine(
              io.stdout,
              `${d.code}  ${d.receivedDay}  ${d.status.padEnd(10)} ${d.timeliness.padEnd(11)} ${d.procedureName}`,
            );
          }
          first = false;
        }
        cursor = page.nextCursor;
      } while (cursor);
      if (values.json) io.stdout.write(first ? '[]\n' : '\n]\n');
      return EXIT.ok;
    });
  },
};

export const indicatorsCommand: Command = {
  name: 'indicators',
  summary:
    'Chỉ số QĐ 766 theo tháng hoặc khoảng ngày (đúng hạn, trực tuyến, toàn trình, hỗ trợ nộp)',
  usage:
    'indicators --month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD [--procedure KEY] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      procedure: { type: 'string' },
    });
    if (!values.month && !values.from) throw new UsageError('Cần --month YYYY-MM hoặc --from/--to');
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const report = (await call('indicators.compute', {
        ...(values.month ? { month: values.month } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.procedure ? { procedureKey: values.procedure } : {}),
      })) as IndicatorReport;
      if (values.json) printJson(io, report);
      else {
        const pct = (v: number | null) => (v === null ? '   —  ' : `${v.toFixed(1).padStart(5)}%`);
        writeLine(
          io.stdout,
          `Kỳ ${report.period.label} (${report.period.from} → ${report.period.to}), tính đến ${report.asOf}`,
        );
        writeLine(io.stdout, 'hồ sơ  đúng hạn  trực tuyến  toàn trình  hỗ trợ nộp  thủ tục');
        for (const r of [...report.procedures, report.totals]) {
          writeLine(
            io.stdout,
            `${String(r.received).padStart(6)}  ${pct(r.onTimeRate)}    ${pct(r.onlineShare)}      ${pct(r.fullOnlineShare)}     ${pct(r.assistedSuccessRate)}   ${r.name}`,
          );
        }
      }
      return EXIT.ok;
    });
  },
};
