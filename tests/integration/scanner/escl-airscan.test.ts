/**
 * Proves the eSCL simulator speaks the protocol as real clients expect: the reference client,
 * sane-airscan (Debian package), scans from it through the real `scanimage`.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePnm } from '../../../native/scanner/image/pnm';
import { startEsclSimulator, type RunningSimulator } from '../../support/escl-simulator';
import { airscanConfig } from '../../support/sane-config';
import { useTempDirs } from '../../support/temp-dir';

const run = promisify(execFile);
const tempDir = useTempDirs();
let sim: RunningSimulator | null = null;
const configs: string[] = [];
afterEach(async () => {
  await sim?.close();
  sim = null;
  for (const dir of configs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function scanimage(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stderr } = await run('scanimage', args, { env, timeout: 60_000 });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('the eSCL simulator, read by sane-airscan (reference client)', () => {
  it('lists the simulator and its real source names', async () => {
    sim = await startEsclSimulator();
    const cfg = airscanConfig('Sim', sim.url);
    configs.push(cfg.dir);
    const { stdout } = await run('scanimage', ['-d', cfg.device, '-A'], { env: cfg.env });
    expect(stdout).toMatch(/--source Flatbed\|ADF\|ADF Duplex/);
    expect(stdout).toMatch(/--mode .*Color/);
    expect(sim.log).toContain('GET /eSCL/ScannerCapabilities 200');
  });

  it('scans a 3-sheet feeder batch page by page, through 503s, to the 404 that ends it', async () => {
    sim = await startEsclSimulator({ sheets: 3, busyPolls: 1 });
    const cfg = airscanConfig('Sim', sim.url);
    configs.push(cfg.dir);
    const out = tempDir();
    const result = await scanimage(
      [
        '-d',
        cfg.device,
        '--source',
        'ADF',
        '--mode',
        'Color',
        '--resolution',
        '150',
        '--format=pnm',
        `--batch=${join(out, 'p%02d.pnm')}`,
      ],
      cfg.env,
    );
    expect(result.stderr).toMatch(/Batch terminated, 3 pages scanned/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['p01.pnm', 'p02.pnm', 'p03.pnm']);
    const page = parsePnm(readFileSync(join(out, files[0]!)));
    expect(page.ok && page.image.kind).toBe('rgb');
    // sane-airscan asks for the device's whole area (2550 × 3508 in 1/300") at 150 dpi.
    expect(page.ok && [page.image.width, page.image.height]).toEqual([1275, 1754]);
    const next = sim.log.filter((l) => l.includes('/NextDocument'));
    expect(next.filter((l) => l.endsWith(' 503')).length).toBeGreaterThanOrEqual(3);
    expect(next.filter((l) => l.endsWith(' 200'))).toHaveLength(3);
    expect(next.at(-1)).toMatch(/ 404$/);
  });

  it('answers a Location naming localhost on the wrong port (HP over IPP-USB), which sane-airscan rewrites', async () => {
    // sane-airscan rewrites only a "localhost" Location (escl_scan_fix_location); we rewrite any.
    sim = await startEsclSimulator({ sheets: 1, busyPolls: 0, locationHost: 'localhost:1' });
    const cfg = airscanConfig('Sim', sim.url);
    configs.push(cfg.dir);
    const out = tempDir();
    const result = await scanimage(
      [
        '-d',
        cfg.device,
        '--source',
        'Flatbed',
        '--resolution',
        '75',
        '--format=pnm',
        '-o',
        join(out, 'p.pnm'),
      ],
      cfg.env,
    );
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(['p.pnm']);
  });

  it('reports a jam and an empty feeder the way SANE names them', async () => {
    sim = await startEsclSimulator({ sheets: 5, busyPolls: 0, jamAfter: 2 });
    const cfg = airscanConfig('Sim', sim.url);
    configs.push(cfg.dir);
    const out = tempDir();
    const jam = await scanimage(
      [
        '-d',
        cfg.device,
        '--source',
        'ADF',
        '--resolution',
        '75',
        '--format=pnm',
        `--batch=${join(out, 'j%02d.pnm')}`,
      ],
      cfg.env,
    );
    expect(jam.stderr).toMatch(/jammed/i);
    expect(readdirSync(out)).toHaveLength(2);

    sim.set({ sheets: 0, jamAfter: undefined });
    const empty = await scanimage(
      [
        '-d',
        cfg.device,
        '--source',
        'ADF',
        '--resolution',
        '75',
        '--format=pnm',
        `--batch=${join(out, 'e%02d.pnm')}`,
      ],
      cfg.env,
    );
    expect(empty.stderr).toMatch(/out of documents/i);
  });
});
