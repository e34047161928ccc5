import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { findOnPath } from '../../native/autofill/x11-tools';

export interface VirtualDisplay {
  /** e.g. ":42" */
  display: string;
  stop(): Promise<void>;
  /**
   * Lets this process exit while the server runs (started with `untilLastClientLeaves`): the
   * server ends by itself when its last client disconnects, e.g. libnut's display connection,
   * which native code keeps until the process exits (killing the server first aborts the exit
   * with an Xlib I/O error).
   */
  release(): void;
}

/** Why the desktop suites cannot run here, or null when they can (CI installs Xvfb: .ci/run). */
export function xvfbUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'the desktop autofill suites need Linux/X11';
  if (!findOnPath('Xvfb', process.env)) return 'Xvfb is not installed (Debian package xvfb)';
  return null;
}

/**
 * A fresh X server for one test file. `-displayfd` makes Xvfb pick a free display number and
 * write it once it accepts connections: a readiness signal, no polling, no fixed numbers.
 */
export function startXvfb(
  options: { untilLastClientLeaves?: boolean } = {},
): Promise<VirtualDisplay> {
  return new Promise((resolve, reject) => {
    const lifetime = options.untilLastClientLeaves ? '-terminate' : '-noreset';
    const child: ChildProcess = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', lifetime],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
    let number = '';
    const fd = child.stdio[3] as NodeJS.ReadableStream;
    fd.on('data', (chunk: Buffer) => {
      number += chunk.toString();
      if (!number.includes('\n')) return;
      child.removeAllListeners('exit');
      resolve({
        display: `:${number.trim()}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        release: () => {
          for (const stream of [child.stderr, fd]) (stream as Partial<Socket> | null)?.unref?.();
          child.unref();
        },
      });
    });
  });
}
