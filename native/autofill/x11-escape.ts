/**
 * A global Esc listener for X11 without Electron: `xinput test-xi2 --root` prints XInput2 raw key
 * events for every keyboard whichever window has focus, so the clerk's Esc is seen while the
 * province's form has focus. Plans never press Esc themselves (plan.ts), so any Esc is the clerk's.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AutofillError } from './autofill-error';
import { CANNOT_OPEN_DISPLAY, findOnPath } from './x11-tools';

/** Escape is keycode 9 in the evdev and the older xfree86 keymaps alike. */
const ESCAPE_KEYCODE = 9;

export interface EscapeListener {
  stop(): void;
}

/** Resolves once listening; `onEscape` fires at the clerk's first Esc. */
export function listenForEscapeX11(
  env: NodeJS.ProcessEnv,
  onEscape: () => void,
): Promise<EscapeListener> {
  const xinput = findOnPath('xinput', env);
  if (!xinput) {
    return Promise.reject(
      new AutofillError('AUTOFILL_ESC_UNAVAILABLE', { reason: 'xinput not found' }),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(xinput, ['test-xi2', '--root'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    let ready = false;
    let inRawPress = false;
    const stop = () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    };
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.on('error', (error) =>
      reject(new AutofillError('AUTOFILL_ESC_UNAVAILABLE', { reason: 'xinput failed' }, error)),
    );
    child.on('close', () => {
      if (ready) return;
      const text = stderr.join('');
      reject(
        CANNOT_OPEN_DISPLAY.test(text)
          ? new AutofillError('AUTOFILL_NO_DISPLAY')
          : new AutofillError('AUTOFILL_ESC_UNAVAILABLE', { reason: text.trim().slice(0, 200) }),
      );
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!ready) {
        // xinput lists the devices, then selects the events (one X round trip later). Typing
        // starts only after the countdown, long after that.
        ready = true;
        resolve({ stop });
      }
      if (line.startsWith('EVENT type')) inRawPress = line.includes('(RawKeyPress)');
      else if (inRawPress && line.trim() === `detail: ${ESCAPE_KEYCODE}`) {
        inRawPress = false;
        onEscape();
      }
    });
  });
}
