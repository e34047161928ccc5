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
  typeChar(char: string): Promise<void>;
  /** Whether `type` mode can produce this text on this platform (X11 types only the keymap). */
  canType(text: string): boolean;
}

/** A value offered on the clipboard for one paste. */
export interface PasteOffer {
  /**
   * Called right before the paste shortcut. True when the value was already read: an earlier
   * paste was still reading when this value replaced it, so that field may hold this value.
   */
  readBeforePaste(): boolean;
  /** Resolves true once the target fetched the value (or after a settle delay where the platform cannot tell), false on timeout. */
  taken(timeoutMs: number): Promise<boolean>;
  dispose(): void;
}

export interface ClipboardPort {
  /** The clerk's clipboard text, to put back afterwards (opaque to the engine). */
  save(): Promise<SavedClipboard>;
  offer(text: string): Promise<PasteOffer>;
  restore(saved: SavedClipboard): Promise<void>;
}

export interface SavedClipboard {
  readonly text: string;
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
