import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the app opens, like /dev/ttyACM0. */
  devicePath: string;
  /** The end the test writes scanner bytes into. */
  scannerPath: string;
  write(bytes: Uint8Array | string): void;
  /** Ends socat: both ptys vanish, as when the scanner's USB cable is pulled. */
  unplug(): Promise<void>;
  process: ChildProcess;
}

/**
 * Two linked pseudo-terminals from socat (test-environment.md, "Serial ports without
 * hardware"). Resolves once socat reports its transfer loop running: a readiness signal.
 */
export function startPtyPair(dir: string, name = 'scanner'): Promise<PtyPair> {
  const devicePath = join(dir, `${name}-device`);
  const scannerPath = join(dir, `${name}-scanner`);
  const child = spawn('socat', [
    '-d',
    '-d',
    `pty,raw,echo=0,link=${devicePath}`,
    `pty,raw,echo=0,link=${scannerPath}`,
  ]);
  let log = '';
  let fd: number | null = null;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`socat exited ${code}: ${log}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (!log.includes('starting data transfer loop')) return;
      child.stderr!.removeAllListeners('data');
      resolve({
        devicePath,
        scannerPath,
        process: child,
        write(bytes) {
          fd ??= openSync(scannerPath, 'w');
          const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
          writeSync(fd, buffer);
        },
        async unplug() {
          if (fd !== null) closeSync(fd);
          fd = null;
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
