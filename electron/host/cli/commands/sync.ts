import { readFileSync } from 'node:fs';
import type { RecipientStatus, SyncRun, SyncStatus } from '../../../api/calls/sync';
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
import { withCliServices } from '../open-services';

const LEVELS = ['commune', 'province', 'national', 'sector'];
/** dd/MM/yyyy HH:mm:ss in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
const when = (iso: string | null) => {
  if (iso === null) return 'chưa có';
  const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)}`;
};

function printRecipient(io: CliIo, r: RecipientStatus): void {
  writeLine(io.stdout, `#${r.id} ${r.name} <${r.url}> (${r.level}, mã cơ quan ${r.officeCode})`);
  writeLine(
    io.stdout,
    `   gửi thành công gần nhất: ${when(r.lastSuccessAt)}; còn chờ gửi: ${r.backlog} dòng`,
  );
  if (r.lastError)
    writeLine(io.stdout, `   lỗi gần nhất [${r.lastError.code}]: ${r.lastError.message}`);
}

/** Runs one sync.* call against the office database, printing JSON or Vietnamese text. */
async function withServices(
  argv: string[],
  io: CliIo,
  extra: Parameters<typeof parseCommandArgs>[1],
  body: (
    call: (name: string, input?: unknown) => Promise<unknown>,
    values: Record<string, unknown>,
  ) => Promise<number>,
  /** Usage checks, before the database is opened. */
  check: (values: Record<string, unknown>) => void = () => {},
): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...extra });
  check(values);
  return withCliServices(
    io,
    values['data-dir'] as string | undefined,
    values.json === true,
    ({ call }) => body(call, values),
  );
}

export const syncEnrollCommand: Command = {
  name: 'sync enroll',
  summary: 'Đăng ký gửi số liệu lên máy chủ cấp trên bằng mã đăng ký một lần',
  usage:
    'sync enroll --hub URL [--code MÃ] [--name TÊN] [--level commune|province|national|sector] [--office MÃ_CQ] [--tls-pin SHA256] [--tls-ca TỆP_PEM] [--json]',
  run: (argv, io) =>
    withServices(
      argv,
      io,
      {
        hub: { type: 'string' },
        code: { type: 'string' },
        name: { type: 'string' },
        level: { type: 'string' },
        office: { type: 'string' },
        'tls-pin': { type: 'string' },
        'tls-ca': { type: 'string' },
      },
      async (call, v) => {
        const r = (await call('sync.enroll', {
          hubUrl: v.hub,
          ...(v.code ? { code: v.code } : {}),
          ...(v.name ? { name: v.name } : {}),
          ...(v.level ? { level: v.level } : {}),
          ...(v.office ? { officeCode: v.office } : {}),
          ...(v['tls-pin'] ? { tlsPinSha256: v['tls-pin'] } : {}),
          ...(v['tls-ca'] ? { tlsCaPem: readFileSync(v['tls-ca'] as string, 'utf8') } : {}),
        })) as RecipientStatus;
        if (v.json) printJson(io, { ok: true, recipient: r });
        else {
          writeLine(io.stdout, `Đã đăng ký với ${r.hubName || r.url}. Khóa: ${r.keyId}`);
          printRecipient(io, r);
        }
        return EXIT.ok;
      },
      (v) => {
        if (!v.hub) throw new UsageError('Thiếu --hub URL');
        if (v.level && !LEVELS.includes(v.level as string))
          throw new UsageError(`--level phải là một trong ${LEVELS.join(', ')}`);
      },
    ),
};

const recipientOf = (v: Record<string, unknown>) =>
  v.recipient === undefined ? undefined : positiveInt('recipient', v.recipient as string, 1);

export const syncNowCommand: Command = {
  name: 'sync now',
  summary: 'Gửi ngay số liệu chưa gửi lên cấp trên (bỏ qua thời gian chờ thử lại)',
  usage: 'sync now [--recipient ID] [--resend-all] [--json]',
  run: (argv, io) =>
    withServices(
      argv,
      io,
      { recipient: { type: 'string' }, 'resend-all': { type: 'boolean', default: false } },
      async (call, v) => {
        const recipientId = recipientOf(v);
        const run = (await call('sync.now', {
          ...(recipientId ? { recipientId } : {}),
          resendAll: v['resend-all'] === true,
        })) as SyncRun;
        const ok = run.results.every((r) => r.ok);
        if (v.json) printJson(io, { ok, ...run });
        else {
          for (const r of run.results)
            writeLine(
              io.stdout,
              r.ok
                ? `#${r.recipientId}: đã gửi ${r.acknowledged} dòng, còn ${r.backlog}`
                : `#${r.recipientId}: lỗi [${r.error!.code}] ${r.error!.message} (đã gửi ${r.acknowledged}, còn ${r.backlog})`,
            );
        }
        return ok ? EXIT.ok : EXIT.domainError;
      },
      (v) => void recipientOf(v),
    ),
};

export const syncStatusCommand: Command = {
  name: 'sync status',
  summary: 'Tình trạng đồng bộ: nơi nhận, lần gửi thành công, số dòng chờ gửi (backlog), lỗi',
  usage: 'sync status [--json]',
  run: (argv, io) =>
    withServices(argv, io, {}, async (call, v) => {
      const s = (await call('sync.status')) as SyncStatus;
      if (v.json) printJson(io, s);
      else {
        writeLine(
          io.stdout,
          `Mã cơ quan: ${s.office ?? '—'}; khóa: ${s.key?.fingerprint ?? 'chưa tạo'}`,
        );
        writeLine(
          io.stdout,
          `Chờ gửi: ${s.backlog} dòng; lần gửi thành công gần nhất: ${when(s.lastSuccessAt)}`,
        );
        if (s.recipients.length === 0)
          writeLine(io.stdout, 'Chưa đăng ký nơi nhận nào (sync enroll).');
        for (const r of s.recipients) printRecipient(io, r);
      }
      return EXIT.ok;
    }),
};

export const syncKeyCommand: Command = {
  name: 'sync key',
  summary:
    'In khóa công khai của cơ quan (tạo nếu chưa có) để cấp trên nhập (hub enroll --public-key)',
  usage: 'sync key [--json]',
  run: (argv, io) =>
    withServices(argv, io, {}, async (call, v) => {
      const key = (await call('sync.publicKey')) as {
        keyId: string;
        publicKey: string;
        fingerprint: string;
      };
      if (v.json) printJson(io, key);
      else
        writeLine(
          io.stdout,
          `${key.publicKey}\nMã khóa: ${key.keyId}\nDấu vân tay: ${key.fingerprint}`,
        );
      return EXIT.ok;
    }),
};

export const syncRotateKeyCommand: Command = {
  name: 'sync rotate-key',
  summary: 'Tạo cặp khóa mới và đăng ký với mọi nơi nhận (ký bằng khóa cũ)',
  usage: 'sync rotate-key [--json]',
  run: (argv, io) =>
    withServices(argv, io, {}, async (call, v) => {
      const r = (await call('sync.rotateKey')) as {
        keyId: string;
        results: {
          recipientId: number;
          ok: boolean;
          error: { code: string; message: string } | null;
        }[];
      };
      const ok = r.results.every((x) => x.ok);
      if (v.json) printJson(io, { ok, ...r });
      else
        for (const x of r.results)
          writeLine(
            io.stdout,
            x.ok
              ? `#${x.recipientId}: đã đổi sang khóa ${r.keyId}`
              : `#${x.recipientId}: lỗi [${x.error!.code}] ${x.error!.message}`,
          );
      return ok ? EXIT.ok : EXIT.domainError;
    }),
};

export const syncRefreshCommand: Command = {
  name: 'sync refresh',
  summary: 'Tính lại số liệu tổng hợp theo ngày (--all: mọi ngày, không chỉ ngày có thay đổi)',
  usage: 'sync refresh [--all] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      all: { type: 'boolean', default: false },
    });
    return withCliServices(io, values['data-dir'], values.json, async ({ services }) => {
      const result = services.sync.refresh(values.all);
      if (values.json) printJson(io, { ok: true, ...result });
      else
        writeLine(
          io.stdout,
          `Đã kiểm tra ${result.checked} dòng, ${result.revised} dòng có phiên bản mới.`,
        );
      return EXIT.ok;
    });
  },
};
