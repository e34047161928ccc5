/**
 * X11 CLIPBOARD with our own selection owner, correct by construction rather than by timing.
 *
 * An X selection is a promise, not data: the owner serves each read when the target asks, and a
 * paste is a burst of reads (Chromium: TARGETS, UTF8_STRING, a dozen TARGETS, UTF8_STRING again,
 * all with CurrentTime, so a read cannot be matched to a paste by its timestamp). So we keep one
 * value per paste and keep serving it until the target proves it has finished reading: the engine
 * presses select-all and copy after the paste, the target (which handles keys in order) takes
 * the CLIPBOARD for its copy, and that SelectionClear can only come after every read of the paste.
 * We then read the target's copy: what the field really holds. Only then does the next value (or
 * the clerk's clipboard) replace ours. ICCCM §2 (selections) is the reference throughout.
 */
import type { XEvent } from 'x11';
import { AutofillError } from './autofill-error';
import type { ClipboardPort, PasteOffer, PasteOutcome, SavedClipboard } from './ports';
import { openX11Session, PROPERTY_REPLACE, type X11Session } from './x11-connection';
import {
  convert,
  decodeText,
  notBefore,
  type AtomName,
  type OfferedValue,
} from './x11-selection-data';
import { runTool } from './x11-tools';

const TEXT_TARGETS = new Set([
  'UTF8_STRING',
  'TEXT',
  'text/plain;charset=utf-8',
  'STRING',
  'text/plain',
]);
/** How long an owner may take to answer one conversion (the clerk's app, the form's browser). */
const CONVERSION_TIMEOUT_MS = 5000;
/** xsel reads the clerk's text and forks its background owner: a process start, slow under load. */
const HANDOVER_TIMEOUT_MS = 10_000;

function failed(reason: string, cause?: unknown): AutofillError {
  return new AutofillError('AUTOFILL_CLIPBOARD_FAILED', { reason }, cause);
}

function waitFor<T>(
  register: (settle: (value: T) => void) => void,
  timeoutMs: number,
  onTimeout: T,
) {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(onTimeout), timeoutMs);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

class ClipboardSession {
  private readonly names: Map<number, AtomName>;
  private value: OfferedValue | null = null;
  private textReads = 0;
  private owned = false;
  private onClear: ((time: number) => void) | null = null;
  private onNotify: ((event: XEvent) => void) | null = null;
  private chunks = 0;
  private onChunk: (() => void) | null = null;

  constructor(private readonly x: X11Session) {
    this.names = new Map(Object.entries(x.atoms).map(([name, atom]) => [atom, name as AtomName]));
    x.onEvent((event) => this.handle(event));
  }

  private handle(event: XEvent): void {
    const { window, atoms } = this.x;
    if (event.name === 'SelectionRequest' && event.selection === atoms.CLIPBOARD) {
      this.answer(event);
    } else if (event.name === 'SelectionClear' && event.selection === atoms.CLIPBOARD) {
      this.owned = false;
      const settle = this.onClear;
      this.onClear = null;
      settle?.(event.time!);
    } else if (event.name === 'SelectionNotify' && event.requestor === window) {
      const settle = this.onNotify;
      this.onNotify = null;
      settle?.(event);
    } else if (
      event.name === 'PropertyNotify' &&
      event.wid === window &&
      event.atom === atoms.MOTCUA_SELECTION &&
      event.state === 0
    ) {
      this.chunks += 1;
      this.onChunk?.();
    }
  }

  /** Serves one read. Requests older than our ownership are refused (ICCCM §2.2). */
  private answer(request: XEvent): void {
    const { client, atoms, maxPropertyBytes } = this.x;
    const requestor = request.requestor!;
    const target = this.names.get(request.target!);
    // Obsolete requestors pass None as the property: use the target atom (ICCCM §2.2).
    const property = request.property || request.target!;
    const value = this.value;
    const current =
      value !== null && (request.time === 0 || notBefore(request.time!, value.ownedAt));
    const reply = current && target ? convert(target, value, maxPropertyBytes) : null;
    if (reply) {
      if (reply.format === 32) {
        const numbers =
          reply.type === 'ATOM' ? reply.atoms.map((name) => atoms[name]) : [...reply.integers];
        client.ChangeProperty(
          PROPERTY_REPLACE,
          requestor,
          property,
          atoms[reply.type],
          32,
          numbers,
        );
      } else {
        client.ChangeProperty(
          PROPERTY_REPLACE,
          requestor,
          property,
          atoms[reply.type],
          8,
          reply.bytes,
        );
        if (TEXT_TARGETS.has(target!)) this.textReads += 1;
      }
    }
    client.SendEvent(requestor, 0, 0, {
      name: 'SelectionNotify',
      time: request.time!,
      requestor,
      selection: request.selection!,
      target: request.target!,
      property: reply ? property : 0,
    });
  }

  /** Takes the CLIPBOARD with a fresh server timestamp (ICCCM §2.1: never CurrentTime). */
  async own(text: string, secret: boolean): Promise<void> {
    const { client, window, atoms } = this.x;
    this.value = null;
    const ownedAt = await this.x.serverTime();
    this.value = { text, secret, ownedAt };
    this.textReads = 0;
    client.SetSelectionOwner(window, atoms.CLIPBOARD, ownedAt);
    const owner = await new Promise<number>((resolve, reject) =>
      client.GetSelectionOwner(atoms.CLIPBOARD, (error, id) =>
        error ? reject(error) : resolve(id),
      ),
    ).catch((error: unknown) => {
      throw failed('GetSelectionOwner failed', error);
    });
    if (owner !== window) throw failed('could not take the clipboard');
    this.owned = true;
  }

  private clearWithin(timeoutMs: number): Promise<number | null> {
    return waitFor<number | null>((settle) => (this.onClear = settle), timeoutMs, null);
  }

  async confirm(copyBack: () => Promise<void>, timeoutMs: number): Promise<PasteOutcome> {
    // Server time just before the copy keys: the target's ownership is stamped later than this.
    const mark = await this.x.serverTime();
    if (!this.owned) return { kind: 'interfered', reads: this.textReads };
    const cleared = this.clearWithin(timeoutMs);
    try {
      await copyBack();
    } catch (error) {
      this.onClear = null;
      throw error;
    }
    const at = await cleared;
    const reads = this.textReads;
    if (at === null) {
      this.onClear = null;
      return { kind: 'no-copy', reads };
    }
    if (!notBefore(at, mark)) return { kind: 'interfered', reads };
    try {
      return { kind: 'copied', fieldText: await this.readText(), reads };
    } catch {
      return { kind: 'no-copy', reads }; // the copy could not be read back: unconfirmed
    }
  }

  private async convertTo(target: AtomName): Promise<string | null> {
    const { client, window, atoms } = this.x;
    const notified = waitFor<XEvent | null>(
      (s) => (this.onNotify = s),
      CONVERSION_TIMEOUT_MS,
      null,
    );
    client.ConvertSelection(window, atoms.CLIPBOARD, atoms[target], atoms.MOTCUA_SELECTION, 0);
    const event = await notified;
    if (!event) {
      this.onNotify = null;
      throw failed('the clipboard owner did not answer');
    }
    if (!event.property) return null;
    this.chunks = 0;
    const first = await this.x.takeProperty(atoms.MOTCUA_SELECTION);
    if (first.type !== atoms.INCR) {
      return decodeText(this.names.get(first.type) ?? '', first.data);
    }
    return this.readIncrementally();
  }

  /** Large values come in chunks, each written after we delete the last (ICCCM §2.7.2). */
  private async readIncrementally(): Promise<string | null> {
    const parts: Buffer[] = [];
    let type = '';
    for (;;) {
      if (this.chunks === 0) {
        await waitFor<void>((s) => (this.onChunk = s), CONVERSION_TIMEOUT_MS, undefined);
        this.onChunk = null;
        if (this.chunks === 0) throw failed('incremental transfer stalled');
      }
      this.chunks -= 1;
      const chunk = await this.x.takeProperty(this.x.atoms.MOTCUA_SELECTION);
      if (chunk.data.length === 0) break;
      type = this.names.get(chunk.type) ?? '';
      parts.push(chunk.data);
    }
    return decodeText(type, Buffer.concat(parts));
  }

  /** The current owner's text: UTF8_STRING, else Latin-1 STRING; null if it has no text. */
  async readText(): Promise<string | null> {
    return (await this.convertTo('UTF8_STRING')) ?? (await this.convertTo('STRING'));
  }

  async hasOwner(): Promise<boolean> {
    const { client, atoms } = this.x;
    return new Promise((resolve, reject) =>
      client.GetSelectionOwner(atoms.CLIPBOARD, (error, id) =>
        error ? reject(error) : resolve(id !== 0),
      ),
    );
  }

  async clear(): Promise<void> {
    this.value = null;
    // Any client may set the owner to None (X11 protocol, SetSelectionOwner).
    this.x.client.SetSelectionOwner(0, this.x.atoms.CLIPBOARD, await this.x.serverTime());
    await this.x.client.sync();
  }

  /**
   * Our owner ends with this process (the CLI exits right after a run), so the clerk's text is
   * handed to an `xsel` background owner; we serve it ourselves until xsel has taken over.
   */
  async handOver(text: string, xsel: string, env: NodeJS.ProcessEnv): Promise<void> {
    await this.own(text, false);
    const taken = this.clearWithin(HANDOVER_TIMEOUT_MS);
    const result = await runTool(
      xsel,
      ['--clipboard', '--input'],
      env,
      HANDOVER_TIMEOUT_MS,
      Buffer.from(text, 'utf8'),
    ).catch((error: unknown) => {
      throw failed('xsel --input failed to start', error);
    });
    if (result.code !== 0)
      throw failed(`xsel --input failed: ${result.stderr.trim().slice(0, 200)}`);
    if ((await taken) === null) throw failed('xsel did not take the clipboard');
  }

  close(): Promise<void> {
    this.value = null;
    return this.x.close();
  }
}

export function createX11Clipboard(xsel: string, env: NodeJS.ProcessEnv): ClipboardPort {
  let session: ClipboardSession | null = null;
  const active = () => {
    if (!session) throw failed('clipboard used before save()');
    return session;
  };
  return {
    async save(): Promise<SavedClipboard> {
      const x = await openX11Session(env.DISPLAY ?? '');
      const opened = new ClipboardSession(x);
      try {
        const text = (await opened.hasOwner()) ? await opened.readText() : null;
        session = opened;
        return { text };
      } catch (error) {
        await opened.close();
        throw error instanceof AutofillError
          ? error
          : failed('reading the clipboard failed', error);
      }
    },

    async offer(text: string): Promise<PasteOffer> {
      const current = active();
      await current.own(text, true);
      return { confirm: (copyBack, timeoutMs) => current.confirm(copyBack, timeoutMs) };
    },

    async restore(saved: SavedClipboard): Promise<void> {
      const current = active();
      session = null;
      try {
        if (saved.text === null) await current.clear();
        else await current.handOver(saved.text, xsel, env);
      } finally {
        await current.close();
      }
    },
  };
}
