/**
 * The typing engine: runs a plan against the window that has keyboard focus — never ours.
 *
 * Safety rules (issue "Autofill", Must have 3): the focused window is checked before the first
 * keystroke and before every action (a clerk clicking back into our app, or into a chat window,
 * stops the run); the abort signal (Esc, the UI, Ctrl+C) is checked between every keystroke; the
 * clerk's clipboard is put back whatever happens. Errors carry a code and nothing is typed when a
 * check fails before the first action.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AutofillError } from './autofill-error';
import { pasteProblem } from './paste-check';
import type { Plan, PlanAction } from './plan';
import type { ActiveWindow, Desktop, FocusGuard, SavedClipboard } from './ports';

export interface RunProgress {
  /** Actions done so far, of `total`. */
  done: number;
  total: number;
  step: number;
}

export interface RunOptions {
  signal: AbortSignal;
  guard: FocusGuard;
  onProgress?: (progress: RunProgress) => void;
  /** Called once the target window passed the checks, right before the first keystroke. */
  onTargetLocked?: (target: ActiveWindow) => void;
}

export interface RunReport {
  actionsDone: number;
  fields: number;
  durationMs: number;
  /** Time per input action (paste or type), in order. */
  fieldMs: number[];
}

function abortError(signal: AbortSignal): AutofillError {
  const reason: unknown = signal.reason;
  return reason instanceof AutofillError ? reason : new AutofillError('AUTOFILL_ABORTED');
}

function checkAbort(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal);
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  checkAbort(signal);
  if (ms <= 0) return;
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw abortError(signal);
  }
}

/** Refuses before anything is typed: characters `type` mode cannot produce would vanish silently. */
export function assertTypeable(plan: Plan, canType: (text: string) => boolean): void {
  for (const action of plan.actions) {
    if (action.kind === 'input' && action.method === 'type' && !canType(action.text)) {
      throw new AutofillError('AUTOFILL_CANNOT_TYPE', { step: action.step });
    }
  }
}

async function lockTarget(desktop: Desktop, guard: FocusGuard): Promise<ActiveWindow> {
  const active = await desktop.windows.active();
  if (!active) throw new AutofillError('AUTOFILL_NO_TARGET_WINDOW');
  if (await guard.isOwnWindow(active)) throw new AutofillError('AUTOFILL_OWN_WINDOW');
  return active;
}

async function assertStillOn(desktop: Desktop, guard: FocusGuard, target: ActiveWindow) {
  const active = await desktop.windows.active();
  if (!active) throw new AutofillError('AUTOFILL_FOCUS_CHANGED');
  // Checked even in the same window: a browser's tabs share one window, and the clerk may have
  // switched to the app's own tab.
  if (await guard.isOwnWindow(active)) throw new AutofillError('AUTOFILL_OWN_WINDOW');
  if (active.handle !== target.handle) throw new AutofillError('AUTOFILL_FOCUS_CHANGED');
}

async function perform(
  action: PlanAction,
  desktop: Desktop,
  plan: Plan,
  signal: AbortSignal,
  stillOn: () => Promise<void>,
): Promise<void> {
  const { keyboard, clipboard } = desktop;
  if (action.kind === 'wait') return pause(action.ms, signal);
  if (action.kind === 'key') {
    for (let i = 0; i < action.times; i++) {
      checkAbort(signal);
      await keyboard.tap(action.key, action.modifiers);
      if (i + 1 < action.times) await pause(plan.timing.perCharMs, signal);
    }
    return;
  }
  if (action.replace) await keyboard.selectAll();
  if (action.method === 'type') {
    for (const char of action.text) {
      checkAbort(signal);
      await keyboard.typeChar(char);
      await pause(plan.timing.perCharMs, signal);
    }
    return;
  }
  const offer = await clipboard.offer(action.text);
  checkAbort(signal);
  await keyboard.paste();
  // From the paste shortcut on, the field is seen through even if Esc comes: the clipboard may
  // change (next value, the clerk's text) only once the form has finished reading this one.
  const outcome = await offer.confirm(async () => {
    // Ctrl+C in a window the clerk switched to (a terminal) would do harm: check first.
    await stillOn();
    await keyboard.selectAll();
    await keyboard.copy();
  }, plan.timing.pasteTimeoutMs);
  const problem = pasteProblem(outcome, action.text, action.replace);
  if (problem) throw new AutofillError(problem, { step: action.step });
  // The copy back left the field selected: collapse it to the end, where a paste leaves the caret.
  if (outcome.kind === 'copied') await keyboard.tap('Right', []);
}

export async function runPlan(
  plan: Plan,
  desktop: Desktop,
  options: RunOptions,
): Promise<RunReport> {
  const { signal, guard } = options;
  const started = performance.now();
  checkAbort(signal);
  assertTypeable(plan, (text) => desktop.keyboard.canType(text));
  const target = await lockTarget(desktop, guard);
  const pastes = plan.actions.some((a) => a.kind === 'input' && a.method === 'paste');
  const saved: SavedClipboard | null = pastes ? await desktop.clipboard.save() : null;
  checkAbort(signal);
  options.onTargetLocked?.(target);

  const fieldMs: number[] = [];
  let done = 0;
  try {
    for (const action of plan.actions) {
      checkAbort(signal);
      const stillOn = () => assertStillOn(desktop, guard, target);
      await stillOn();
      const actionStart = performance.now();
      await perform(action, desktop, plan, signal, stillOn);
      if (action.kind === 'input') fieldMs.push(performance.now() - actionStart);
      done += 1;
      options.onProgress?.({ done, total: plan.actions.length, step: action.step });
      if (done < plan.actions.length) await pause(plan.timing.afterActionMs, signal);
    }
  } catch (error) {
    if (saved) await desktop.clipboard.restore(saved).catch(() => undefined);
    throw error;
  }
  // Put the clerk's clipboard back (also after an abort, above), so no citizen's data lingers.
  // Every paste was confirmed by then: no read of our values can still be on its way.
  if (saved) await desktop.clipboard.restore(saved);
  return {
    actionsDone: done,
    fields: fieldMs.length,
    durationMs: performance.now() - started,
    fieldMs,
  };
}
