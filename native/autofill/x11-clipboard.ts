/**
 * X11 CLIPBOARD through `xsel`. An X selection is not data but a promise: the owner serves it when
 * a window asks. So each pasted value gets its own `xsel --nodetach -vvvv` owner, and its trace
 * ("handle_selection_request … target=UTF8_STRING … Confirming conversion") tells us exactly when
 * the target fetched the value — only then may the next value replace it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AutofillError } from './autofill-error';
import type { ClipboardPort, PasteOffer, SavedClipboard } from './ports';
import { CANNOT_OPEN_DISPLAY, runTool } from './x11-tools';

const TEXT_REQUEST = /handle_selection_request.*target=0x[0-9a-f]+ \((UTF8_STRING|STRING|TEXT)\)/;
const CONFIRMED = /Confirming conversion/;
const INPUT_READ = /Accumulated \d+ bytes input/;

function failure(stderr: string, reason: string, cause?: unknown): AutofillError {
  return CANNOT_OPEN_DISPLAY.test(stderr)
    ? new AutofillError('AUTOFILL_NO_DISPLAY')
    : new AutofillError('AUTOFILL_CLIPBOARD_FAILED', { reason }, cause);
}

class XselOffer implements PasteOffer {
  private takenNow = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  markTaken(): void {
    this.takenNow = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  taken(timeoutMs: number): Promise<boolean> {
    if (this.takenNow) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(wake);
      this.child.once('close', () => {
        clearTimeout(timer);
        resolve(this.takenNow);
      });
    });
  }

  /**
   * Not killed here: the target may still be asking this owner for more (Chromium re-reads
   * TARGETS after a paste) and would block until its own timeout. The owner exits by itself when
   * the next value, or the clerk's restored clipboard, takes the selection (SelectionClear).
   */
  dispose(): void {}

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

export function createX11Clipboard(xsel: string, env: NodeJS.ProcessEnv): ClipboardPort {
  return {
    async save(): Promise<SavedClipboard> {
      const result = await runTool(xsel, ['--clipboard', '--output'], env, 2000).catch((e) => {
        throw failure('', 'xsel --output failed to start', e);
      });
      if (result.code !== 0) throw failure(result.stderr, 'xsel --output failed');
      return { text: result.stdout.toString('utf8') };
    },

    offer(text: string): Promise<PasteOffer> {
      return new Promise((resolve, reject) => {
        const child = spawn(xsel, ['--clipboard', '--input', '--nodetach', '-vvvv'], {
          env,
          stdio: ['pipe', 'ignore', 'pipe'],
        }) as unknown as ChildProcessWithoutNullStreams;
        const offer = new XselOffer(child);
        const trace: string[] = [];
        let ready = false;
        let requested = false;
        child.on('error', (error) => reject(failure('', 'xsel failed to start', error)));
        child.on('close', () => {
          if (!ready) reject(failure(trace.join('\n'), 'xsel exited before owning the clipboard'));
        });
        createInterface({ input: child.stderr }).on('line', (line) => {
          if (trace.length < 50) trace.push(line);
          if (process.env.XSEL_DEBUG) console.error('[xsel]', line);
          if (!ready && INPUT_READ.test(line)) {
            ready = true;
            resolve(offer);
          } else if (TEXT_REQUEST.test(line)) {
            requested = true;
          } else if (requested && CONFIRMED.test(line)) {
            offer.markTaken();
          }
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(Buffer.from(text, 'utf8'));
      });
    },

    async restore(saved: SavedClipboard): Promise<void> {
      // Without --nodetach xsel forks an owner that outlives us (the CLI exits right after);
      // empty input makes it clear the selection, so the last field's value does not linger.
      const result = await runTool(
        xsel,
        ['--clipboard', '--input'],
        env,
        2000,
        Buffer.from(saved.text, 'utf8'),
      ).catch((e) => {
        throw failure('', 'xsel --input failed to start', e);
      });
      if (result.code !== 0) throw failure(result.stderr, 'xsel --input failed');
    },
  };
}
