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

const REQUEST = /handle_selection_request/;
const TEXT_TARGET = /target=0x[0-9a-f]+ \((UTF8_STRING|STRING|TEXT)\)/;
const CONFIRMED = /Confirming conversion/;
const INPUT_READ = /Accumulated \d+ bytes input/;

function failure(stderr: string, reason: string, cause?: unknown): AutofillError {
  return CANNOT_OPEN_DISPLAY.test(stderr)
    ? new AutofillError('AUTOFILL_NO_DISPLAY')
    : new AutofillError('AUTOFILL_CLIPBOARD_FAILED', { reason }, cause);
}

/**
 * A paste is a burst of requests spread over tens of milliseconds, more under load: Chromium asks
 * TARGETS, reads UTF8_STRING, asks TARGETS a dozen times, then reads UTF8_STRING again and
 * inserts that. Replacing the owner before the last read makes the X server hand that read to
 * the next owner, which refuses it (its ownership is newer than the keystroke): the field stays
 * empty. So the first paste of a run learns how many text reads this target makes (it waits for
 * a long silence), and later pastes wait for that many reads plus a short silence.
 */
const LEARN_QUIET_MS = 250;
const SHORT_QUIET_MS = 10;

export interface ReadCountMemory {
  textReadsPerPaste: number | null;
}

class XselOffer implements PasteOffer {
  private textServed = 0;
  private pasted = false;
  private earlyText = false;
  private lastRequestAt = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly memory: ReadCountMemory,
  ) {}

  onRequest(isText: boolean): void {
    this.lastRequestAt = performance.now();
    if (isText && !this.pasted) this.earlyText = true;
    this.wake?.();
  }

  onTextServed(): void {
    if (this.pasted) this.textServed += 1;
    this.wake?.();
  }

  readBeforePaste(): boolean {
    this.pasted = true;
    return this.earlyText;
  }

  private settled(now: number): boolean {
    if (this.textServed === 0) return false;
    const quiet = now - this.lastRequestAt;
    const expected = this.memory.textReadsPerPaste;
    if (expected !== null && this.textServed >= expected) return quiet >= SHORT_QUIET_MS;
    return quiet >= LEARN_QUIET_MS;
  }

  taken(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.wake = null;
        if (value) {
          this.memory.textReadsPerPaste = Math.max(
            this.memory.textReadsPerPaste ?? 0,
            this.textServed,
          );
        }
        resolve(value);
      };
      const check = () => {
        clearTimeout(timer);
        const now = performance.now();
        if (this.settled(now)) return finish(true);
        if (now >= deadline + (this.textServed > 0 ? LEARN_QUIET_MS : 0)) {
          return finish(this.textServed > 0);
        }
        timer = setTimeout(check, this.textServed > 0 ? SHORT_QUIET_MS : 25);
      };
      this.wake = check;
      this.child.once('close', () => finish(this.textServed > 0));
      check();
    });
  }

  /**
   * Not killed here: the target may still be asking this owner for more and would block until
   * its own timeout. The owner exits by itself when the next value, or the clerk's restored
   * clipboard, takes the selection (SelectionClear).
   */
  dispose(): void {}

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

/**
 * Learned once per process and kept: the clerk's browser does not change between dossiers, and
 * a target that reads less often than learned only costs the long silence, never a wrong value.
 */
const PROCESS_MEMORY: ReadCountMemory = { textReadsPerPaste: null };

export function createX11Clipboard(
  xsel: string,
  env: NodeJS.ProcessEnv,
  memory: ReadCountMemory = PROCESS_MEMORY,
): ClipboardPort {
  const offers = new Set<XselOffer>();
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
        const offer = new XselOffer(child, memory);
        offers.add(offer);
        child.on('close', () => offers.delete(offer));
        const trace: string[] = [];
        let ready = false;
        let textPending = false;
        child.on('error', (error) => reject(failure('', 'xsel failed to start', error)));
        child.on('close', () => {
          if (!ready) reject(failure(trace.join('\n'), 'xsel exited before owning the clipboard'));
        });
        createInterface({ input: child.stderr }).on('line', (line) => {
          if (trace.length < 50) trace.push(line);
          if (!ready && INPUT_READ.test(line)) {
            ready = true;
            resolve(offer);
          } else if (REQUEST.test(line)) {
            textPending = TEXT_TARGET.test(line);
            offer.onRequest(textPending);
          } else if (textPending && CONFIRMED.test(line)) {
            textPending = false;
            offer.onTextServed();
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
      // Owners that lost the selection exit by themselves; make sure none is left behind.
      for (const offer of offers) offer.kill();
      if (result.code !== 0) throw failure(result.stderr, 'xsel --input failed');
    },
  };
}
