import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../../support/digitization';
import { pdfImages, pdfInfo } from '../../support/pdf-tools';
import { runCli } from '../../support/run-cli';
import { openTestServices } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('CLI: scan', () => {
  it('scans N pages from the SANE test device into a PDF in --out', async () => {
    const dataDir = tempDir();
    const out = tempDir();
    const run = await runCli(
      ['scan', '--device', 'sane:test', '--source', 'feeder', '--dpi', '200'].concat([
        '--pages',
        '2',
        '--out',
        out,
        '--json',
      ]),
      { dataDir },
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      pages: number;
      out: { file: string; sha256: string };
    };
    expect(result).toMatchObject({ ok: true, pages: 2 });
    expect(readdirSync(out)).toEqual([result.out.file.split('/').pop()]);
    expect(pdfInfo(result.out.file).Pages).toBe('2');
    expect(pdfImages(result.out.file).map((i) => i.xPpi)).toEqual([200, 200]);
  });

  it('files into a dossier and refuses what it cannot do with the right exit codes', async () => {
    const dataDir = tempDir();
    const usage = await runCli(['scan', '--device', 'sane:test'], { dataDir });
    expect(usage.code).toBe(2);
    const lowDpi = await runCli(
      ['scan', '--device', 'sane:test', '--dpi', '150', '--out', dataDir],
      {
        dataDir,
      },
    );
    expect(lowDpi.code).toBe(2);
    expect(lowDpi.stderr).toContain('200');
    const missing = await runCli(
      ['scan', '--device', 'sane:test', '--dossier', '000.00.00.X00-261124-0099', '--json'],
      { dataDir },
    );
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'DOSSIER_NOT_FOUND' } });
    const duplex = await runCli(['scan', '--device', 'sane:test', '--duplex', '--out', tempDir()], {
      dataDir,
    });
    expect(duplex.code).toBe(1);
    expect(duplex.stderr).toContain('SCAN_SETTINGS_UNSUPPORTED');

    // A dossier received through the services (the counter), then scanned into from the CLI.
    const ctx = openTestServices(dataDir);
    const code = await receiveDossier(ctx.dispatcher);
    ctx.services.close();
    const filed = await runCli(
      ['scan', '--device', 'sane:test?test-picture=Grid', '--mode', 'bw', '--pages', '3'].concat([
        '--dossier',
        code,
        '--kind',
        'result',
        '--component',
        'ket-qua',
        '--title',
        'Kết quả',
        '--json',
      ]),
      { dataDir },
    );
    expect(filed.code, filed.stdout + filed.stderr).toBe(0);
    expect(JSON.parse(filed.stdout)).toMatchObject({
      ok: true,
      keptPages: 3,
      document: { kind: 'result', pages: 3 },
    });
    const check = await runCli(['db', 'check', '--json'], { dataDir });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      ok: true,
      scans: { documents: 1, files: 1, orphans: [] },
    });
    expect(readdirSync(join(dataDir, 'scans'))).toContain(new Date().getUTCFullYear().toString());
  }, 60_000);
});
