/** CLI commands as real processes (a hub that can be SIGKILLed, a client killed mid-send). */
import { spawn, type ChildProcess } from 'node:child_process';
import { APP_ROOT } from '../../electron/host/app-root';
import { waitForReadyLine } from './ready-line';

export function spawnCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli/main.ts', ...args], {
    cwd: APP_ROOT,
    env: { ...process.env, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `hub serve --port 0 --ready-json`, resolved on its ready line (never a sleep). */
export async function spawnHub(db: string, extra: string[] = []): Promise<HubProcess> {
  const child = spawnCli(['hub', 'serve', '--port', '0', '--db', db, '--ready-json', ...extra]);
  const ready = await waitForReadyLine(child, {
    what: 'hub',
    timeoutMs: 30_000,
    isReady: (line) => line.includes('"ready"'),
  });
  const url = (JSON.parse(ready) as { url: string }).url;
  return {
    url,
    child,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function waitForExit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  const out: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8') }),
    ),
  );
}
