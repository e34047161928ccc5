import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ROOT } from '../../electron/host/app-root';
import { waitForReadyLine } from './ready-line';

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  output: string[];
  /** The host's ready line (`--ready-json`): url, port, dbReadyMs, ok. */
  ready: { url: string; dbReadyMs: number; ok: boolean };
}

/**
 * Starts `electron/host/web.ts` as its own process on a free port with a fresh data directory
 * and waits for its ready line (a readiness signal, never a sleep).
 */
export async function startHeadlessHost(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; pcsc?: boolean } = {},
): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/web.ts',
      '--port',
      '0',
      '--no-build',
      '--ready-json',
      '--data-dir',
      dataDir,
    ],
    {
      cwd: APP_ROOT,
      // The machine has one PC/SC stack, used by the chip tests one at a time (their lock). A
      // host of any other test, its page armed by a QR scan, would race the chip test for the
      // virtual card (READER_BUSY): chip reading is on only for hosts that ask for it.
      env: { ...process.env, MOTCUA_PCSC: options.pcsc ? 'on' : 'off', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const line = await waitForReadyLine(
    child,
    { what: 'host', timeoutMs: 20_000, isReady: (l) => l.startsWith('{') },
    output,
  );
  const ready = JSON.parse(line) as RunningHost['ready'];
  return {
    url: ready.url,
    origin: new URL(ready.url).origin,
    dataDir,
    process: child,
    output,
    ready,
  };
}

export async function stopHeadlessHost(host: RunningHost, removeData = true): Promise<void> {
  if (host.process.exitCode === null) {
    const exited = new Promise((resolve) => host.process.once('exit', resolve));
    host.process.kill('SIGTERM');
    await exited;
  }
  if (removeData) rmSync(host.dataDir, { recursive: true, force: true });
}
