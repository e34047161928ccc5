import type { ProcedureSummary } from '../../../api/calls/procedures';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  printJson,
  reportError,
  writeLine,
  type Command,
} from '../cli-kit';
import { callOrThrow, cliDataDir, withCliServices } from '../open-services';

export const proceduresListCommand: Command = {
  name: 'procedures list',
  summary: 'Danh mục 25 thủ tục thiết yếu đang áp dụng',
  usage: 'procedures list [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    try {
      const list = (await withCliServices(cliDataDir(values['data-dir'], io.env), (dispatcher) =>
        callOrThrow(dispatcher, 'procedures.list'),
      )) as ProcedureSummary[];
      if (values.json) printJson(io, list);
      else
        for (const p of list)
          writeLine(io.stdout, `${String(p.seq).padStart(2)}. ${p.name} [${p.key}]`);
      return EXIT.ok;
    } catch (error) {
      return reportError(io, values.json, error);
    }
  },
};
