/**
 * What the engine needs from the desktop, as interfaces: the nut-js / X11 adapters implement them
 * for real, and each host supplies its own FocusGuard (Electron knows its window's focus; the
 * headless host and the CLI compare the active window with theirs).
 */
import type { PlanKey, PlanModifier } from './plan';

export interface KeyboardPort {
  tap(key: PlanKey, modifiers: readonly PlanModifier[]): Promise<void>;
  /** The platform's paste shortcut (Ctrl+V; Cmd+V on macOS). */
  paste(): Promise<void>;
  /** The platform's select-all shortcut (Ctrl+A; Cmd+A on macOS). */
  selectAll(): Promise<void>;
  /** The platform's copy shortcut (Ctrl+C; Cmd+C on macOS). */
  copy(): Promise<void>;
  typeChar(char: string): Promise<void>;
  /** Whether `type` mode can produce this text on this platform (X11 types only the keymap). */
  canType(text: string): boolean;
}

/**
 * How a paste ended, as far as the platform can tell. On X11 the engine makes the target copy the
 * field back (select all, copy): the target handles keys in order, so its copy proves it has
 * finished reading the pasted value, and the copy shows what the field holds.
 */
export type PasteOutcome =
  /** The target copied the field: its text (null when the copy is not text). */
  | { kind: 'copied'; fieldText: string | null; reads: number }
  /** No copy came back in time: whether the field got the value is unknown. */
  | { kind: 'no-copy'; reads: number }
  /** Another program took the clipboard while the paste was in flight. */
  | { kind: 'interfered'; reads: number }
  /** The platform cannot tell (Windows/macOS through nut-js): waited a settle delay. */
  | { kind: 'settled' };

/** A value on the clipboard for one paste. `reads`: times the target fetched it as text. */
export interface PasteOffer {
  /**
   * Called right after the paste shortcut. `copyBack` presses select-all and copy in the target;
   * the offer keeps serving this value until the outcome is known, so a late read never gets the
   * next field's value or the clerk's clipboard.
   */
  confirm(copyBack: () => Promise<void>, timeoutMs: number): Promise<PasteOutcome>;
}

export interface ClipboardPort {
  /** The clerk's clipboard, to put back afterwards (opaque to the engine). */
  save(): Promise<SavedClipboard>;
  offer(text: string): Promise<PasteOffer>;
  /** Puts the clerk's clipboard back; called once after `save`, whatever happened. */
  restore(saved: SavedClipboard): Promise<void>;
}

export interface SavedClipboard {
  /** null: the clipboard was empty or held no text. */
  readonly text: string | null;
}

export interface ActiveWindow {
  /** Platform window handle; stable while the window lives (titles change when a page navigates). */
  handle: number;
  title: string;
}

export interface WindowProbe {
  /** The window with keyboard focus, or null when no window has it (focus on the desktop/root). */
  active(): Promise<ActiveWindow | null>;
}

/** Decides whether the focused window is ours: we never type into our own app. */
export interface FocusGuard {
  isOwnWindow(active: ActiveWindow): boolean | Promise<boolean>;
}

/** The real desktop, loaded lazily (nut-js is a native module that may not load everywhere). */
export interface Desktop {
  keyboard: KeyboardPort;
  clipboard: ClipboardPort;
  windows: WindowProbe;
}
