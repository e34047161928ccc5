import { checkDatabaseSync } from '../../../services/system/database-check';
import { APP_ROOT } from '../../app-root';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  printJson,
  reportError,
  writeLine,
  type Command,
} from '../cli-kit';
import { cliDataDir } from '../open-services';

export const dbCheckCommand: Command = {
  name: 'db check',
  summary: 'Kiểm tra toàn vẹn cơ sở dữ liệu (PRAGMA integrity_check) và trạng thái nâng cấp',
  usage: 'db check [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    try {
      const report = checkDatabaseSync(cliDataDir(values['data-dir'], io.env), APP_ROOT);
      if (values.json) printJson(io, report);
      else if (!report.exists)
        writeLine(
          io.stdout,
          `Chưa có cơ sở dữ liệu tại ${report.file} (sẽ được tạo khi mở ứng dụng).`,
        );
      else {
        const { current, pending } = report.schema;
        writeLine(io.stdout, `Tệp: ${report.file} (${report.sizeBytes} byte)`);
        writeLine(io.stdout, 'Toàn vẹn: ok');
        writeLine(
          io.stdout,
          pending.length === 0
            ? `Lược đồ: phiên bản ${current} (mới nhất)`
            : `Lược đồ: phiên bản ${current}, còn ${pending.length} bản nâng cấp sẽ chạy khi mở ứng dụng`,
        );
      }
      return EXIT.ok;
    } catch (error) {
      return reportError(io, values.json, error);
    }
  },
};
