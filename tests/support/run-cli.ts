import { spawnCli } from './cli-process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cli -- …` the way a user does (a real process, real stdin bytes). */
export function runCli(
  args: string[],
  options: { dataDir?: string; stdin?: Buffer | string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(
      args,
      options.dataDir ? { MOTCUA_DATA_DIR: options.dataDir } : {},
      'pipe',
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin!.end(options.stdin ?? '');
  });
}
