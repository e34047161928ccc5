import { checkDatabase } from '../../../services/system/database-check';
import { errorMessage } from '../../../api/errors';
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
  summary:
    'Kiểm tra toàn vẹn cơ sở dữ liệu (PRAGMA integrity_check), trạng thái nâng cấp và tệp quét (sha256, tệp mồ côi)',
  usage: 'db check [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    try {
      const report = await checkDatabase(cliDataDir(values['data-dir'], io.env), APP_ROOT);
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
        const scans = report.scans;
        if (scans) {
          writeLine(io.stdout, `Tệp quét: ${scans.documents} tài liệu, ${scans.files} tệp`);
          for (const m of scans.missing)
            writeLine(io.stdout, `  THIẾU tệp của tài liệu #${m.id}: ${m.file}`);
          for (const m of scans.mismatched)
            writeLine(io.stdout, `  SAI sha256 tài liệu #${m.id}: ${m.file}`);
          for (const o of scans.orphans)
            writeLine(io.stdout, `  Tệp không thuộc hồ sơ nào (mồ côi): ${o}`);
        }
      }
      if (!report.ok && report.exists) {
        if (!values.json)
          writeLine(
            io.stderr,
            `Lỗi [SCAN_FILES_INCONSISTENT]: ${errorMessage('SCAN_FILES_INCONSISTENT')}`,
          );
        return EXIT.domainError;
      }
      return EXIT.ok;
    } catch (error) {
      return reportError(io, values.json, error);
    }
  },
};
