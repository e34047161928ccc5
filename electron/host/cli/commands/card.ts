import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ChipReadResult } from '../../../api/calls/chip';
import { checkNames, checkReasons, verdictCatalog } from '../../../api/chip-checks';
import { AppError } from '../../../api/errors';
import type { AppEvent } from '../../../api/events';
import type { AppServices } from '../../../services/create-services';
import type { Dispatcher } from '../../../api/dispatch';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  positiveInt,
  printJson,
  UsageError,
  writeLine,
  type CliIo,
  type Command,
} from '../cli-kit';
import { callOrThrow, withCliServices } from '../open-services';

interface Status {
  service: string;
  readers: { name: string; cardPresent: boolean }[];
}

/** Resolves with the reader holding a card, waiting for the "card placed" event if needed. */
async function waitForCard(
  services: AppServices,
  dispatcher: Dispatcher,
  reader: string | undefined,
  seconds: number,
  io: CliIo,
): Promise<void> {
  const status = (await callOrThrow(dispatcher, 'chip.status')) as Status;
  if (status.service !== 'ready')
    throw new AppError('PCSC_UNAVAILABLE', { service: status.service });
  if (reader && !status.readers.some((r) => r.name === reader))
    throw new AppError('READER_NOT_FOUND', { reader });
  if (status.readers.length === 0) throw new AppError('CHIP_NO_READER');
  if (status.readers.some((r) => r.cardPresent && (!reader || r.name === reader))) return;
  writeLine(
    io.stderr,
    `Hãy đặt thẻ căn cước lên đầu đọc${reader ? ` "${reader}"` : ''} (chờ ${seconds} giây)…`,
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new AppError('CARD_ABSENT', reader ? { reader } : undefined));
    }, seconds * 1000);
    const off = services.events.subscribe((event: AppEvent) => {
      if (event.type === 'chip.card' && event.present && (!reader || event.reader === reader)) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

function printResult(io: CliIo, r: ChipReadResult): void {
  const c = r.citizen;
  writeLine(io.stdout, `Kết luận: ${verdictCatalog[r.verdict].vi}`);
  for (const check of r.checks) {
    const mark = { pass: '✔', fail: '✘', warn: '!', not_done: '–' }[check.status];
    const reason = checkReasons[check.reason as keyof typeof checkReasons]?.vi ?? check.reason;
    writeLine(io.stdout, `  ${mark} ${checkNames[check.id].vi}: ${reason}`);
  }
  const rows: [string, string | null][] = [
    ['Số định danh', c.idNumber],
    ['Họ và tên', c.fullName],
    ['Ngày sinh', c.dateOfBirthText],
    ['Giới tính', c.sex === 'male' ? 'Nam' : c.sex === 'female' ? 'Nữ' : null],
    ['Dân tộc', c.ethnicity],
    ['Tôn giáo', c.religion],
    ['Quê quán', c.hometown],
    ['Nơi thường trú', c.residence],
    ['Ngày cấp', c.issueDate],
    ['Có giá trị đến', c.expiryText],
    ['Cha', c.fatherName],
    ['Mẹ', c.motherName],
  ];
  for (const [label, value] of rows) writeLine(io.stdout, `${label.padEnd(16)}${value ?? '—'}`);
  for (const w of r.warnings) writeLine(io.stdout, `Lưu ý: ${w.message}`);
  writeLine(
    io.stdout,
    `(${r.method.toUpperCase()}, ${r.apduCount} APDU, ${r.durationMs} ms, đầu đọc "${r.source}")`,
  );
}

export const cardReadCommand: Command = {
  name: 'card read',
  summary: 'Đọc và xác thực chip thẻ căn cước trên đầu đọc PC/SC (PACE bằng CAN hoặc MRZ, BAC)',
  usage:
    'card read [--reader NAME] (--can 123456 | --mrz "3 dòng MRZ") [--wait 30] [--photo FILE] [--confirm-retry] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      reader: { type: 'string' },
      can: { type: 'string' },
      mrz: { type: 'string' },
      wait: { type: 'string' },
      photo: { type: 'string' },
      'confirm-retry': { type: 'boolean', default: false },
    });
    if ((values.can === undefined) === (values.mrz === undefined))
      throw new UsageError('Cần đúng một trong --can hoặc --mrz');
    if (values.can !== undefined && !/^\d{6}$/.test(values.can))
      throw new UsageError('--can phải gồm đúng 6 chữ số (6 số cuối số định danh)');
    const seconds = positiveInt('wait', values.wait, 30);
    return withCliServices(
      io,
      values['data-dir'],
      values.json,
      async ({ services, dispatcher, call }) => {
        await waitForCard(services, dispatcher, values.reader, seconds, io);
        const key =
          values.can !== undefined
            ? { kind: 'can', can: values.can }
            : { kind: 'mrz', mrz: values.mrz };
        const result = (await call('chip.read', {
          ...(values.reader ? { reader: values.reader } : {}),
          key,
          confirmRetry: values['confirm-retry'],
          photo: true,
        })) as ChipReadResult;
        if (values.photo && result.photo) {
          writeFileSync(
            values.photo,
            Buffer.from(
              result.photo.dataUrl.slice(result.photo.dataUrl.indexOf(',') + 1),
              'base64',
            ),
          );
        }
        if (values.json) {
          const { photo, ...rest } = result;
          printJson(io, {
            ok: true,
            ...rest,
            photo: photo
              ? {
                  mime: photo.mime,
                  sourceFormat: photo.sourceFormat,
                  savedTo: values.photo ?? null,
                }
              : null,
          });
        } else printResult(io, result);
        return result.verdict === 'not_genuine' ? EXIT.domainError : EXIT.ok;
      },
    );
  },
};

export const cardTrustImportCommand: Command = {
  name: 'card trust import',
  summary: 'Nhập chứng thư CSCA (PEM/DER hoặc danh sách CSCA của ICAO) vào kho tin cậy',
  usage: 'card trust import FILE [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, COMMON_OPTIONS, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp');
    const file = positionals[0]!;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new UsageError(`Không đọc được tệp ${file}`);
    }
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const result = (await call('chip.trustImport', {
        fileName: basename(file),
        contentBase64: bytes.toString('base64'),
      })) as {
        imported: number;
        alreadyPresent: number;
        anchors: { subject: string; fingerprint: string }[];
      };
      if (values.json) printJson(io, { ok: true, ...result });
      else {
        writeLine(
          io.stdout,
          `Đã nhập ${result.imported} chứng thư CSCA mới (${result.alreadyPresent} đã có sẵn).`,
        );
        for (const a of result.anchors)
          writeLine(
            io.stdout,
            `  ${a.subject.replace(/\n/g, ', ')}  SHA-256 ${a.fingerprint.slice(0, 16)}…`,
          );
      }
      return EXIT.ok;
    });
  },
};

export const cardTrustListCommand: Command = {
  name: 'card trust list',
  summary: 'Liệt kê chứng thư CSCA trong kho tin cậy',
  usage: 'card trust list [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const list = (await call('chip.trustList')) as {
        subject: string;
        fingerprint: string;
        validTo: number;
        source: string;
      }[];
      if (values.json) printJson(io, list);
      else if (list.length === 0)
        writeLine(
          io.stdout,
          'Kho tin cậy trống: thẻ sẽ chỉ được báo "chưa xác minh được cơ quan cấp".',
        );
      else
        for (const a of list)
          writeLine(
            io.stdout,
            `${a.subject.replace(/\n/g, ', ')}  (đến ${new Date(a.validTo).toISOString().slice(0, 10)}, từ ${a.source})`,
          );
      return EXIT.ok;
    });
  },
};
