/**
 * What the typing engine executes: a flat list of low-level actions, already resolved to text.
 * Templates (which field of which record) are an app concept and are compiled to a plan by the
 * services; the engine knows only text, keys and delays.
 */

/**
 * Keys a plan may press. Escape is deliberately absent: it is the clerk's abort key, and a plan
 * that pressed it would abort itself (the global Esc listener cannot tell our Esc from theirs).
 */
export const PLAN_KEYS = [
  'Tab',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Space',
  'Backspace',
  'Delete',
  'Home',
  'End',
  'PageUp',
  'PageDown',
] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export const PLAN_MODIFIERS = ['ctrl', 'shift', 'alt'] as const;
export type PlanModifier = (typeof PLAN_MODIFIERS)[number];

/** Paste through the clipboard (any input-method editor) or press keys character by character. */
export type InputMethod = 'paste' | 'type';

export type PlanAction =
  | {
      kind: 'input';
      /** Step number in the template (1-based), for progress and errors. */
      step: number;
      text: string;
      method: InputMethod;
      /** Select the field's current content first (Ctrl+A) so the value replaces it. */
      replace: boolean;
      /** Marks values that must never appear in logs or previews unmasked. */
      sensitive: boolean;
    }
  | {
      kind: 'key';
      step: number;
      key: PlanKey;
      modifiers: readonly PlanModifier[];
      times: number;
    }
  | { kind: 'wait'; step: number; ms: number };

export interface PlanTiming {
  /** Pause after every action (lets the page's scripts react to a Tab or a paste). */
  afterActionMs: number;
  /** Pause between characters in `type` mode. */
  perCharMs: number;
  /**
   * Upper bound for the target to paste and copy the field back before that field counts as
   * unconfirmed. Only a failing run waits this long; a working one moves on at the copy.
   */
  pasteTimeoutMs: number;
}

export const DEFAULT_TIMING: PlanTiming = { afterActionMs: 15, perCharMs: 4, pasteTimeoutMs: 3000 };

export interface Plan {
  actions: readonly PlanAction[];
  timing: PlanTiming;
}

/** Number of `input` actions: the "fields" of a run. */
export function fieldCount(plan: Plan): number {
  return plan.actions.filter((a) => a.kind === 'input').length;
}
