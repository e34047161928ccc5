import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('npm run cli', () => {
  it('prints help and exits 2 without a command, and 2 for an unknown one', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Cách dùng');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Lệnh không tồn tại');
  });

  it('exits 2 on a bad option', async () => {
    const run = await runCli(['demo', 'seed', '--days', 'many'], { dataDir: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--days');
    expect((await runCli(['db', 'check', '--nope'])).code).toBe(2);
  });

  it('db check: no database yet, then a healthy one after the app opened it', async () => {
    const dir = tempDir();
    const empty = await runCli(['db', 'check', '--json'], { dataDir: dir });
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ ok: true, exists: false });
    expect((await runCli(['procedures', 'list'], { dataDir: dir })).code).toBe(0);
    const check = await runCli(['db', 'check', '--json'], { dataDir: dir });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      ok: true,
      exists: true,
      integrity: 'ok',
      schema: { pending: [] },
    });
  });

  it('db check reports a file that is not SQLite with exit 1 and a stable code, leaving it untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'motcua.sqlite');
    writeFileSync(file, 'hello, not a database'.repeat(10));
    const run = await runCli(['db', 'check', '--json'], { dataDir: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'DB_NOT_SQLITE' } });
    expect(readFileSync(file, 'utf8')).toBe('hello, not a database'.repeat(10));
    const human = await runCli(['db', 'check'], { dataDir: dir });
    expect(human.stderr).toContain('không phải là tệp SQLite');
  });

  it('procedures list --json gives the 25 procedures of the catalogue', async () => {
    const run = await runCli(['procedures', 'list', '--json'], { dataDir: tempDir() });
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(25);
    // The issue's shape, exactly: { key, name, group, owner, codes, currentLevel, targetLevel,
    // deadline, status }.
    expect(list[0]).toEqual({
      key: 'xac-nhan-so-cmnd',
      name: 'Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân',
      group: 'bca',
      owner: 'Công an thị xã',
      codes: ['1.012566'],
      currentLevel: 'full',
      targetLevel: 'full',
      deadline: '2022-03-31',
      status: 'met',
    });
    expect(list.map((p) => p.name)).toContain('Đăng ký khai sinh');
  });

  it('demo seed creates a realistic history that db check accepts', async () => {
    const dir = tempDir();
    const run = await runCli(['demo', 'seed', '--days', '14', '--per-day', '30', '--json'], {
      dataDir: dir,
    });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { dossiers: number; citizens: number; days: number };
    expect(result.days).toBe(14);
    expect(result.dossiers).toBeGreaterThan(200);
    expect(result.dossiers).toBeLessThan(450);
    expect((await runCli(['db', 'check', '--json'], { dataDir: dir })).code).toBe(0);
  });

  it('qr parse reads raw bytes per line and prints one JSON object per line', async () => {
    const lines = Buffer.concat([
      Buffer.from(
        '079203000123||Nguyễn Văn An|15052003|Nam|Số 1 Đường Mẫu, Phường Mẫu|01072021\r\n',
        'utf8',
      ),
      Buffer.from('079203000123||Nguy', 'utf8'),
      Buffer.from([0xff, 0xfe]), // not UTF-8
      Buffer.from('n|15052003|Nam|HN|01072021\n', 'utf8'),
      Buffer.from('https://example.vn\n', 'utf8'),
    ]);
    const run = await runCli(['qr', 'parse'], { stdin: lines });
    const results = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string; message: string } });
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({
      ok: true,
      citizen: { fullName: 'Nguyễn Văn An', dateOfBirth: '2003-05-15' },
      warnings: [],
    });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'QR_ENCODING' } });
    expect(results[2]!.error!.message).toContain('đường dẫn web');
    expect(run.code).toBe(1); // some payloads were rejected
  });

  it("qr parse prints exactly the issue's shape, mojibake repaired and warnings described", async () => {
    const valid = '079203000123|012345678|Nguyễn Văn An|15052003|Nam|Số 1, Phường Mẫu|01072021';
    const mojibake = new TextDecoder('windows-1252').decode(Buffer.from(valid, 'utf8'));
    const lines = Buffer.from(
      [
        valid,
        mojibake,
        `${valid}|extra`,
        '079203000123||Nguyễn Văn An|31022003|Nam|HN|01072021',
        '',
      ].join('\n'),
      'utf8',
    );
    const run = await runCli(['qr', 'parse'], { stdin: lines });
    const [plain, repaired, extra, bad] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(plain).toEqual({
      ok: true,
      citizen: {
        idNumber: '079203000123',
        oldIdNumber: '012345678',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '2003-05-15',
        sex: 'male',
        address: 'Số 1, Phường Mẫu',
        issueDate: '2021-07-01',
        extraFields: [],
      },
      warnings: [],
    });
    expect(repaired).toMatchObject({
      ok: true,
      citizen: { fullName: 'Nguyễn Văn An' },
      warnings: [{ code: 'QR_MOJIBAKE_REPAIRED', message: expect.stringContaining('mã hóa') }],
    });
    expect(extra).toMatchObject({ citizen: { extraFields: ['extra'] } });
    expect(Object.keys((bad as { error: object }).error).sort()).toEqual(['code', 'message']);
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'QR_DATE_INVALID', message: expect.stringContaining('trường 4: ngày sinh') },
    });
  });

  it('devices list --json lists HID devices (real node-hid enumeration) and serial ports', async () => {
    const run = await runCli(['devices', 'list', '--json'], { dataDir: tempDir() });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      hid: Record<string, unknown>[];
      serialPorts: { path: string }[];
      problems: unknown[];
    };
    expect(out.problems).toEqual([]);
    expect(Array.isArray(out.hid)).toBe(true);
    for (const d of out.hid) {
      for (const key of ['vendorId', 'productId', 'usagePage', 'usage', 'product', 'path']) {
        expect(d).toHaveProperty(key);
      }
    }
    expect(out.serialPorts.every((p) => typeof p.path === 'string')).toBe(true);
  });
});
