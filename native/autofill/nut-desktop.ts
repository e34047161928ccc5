/**
 * The real desktop through @nut-tree-fork/nut-js (XTest on X11, SendInput on Windows, Quartz on
 * macOS). nut-js is loaded on first use, never at import: it is a native module that may not load
 * on a platform, and on Linux it must not be touched before the display is known to be reachable.
 */
import type * as NutJs from '@nut-tree-fork/nut-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { AutofillError } from './autofill-error';
import type { PlanKey, PlanModifier } from './plan';
import type { ActiveWindow, ClipboardPort, Desktop, KeyboardPort, PasteOffer } from './ports';
import { createX11Clipboard } from './x11-clipboard';
import { locateXsel, probeX11Display } from './x11-tools';

type NutModule = typeof NutJs;

let nutPromise: Promise<NutModule> | null = null;

async function loadNut(): Promise<NutModule> {
  nutPromise ??= import('@nut-tree-fork/nut-js').then(
    (module) => {
      const nut = ((module as { default?: NutModule }).default ?? module) as NutModule;
      // Delays are the plan's business; nut-js would otherwise wait 300 ms after every key.
      nut.keyboard.config.autoDelayMs = 0;
      return nut;
    },
    (error: unknown) => {
      nutPromise = null;
      throw new AutofillError('AUTOFILL_UNAVAILABLE', { platform: process.platform }, error);
    },
  );
  return nutPromise;
}

/** X11's typing path (XTest + the current keymap) only produces what the keymap has: ASCII. */
const X11_TYPEABLE = /^[\x20-\x7e]*$/;

function keyboardPort(nut: NutModule, platform: NodeJS.Platform): KeyboardPort {
  const { keyboard, Key } = nut;
  const keys: Record<PlanKey, number> = {
    Tab: Key.Tab,
    Enter: Key.Enter,
    Up: Key.Up,
    Down: Key.Down,
    Left: Key.Left,
    Right: Key.Right,
    Space: Key.Space,
    Backspace: Key.Backspace,
    Delete: Key.Delete,
    Home: Key.Home,
    End: Key.End,
    PageUp: Key.PageUp,
    PageDown: Key.PageDown,
  };
  const modifiers: Record<PlanModifier, number> = {
    ctrl: Key.LeftControl,
    shift: Key.LeftShift,
    alt: Key.LeftAlt,
  };
  const command = platform === 'darwin' ? Key.LeftSuper : Key.LeftControl;
  const chord = async (...chordKeys: number[]) => {
    await keyboard.pressKey(...chordKeys);
    await keyboard.releaseKey(...chordKeys);
  };
  return {
    tap: (key, mods) => chord(...mods.map((m) => modifiers[m]), keys[key]),
    paste: () => chord(command, Key.V),
    selectAll: () => chord(command, Key.A),
    copy: () => chord(command, Key.C),
    typeChar: async (char) => {
      await keyboard.type(char);
    },
    canType: (text) => platform !== 'linux' || X11_TYPEABLE.test(text),
  };
}

/**
 * Windows/macOS: nut-js's clipboard cannot tell when a paste was fetched or what the field holds
 * (no owner events, no change counter), so the next value waits a settle delay. Not exercised
 * here (no Windows/macOS machine); X11 is the confirmed path.
 */
function settledClipboard(nut: NutModule, settleMs: number): ClipboardPort {
  return {
    save: async () => ({ text: await nut.clipboard.getContent() }),
    async offer(text): Promise<PasteOffer> {
      await nut.clipboard.setContent(text);
      return { confirm: async () => (await sleep(settleMs), { kind: 'settled' }) };
    },
    restore: async (saved) => {
      await nut.clipboard.setContent(saved.text ?? '');
    },
  };
}

function windowProbe(nut: NutModule) {
  return {
    async active(): Promise<ActiveWindow | null> {
      const window = await nut.getActiveWindow();
      // nut-js keeps the handle private but it is the only identity that survives a page
      // navigation (titles change). 0 is None and 1 is PointerRoot on X11: no window has focus.
      const handle = (window as unknown as { windowHandle: number }).windowHandle;
      if (!(handle > 1)) return null;
      try {
        return { handle, title: await window.title };
      } catch {
        return null;
      }
    },
  };
}

export interface DesktopOptions {
  platform?: NodeJS.Platform;
  /** Windows/macOS only: pause after Ctrl+V before the clipboard may change again. */
  pasteSettleMs?: number;
}

/** Checks the display, then loads nut-js. Throws AUTOFILL_NO_DISPLAY / AUTOFILL_UNAVAILABLE. */
export async function openDesktop(options: DesktopOptions = {}): Promise<Desktop> {
  // libnut opens the display named by this process's DISPLAY: probe exactly that one.
  const env = process.env;
  const platform = options.platform ?? process.platform;
  let clipboard: ClipboardPort | null = null;
  if (platform === 'linux') {
    const xsel = locateXsel(env);
    await probeX11Display(env, xsel);
    clipboard = createX11Clipboard(xsel!, env);
  }
  const nut = await loadNut();
  return {
    keyboard: keyboardPort(nut, platform),
    clipboard: clipboard ?? settledClipboard(nut, options.pasteSettleMs ?? 80),
    windows: windowProbe(nut),
  };
}
