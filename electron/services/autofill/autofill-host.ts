/**
 * What differs between the hosts that can run autofill. The desktop app knows its window's focus
 * and has Electron's global shortcuts (electron/main/autofill-host.ts); the headless host and the
 * CLI recognise their own windows by title (and the CLI also by the terminal it was started from)
 * and listen for Esc through X11.
 */
import { AutofillError } from '../../../native/autofill/autofill-error';
import { openDesktop } from '../../../native/autofill/nut-desktop';
import type { ActiveWindow, Desktop, FocusGuard } from '../../../native/autofill/ports';
import { listenForEscapeX11 } from '../../../native/autofill/x11-escape';

/** The app's window title (renderer/index.html): browser windows show it while our tab is active. */
export const APP_WINDOW_TITLE = 'Một Cửa Desk';

export interface EscapeSubscription {
  stop(): void;
}

export interface AutofillHost {
  /** Probes the display and loads nut-js (AUTOFILL_NO_DISPLAY / AUTOFILL_UNAVAILABLE). */
  openDesktop(): Promise<Desktop>;
  focusGuard(desktop: Desktop): Promise<FocusGuard>;
  /**
   * Starts listening for the clerk's Esc anywhere on the desktop, or returns null where this host
   * cannot (then the run stops when the clerk clicks any other window, or from the UI / Ctrl+C).
   */
  listenForEscape(onEscape: () => void): Promise<EscapeSubscription | null>;
}

export { AutofillError, openDesktop };

export function titleGuard(extraOwnHandles: ReadonlySet<number> = new Set()): FocusGuard {
  return {
    isOwnWindow: (active: ActiveWindow) =>
      extraOwnHandles.has(active.handle) ||
      active.title.normalize('NFC').includes(APP_WINDOW_TITLE),
  };
}

async function escapeListener(onEscape: () => void): Promise<EscapeSubscription | null> {
  if (process.platform !== 'linux') return null;
  return listenForEscapeX11(process.env, onEscape);
}

/** Browser mode: our window is any window showing the app's title (its tab is the active one). */
export function headlessAutofillHost(): AutofillHost {
  return {
    openDesktop: () => openDesktop(),
    focusGuard: async () => titleGuard(),
    listenForEscape: escapeListener,
  };
}

/**
 * CLI: besides the app's windows, the terminal the command was typed in is ours — it had focus
 * when the command started, and typing a citizen's data into a shell would be the worst outcome.
 */
export function cliAutofillHost(): AutofillHost & {
  rememberStartWindow(desktop: Desktop): Promise<void>;
} {
  const own = new Set<number>();
  return {
    openDesktop: () => openDesktop(),
    async rememberStartWindow(desktop) {
      const active = await desktop.windows.active();
      if (active) own.add(active.handle);
    },
    focusGuard: async () => titleGuard(own),
    listenForEscape: escapeListener,
  };
}
