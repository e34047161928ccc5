/**
 * Autofill in the desktop app: our window's focus is known exactly (BrowserWindow), and Esc and
 * the fill hotkey are Electron global shortcuts. Esc is registered only while a run is counting
 * down or typing, so the clerk's Esc keeps working in other apps the rest of the time.
 * Not runnable in this repository's CI (no Electron binary); the engine behind it is tested.
 */
import { BrowserWindow, globalShortcut, Notification } from 'electron';
import {
  AutofillError,
  openDesktop,
  titleGuard,
  type AutofillHost,
} from '../services/autofill/autofill-host';
import type { EventBus } from '../services/shared/event-bus';
import { HOTKEY_GRACE_MS, HOTKEY_IDLE_NOTICE, runNotice, type Notice } from './autofill-notices';

/** Ctrl+Alt+F (Cmd+Alt+F on macOS): "fill" — clear of Unikey/EVKey's Ctrl+Shift switches. */
export const AUTOFILL_HOTKEY = 'CommandOrControl+Alt+F';

export function electronAutofillHost(): AutofillHost {
  return {
    openDesktop: () => openDesktop(),
    focusGuard: async () => {
      const byTitle = titleGuard();
      return {
        // Any focused window of ours (main window, dialogs) counts, whatever its title.
        isOwnWindow: (active) =>
          BrowserWindow.getFocusedWindow() !== null || byTitle.isOwnWindow(active),
      };
    },
    async listenForEscape(onEscape) {
      if (!globalShortcut.register('Escape', onEscape)) {
        throw new AutofillError('AUTOFILL_ESC_UNAVAILABLE', {
          reason: 'Escape is taken by another app',
        });
      }
      return { stop: () => globalShortcut.unregister('Escape') };
    },
  };
}

/** The fill hotkey asks the Counter page to start a run with the citizen on screen. */
export function registerAutofillHotkey(events: EventBus): () => void {
  const ok = globalShortcut.register(AUTOFILL_HOTKEY, () =>
    events.publish({ type: 'autofill.hotkey', at: Date.now() }),
  );
  if (!ok) console.warn(`[autofill] ${AUTOFILL_HOTKEY} is taken by another app`);
  return () => globalShortcut.unregister(AUTOFILL_HOTKEY);
}

function notify(notice: Notice): void {
  if (Notification.isSupported()) new Notification({ ...notice, silent: true }).show();
}

/**
 * Desktop notifications for runs while our window is not in front (autofill-notices.ts), and for
 * a hotkey press that started nothing. Returns the unsubscribe function.
 */
export function announceAutofillRuns(events: EventBus): () => void {
  let hotkeyTimer: NodeJS.Timeout | undefined;
  let running = false;
  const off = events.subscribe((event) => {
    if (event.type === 'autofill.hotkey') {
      clearTimeout(hotkeyTimer);
      if (!running) hotkeyTimer = setTimeout(() => notify(HOTKEY_IDLE_NOTICE), HOTKEY_GRACE_MS);
      return;
    }
    if (event.type !== 'autofill.run') return;
    const { run } = event;
    const wasRunning = running;
    running = run.phase === 'countdown' || run.phase === 'typing';
    if (run.phase === 'countdown') clearTimeout(hotkeyTimer);
    // Once per phase change: progress events repeat the typing phase.
    if (running && wasRunning) return;
    const notice = runNotice(run, Date.now());
    if (notice && BrowserWindow.getFocusedWindow() === null) notify(notice);
  });
  return () => {
    off();
    clearTimeout(hotkeyTimer);
  };
}
