/**
 * `npm run cli -- <command>`: the app's services from a terminal, for IT staff, scripts and CI.
 * Exit codes: 0 ok, 1 domain error, 2 usage error.
 */
import { EXIT, UsageError, writeLine, type CliIo, type Command } from './cli-kit';
import { cardReadCommand, cardTrustImportCommand, cardTrustListCommand } from './commands/card';
import { autofillRunCommand, autofillTemplatesListCommand } from './commands/autofill';
import { dbCheckCommand } from './commands/db';
import { demoSeedCommand } from './commands/demo';
import { catalogExportCommand, catalogImportCommand } from './commands/catalog';
import { dossiersListCommand, indicatorsCommand } from './commands/dossiers';
import {
  proceduresListCommand,
  proceduresSetLevelCommand,
  proceduresShowCommand,
} from './commands/procedures';
import { devicesListCommand } from './commands/devices';
import { digitizationSummaryCommand } from './commands/digitization';
import { qrParseCommand } from './commands/qr';
import { reportCommand } from './commands/report';
import { scanCommand } from './commands/scan';
import {
  hubEnrollCommand,
  hubForwardCommand,
  hubOfficesCommand,
  hubRevokeCommand,
  hubServeCommand,
  hubTotalsCommand,
  hubUplinkEnrollCommand,
} from './commands/hub';
import {
  syncEnrollCommand,
  syncKeyCommand,
  syncNowCommand,
  syncRefreshCommand,
  syncRotateKeyCommand,
  syncStatusCommand,
} from './commands/sync';

export const COMMANDS: readonly Command[] = [
  dbCheckCommand,
  proceduresListCommand,
  proceduresShowCommand,
  proceduresSetLevelCommand,
  catalogExportCommand,
  catalogImportCommand,
  dossiersListCommand,
  indicatorsCommand,
  demoSeedCommand,
  qrParseCommand,
  cardReadCommand,
  cardTrustImportCommand,
  cardTrustListCommand,
  autofillTemplatesListCommand,
  autofillRunCommand,
  devicesListCommand,
  scanCommand,
  digitizationSummaryCommand,
  syncEnrollCommand,
  syncNowCommand,
  syncStatusCommand,
  syncKeyCommand,
  syncRotateKeyCommand,
  syncRefreshCommand,
  hubServeCommand,
  hubEnrollCommand,
  hubRevokeCommand,
  hubTotalsCommand,
  hubOfficesCommand,
  hubUplinkEnrollCommand,
  hubForwardCommand,
  reportCommand,
];

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'Một Cửa Desk — dòng lệnh',
    '',
    'Cách dùng: npm run cli -- <lệnh> [tùy chọn]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Biến môi trường MOTCUA_DATA_DIR chọn thư mục dữ liệu (mặc định giống ứng dụng).',
    'Mã thoát: 0 thành công, 1 lỗi nghiệp vụ, 2 sai cú pháp.',
  ].join('\n');
}

/** Finds the command whose words prefix argv, longest first ("db check" before "db"). */
export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | null {
  const sorted = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return null;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    writeLine(argv.length === 0 ? io.stderr : io.stdout, helpText());
    return argv.length === 0 ? EXIT.usageError : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    writeLine(io.stderr, `Lệnh không tồn tại: ${argv.join(' ')}\n\n${helpText()}`);
    return EXIT.usageError;
  }
  if (found.rest.includes('--help')) {
    writeLine(
      io.stdout,
      `Cách dùng: npm run cli -- ${found.command.usage}\n${found.command.summary}`,
    );
    return EXIT.ok;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `${error.message}\nCách dùng: npm run cli -- ${found.command.usage}`);
      return EXIT.usageError;
    }
    throw error;
  }
}
