import type { ProcedureDetail, ProcedureSummary } from '../../../api/calls/procedures';
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

const STATUS_VI = { met: 'đạt', on_track: 'đúng tiến độ', overdue: 'quá hạn' } as const;

export const proceduresListCommand: Command = {
  name: 'procedures list',
  summary: 'Danh mục 25 thủ tục thiết yếu đang áp dụng, mức độ so với mục tiêu',
  usage: 'procedures list [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const list = (await call('procedures.list')) as ProcedureSummary[];
      if (values.json) {
        printJson(
          io,
          list.map((p) => ({
            key: p.key,
            name: p.name,
            group: p.group,
            owner: p.ownerAgency,
            codes: p.codes,
            currentLevel: p.currentLevel,
            targetLevel: p.targetLevel,
            deadline: p.deadline,
            status: p.status,
          })),
        );
      } else {
        for (const p of list) {
          writeLine(
            io.stdout,
            `${String(p.seq).padStart(2)}. ${p.name} [${p.key}] ${p.currentLevel ?? '—'} → ${p.targetLevel ?? '—'} (${p.deadline ?? '—'}): ${STATUS_VI[p.status]}`,
          );
        }
      }
      return EXIT.ok;
    });
  },
};

export const proceduresShowCommand: Command = {
  name: 'procedures show',
  summary: 'Một thủ tục (theo khóa hoặc mã thủ tục) kèm lịch sử thay đổi mức độ',
  usage: 'procedures show <khóa|mã thủ tục> [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, COMMON_OPTIONS, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một khóa hoặc mã thủ tục');
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const p = (await call('procedures.get', { key: positionals[0] })) as ProcedureDetail;
      if (values.json) printJson(io, p);
      else {
        writeLine(io.stdout, `${p.seq}. ${p.name} [${p.key}] — ${p.ownerAgency}`);
        writeLine(io.stdout, `Mã thủ tục: ${p.codes.join(', ') || '—'}`);
        writeLine(
          io.stdout,
          `Mức: ${p.currentLevel ?? '—'} → ${p.targetLevel ?? '—'} trước ${p.deadline ?? '—'} (${STATUS_VI[p.status]})`,
        );
        writeLine(
          io.stdout,
          `Thời hạn giải quyết: ${p.processingDays ?? '—'} ngày làm việc${p.cutoff15h ? ', sau 15 giờ tính từ ngày làm việc tiếp theo' : ''}`,
        );
        for (const h of p.history) {
          writeLine(
            io.stdout,
            `  ${h.changedAt} ${h.actor}: ${h.previousCurrentLevel ?? '—'}→${h.currentLevel ?? '—'}, mục tiêu ${h.targetLevel ?? '—'} (${h.deadline ?? '—'}) — ${h.note}`,
          );
        }
      }
      return EXIT.ok;
    });
  },
};

export const proceduresSetLevelCommand: Command = {
  name: 'procedures set-level',
  summary: 'Ghi thay đổi mức độ hiện tại / mục tiêu / thời hạn (có lý do, lưu lịch sử)',
  usage:
    'procedures set-level <khóa|mã> [--level full|partial|info_only] [--target LEVEL] [--deadline YYYY-MM-DD] --note "…" [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        ...COMMON_OPTIONS,
        level: { type: 'string' },
        target: { type: 'string' },
        deadline: { type: 'string' },
        'effective-from': { type: 'string' },
        note: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('Cần đúng một khóa hoặc mã thủ tục');
    if (
      values.level === undefined &&
      values.target === undefined &&
      values.deadline === undefined
    ) {
      throw new UsageError('Cần ít nhất một trong --level, --target, --deadline');
    }
    if (values.note === undefined) throw new UsageError('Cần --note "lý do thay đổi"');
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const p = (await call('procedures.setLevel', {
        key: positionals[0],
        note: values.note,
        ...(values.level !== undefined ? { currentLevel: values.level } : {}),
        ...(values.target !== undefined ? { targetLevel: values.target } : {}),
        ...(values.deadline !== undefined ? { deadline: values.deadline } : {}),
        ...(values['effective-from'] !== undefined
          ? { effectiveFrom: values['effective-from'] }
          : {}),
      })) as ProcedureDetail;
      if (values.json) printJson(io, p);
      else
        writeLine(
          io.stdout,
          `Đã ghi: ${p.name} — ${p.currentLevel ?? '—'} → mục tiêu ${p.targetLevel ?? '—'} (${p.deadline ?? '—'}): ${STATUS_VI[p.status]}`,
        );
      return EXIT.ok;
    });
  },
};
