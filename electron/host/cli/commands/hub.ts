/**
 * `hub …`: the same codebase in headless mode, as the level above runs it. `--db sqlite:PATH`
 * (a commune) or `--db postgres://…` (a province, the nation); MOTCUA_HUB_DB is the default.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TotalsGroup } from '../../../services/hub/hub-admin';
import { openHubServices, type HubServices } from '../../../services/hub/hub-services';
import { APP_ROOT } from '../../app-root';
import { startHub } from '../../hub/start-hub';
import {
  EXIT,
  parseCommandArgs,
  positiveInt,
  printJson,
  reportError,
  UsageError,
  writeLine,
  type CliIo,
  type Command,
} from '../cli-kit';
import { cliDataDir } from '../open-services';

const DB_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function requireOffice(v: Record<string, unknown>): void {
  if (!v.office) throw new UsageError('Thiếu --office MÃ_CQ');
}

function hubDb(flag: string | undefined, io: CliIo): string {
  return (
    flag ?? io.env.MOTCUA_HUB_DB ?? `sqlite:${join(cliDataDir(undefined, io.env), 'hub.sqlite')}`
  );
}

async function withHub(
  argv: string[],
  io: CliIo,
  extra: Parameters<typeof parseCommandArgs>[1],
  body: (hub: HubServices, values: Record<string, unknown>) => Promise<number>,
  /** Usage checks, before the database is opened. */
  check: (values: Record<string, unknown>) => void = () => {},
): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...DB_OPTIONS, ...extra });
  check(values);
  try {
    const hub = await openHubServices({
      db: hubDb(values.db as string | undefined, io),
      appRoot: APP_ROOT,
    });
    try {
      return await body(hub, values);
    } finally {
      await hub.close();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return reportError(io, values.json === true, error);
  }
}

export const hubServeCommand: Command = {
  name: 'hub serve',
  summary: 'Chạy máy chủ đồng bộ (nhận số liệu từ các cơ quan, trang tổng hợp cho cấp trên)',
  usage:
    'hub serve --port P [--db sqlite:TỆP|postgres://…] [--host 127.0.0.1] [--name TÊN] [--read-token MÃ] [--tls-cert TỆP --tls-key TỆP] [--clock-tolerance-minutes 15] [--ready-json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      name: { type: 'string' },
      'read-token': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'clock-tolerance-minutes': { type: 'string' },
      'ready-json': { type: 'boolean', default: false },
    });
    const port = Number(values.port ?? '8470');
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`Cổng không hợp lệ: ${values.port}`);
    if (!!values['tls-cert'] !== !!values['tls-key'])
      throw new UsageError('--tls-cert và --tls-key phải đi cùng nhau');
    const tolerance = positiveInt('clock-tolerance-minutes', values['clock-tolerance-minutes'], 15);
    try {
      const hub = await startHub({
        db: hubDb(values.db, io),
        port,
        ...(values.host ? { host: values.host } : {}),
        ...(values.name ? { name: values.name } : {}),
        readToken: values['read-token'] ?? io.env.MOTCUA_HUB_READ_TOKEN ?? null,
        ...(values['tls-cert']
          ? { tls: { certFile: values['tls-cert'], keyFile: values['tls-key']! } }
          : {}),
        clockToleranceMs: tolerance * 60_000,
      });
      const ready = {
        event: 'ready',
        url: hub.url,
        port: hub.port,
        dialect: hub.dialect,
        db: hub.description,
      };
      if (values['ready-json']) printJson(io, ready);
      else
        writeLine(
          io.stdout,
          `Máy chủ đồng bộ đang chạy tại ${hub.url} (${hub.description}). Nhấn Ctrl+C để dừng.`,
        );
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void hub.close().then(done, done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      return EXIT.ok;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        writeLine(io.stderr, `Cổng ${port} đang được dùng. Hãy chọn cổng khác (--port).`);
        return EXIT.domainError;
      }
      return reportError(io, values.json, error);
    }
  },
};

export const hubEnrollCommand: Command = {
  name: 'hub enroll',
  summary: 'Cấp mã đăng ký một lần cho một cơ quan (hoặc nhập khóa công khai của cơ quan)',
  usage:
    'hub enroll --office MÃ_CQ [--name TÊN] [--ttl-hours 168] [--public-key KHÓA] [--db …] [--json]',
  run: (argv, io) =>
    withHub(
      argv,
      io,
      {
        office: { type: 'string' },
        name: { type: 'string' },
        'ttl-hours': { type: 'string' },
        'public-key': { type: 'string' },
      },
      async (hub, v) => {
        const name = (v.name as string | undefined) ?? '';
        if (v['public-key']) {
          const r = await hub.admin.importKey(
            v.office as string,
            name,
            (v['public-key'] as string).trim(),
          );
          if (v.json) printJson(io, { ok: true, ...r });
          else
            writeLine(
              io.stdout,
              `Đã nhập khóa ${r.keyId} (dấu vân tay ${r.fingerprint}) cho ${r.office}.`,
            );
          return EXIT.ok;
        }
        const ttl = positiveInt('ttl-hours', v['ttl-hours'] as string | undefined, 168);
        const r = await hub.admin.issueCode(v.office as string, name, ttl);
        if (v.json) printJson(io, r);
        else
          writeLine(
            io.stdout,
            `Mã đăng ký cho ${r.office}: ${r.code} (dùng một lần, hết hạn ${r.expiresAt})`,
          );
        return EXIT.ok;
      },
      requireOffice,
    ),
};

export const hubRevokeCommand: Command = {
  name: 'hub revoke',
  summary: 'Thu hồi khóa của một cơ quan: số liệu ký bằng khóa đó bị từ chối',
  usage: 'hub revoke --office MÃ_CQ [--key-id MÃ_KHÓA] [--db …] [--json]',
  run: (argv, io) =>
    withHub(
      argv,
      io,
      { office: { type: 'string' }, 'key-id': { type: 'string' } },
      async (hub, v) => {
        const r = await hub.admin.revoke(
          v.office as string,
          (v['key-id'] as string | undefined) ?? null,
        );
        if (v.json) printJson(io, { ok: true, ...r });
        else writeLine(io.stdout, `Đã thu hồi ${r.revoked} khóa của ${r.office}.`);
        return EXIT.ok;
      },
      requireOffice,
    ),
};

function period(
  v: Record<string, unknown>,
  required: boolean,
): { from: string; to: string } | undefined {
  const from = v.from as string | undefined;
  const to = v.to as string | undefined;
  if (!from && !to && !required) return undefined;
  if (!from || !to || !DAY.test(from) || !DAY.test(to))
    throw new UsageError('--from và --to dạng YYYY-MM-DD');
  return { from, to };
}

function groupBy(v: Record<string, unknown>): TotalsGroup[] {
  const by = ((v.by as string | undefined) ?? '').split(',').filter(Boolean);
  if (!by.every((g) => ['office', 'procedure', 'day', 'month'].includes(g)))
    throw new UsageError('--by: office, procedure, day, month (phân cách bằng dấu phẩy)');
  return by as TotalsGroup[];
}

export const hubTotalsCommand: Command = {
  name: 'hub totals',
  summary: 'Tổng số liệu trong kỳ, theo cơ quan / thủ tục / ngày / tháng',
  usage:
    'hub totals --from YYYY-MM-DD --to YYYY-MM-DD [--by office,procedure] [--office MÃ_CQ] [--db …] [--json]',
  run: (argv, io) =>
    withHub(
      argv,
      io,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        by: { type: 'string' },
        office: { type: 'string' },
      },
      async (hub, v) => {
        const { from, to } = period(v, true)!;
        const by = groupBy(v);
        const rows = await hub.admin.totals(from, to, by, (v.office as string | undefined) ?? null);
        if (v.json) printJson(io, { ok: true, from, to, groupBy: by, rows });
        else for (const r of rows) writeLine(io.stdout, JSON.stringify(r));
        return EXIT.ok;
      },
      (v) => {
        period(v, true);
        groupBy(v);
      },
    ),
};

export const hubOfficesCommand: Command = {
  name: 'hub offices',
  summary: 'Các cơ quan đã đăng ký, lần đồng bộ cuối, đã báo cáo đủ cho kỳ hay chưa',
  usage: 'hub offices [--from YYYY-MM-DD --to YYYY-MM-DD] [--db …] [--json]',
  run: (argv, io) =>
    withHub(argv, io, { from: { type: 'string' }, to: { type: 'string' } }, async (hub, v) => {
      const offices = await hub.admin.offices(period(v, false));
      if (v.json) printJson(io, { ok: true, offices });
      else
        for (const o of offices)
          writeLine(
            io.stdout,
            `${o.code} ${o.name} — ${o.status}; đồng bộ cuối ${o.lastSyncAt ?? 'chưa bao giờ'}${o.reported === false ? ' — CHƯA BÁO CÁO ĐỦ' : ''}`,
          );
      return EXIT.ok;
    }),
};

export const hubUplinkEnrollCommand: Command = {
  name: 'hub uplink enroll',
  summary: 'Đăng ký để máy chủ này gửi số liệu tổng hợp lên máy chủ cấp trên',
  usage:
    'hub uplink enroll --hub URL --code MÃ --office MÃ_CỦA_MÁY_CHỦ_NÀY [--key-file TỆP] [--tls-pin SHA256] [--tls-ca TỆP_PEM] [--db …] [--json]',
  run: (argv, io) =>
    withHub(
      argv,
      io,
      {
        hub: { type: 'string' },
        code: { type: 'string' },
        office: { type: 'string' },
        'key-file': { type: 'string' },
        'tls-pin': { type: 'string' },
        'tls-ca': { type: 'string' },
      },
      async (hub, v) => {
        const db = hubDb(v.db as string | undefined, io);
        const keyFile = resolve(
          (v['key-file'] as string | undefined) ??
            join(
              db.startsWith('sqlite:') ? dirname(db.slice(7)) : cliDataDir(undefined, io.env),
              'hub-uplink-key.pem',
            ),
        );
        const r = await hub.forwarder.enroll({
          hubUrl: v.hub as string,
          code: v.code as string,
          office: v.office as string,
          keyFile,
          ...(v['tls-pin'] ? { tlsPinSha256: v['tls-pin'] as string } : {}),
          ...(v['tls-ca'] ? { tlsCaPem: readFileSync(v['tls-ca'] as string, 'utf8') } : {}),
        });
        if (v.json) printJson(io, { ok: true, ...r, keyFile });
        else
          writeLine(
            io.stdout,
            `Đã đăng ký với ${r.hubName || v.hub} dưới mã ${r.office}. Khóa: ${keyFile}`,
          );
        return EXIT.ok;
      },
      (v) => {
        if (!v.hub || !v.code || !v.office) throw new UsageError('Cần --hub, --code và --office');
      },
    ),
};

export const hubForwardCommand: Command = {
  name: 'hub forward',
  summary: 'Gửi ngay số liệu tổng hợp của máy chủ này lên cấp trên',
  usage: 'hub forward [--db …] [--json]',
  run: (argv, io) =>
    withHub(argv, io, {}, async (hub, v) => {
      const r = await hub.forwarder.forwardNow();
      if (v.json) printJson(io, r);
      else
        writeLine(
          io.stdout,
          r.ok
            ? `Đã gửi ${r.acknowledged} dòng.`
            : `Lỗi [${r.error!.code}]; còn ${r.backlog} dòng chờ gửi.`,
        );
      return r.ok ? EXIT.ok : EXIT.domainError;
    }),
};
