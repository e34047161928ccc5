/**
 * The small X11 programs the Linux adapters drive: `xsel` (clipboard; Debian package `xsel`, or
 * the copy bundled in the `clipboardy` npm package that nut-js depends on) and `xinput` (the Esc
 * listener; Debian package `xinput`). Driving them as child processes keeps a missing or broken
 * display from reaching libnut, whose first call on an unreachable display kills the process.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { AutofillError } from './autofill-error';
import { openX11Session } from './x11-connection';

export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The xsel that clipboardy ships (inside app.asar.unpacked when packaged). */
function bundledXsel(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const provider = require.resolve('@nut-tree-fork/default-clipboard-provider');
    const clipboardy = createRequire(provider).resolve('clipboardy/package.json');
    const path = join(dirname(clipboardy), 'fallbacks', 'linux', 'xsel').replace(
      `app.asar${'/'}`,
      `app.asar.unpacked${'/'}`,
    );
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}

export function locateXsel(env: NodeJS.ProcessEnv): string | null {
  return findOnPath('xsel', env) ?? bundledXsel();
}

export interface ToolResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs a tool to completion with a hard time limit (a hung clipboard owner must not hang us). */
export function runTool(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  input?: Buffer,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

export const CANNOT_OPEN_DISPLAY =
  /can'?t open display|unable to connect to x server|cannot open display/i;

/**
 * Linux: a display must be named and reachable before libnut is touched. Wayland-only sessions
 * have no X display for XTest to type into. `xsel` is needed to leave the clerk's clipboard with
 * an owner that outlives this process (x11-clipboard.ts).
 */
export async function probeX11Display(env: NodeJS.ProcessEnv, xsel: string | null): Promise<void> {
  const display = env.DISPLAY?.trim();
  if (!display) {
    throw new AutofillError('AUTOFILL_NO_DISPLAY', {
      reason: env.WAYLAND_DISPLAY ? 'wayland-only' : 'DISPLAY unset',
    });
  }
  if (!xsel) throw new AutofillError('AUTOFILL_CLIPBOARD_FAILED', { reason: 'xsel not found' });
  // Throws AUTOFILL_NO_DISPLAY when the server cannot be reached or refuses us.
  const session = await openX11Session(display);
  await session.close();
}
