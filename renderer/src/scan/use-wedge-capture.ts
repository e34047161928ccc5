/**
 * Keyboard-wedge capture for a page: every key goes through the WedgeDetector first. Keys of a
 * possible scan are held back (so a scan never lands in a text field); when the burst turns out
 * to be a person typing, the held keys are given back to the field they were meant for, within
 * one inter-key gap (≈35 ms), in order.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { WedgeSettings } from '../../../electron/api/device-schemas';
import { WedgeDetector, type WedgeScan } from './wedge-detector';

export interface CapturedWedgeScan extends WedgeScan {
  /** Epoch ms of the scan's last key: ScanInput.at. */
  at: number;
  /** ms from the page receiving the last key (or the suffix key) to detection. */
  detectionDelayMs: number;
}

function isEditable(el: Element | null): el is HTMLElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    return (
      !el.readOnly &&
      !el.disabled &&
      ['text', 'search', 'tel', 'url', 'email', 'password', 'number', ''].includes(el.type)
    );
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Elements where a key already does something (activate, pick an option): let the first through. */
function isInteractive(el: Element | null): boolean {
  return (
    el instanceof HTMLButtonElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLAnchorElement ||
    (el instanceof HTMLInputElement && !isEditable(el))
  );
}

/** Gives a person's held keys back to the field they typed in, as if typed (undo works too). */
function replay(target: Element | null, text: string): void {
  if (!text || !isEditable(target) || !target.isConnected) return;
  if (document.activeElement !== target) target.focus();
  // execCommand fires the input events React listens to; setRangeText is the fallback.
  if (document.execCommand('insertText', false, text)) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.setRangeText(text, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
    target.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export function useWedgeCapture(options: {
  enabled: boolean;
  settings: WedgeSettings;
  onScan: (scan: CapturedWedgeScan) => void;
}): void {
  const { enabled, settings } = options;
  const onScan = useRef(options.onScan);
  useEffect(() => {
    onScan.current = options.onScan;
  });

  // A layout effect: the listeners are in place before the page paints, so a scan that starts
  // the moment the page shows "waiting" is caught whole.
  useLayoutEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector(settings);
    let target: Element | null = null;
    let delivered = 0; // leading held keys the page already received (interactive targets)
    let selectValue: string | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // When the page last handled a key (its own clock): keys stamped by the OS can be handled
    // late on a busy page, and a burst must not be cut while its keys are still being handled.
    let lastHandled = 0;

    const emit = (scan: WedgeScan) => {
      // The end-of-scan delay: from the page receiving the last key (the suffix, or the
      // last data key when the scan ends by silence) to the scan being recognised.
      const detectedAt = performance.now();
      const detectionDelayMs = Math.max(0, detectedAt - lastHandled);
      performance.measure('wedge-scan-detected', { start: lastHandled, end: detectedAt });
      if (target instanceof HTMLSelectElement && selectValue !== null) target.value = selectValue;
      onScan.current({
        ...scan,
        at: Math.round(performance.timeOrigin + scan.endTime),
        detectionDelayMs,
      });
    };
    const give = (text: string) => replay(target, text.slice(delivered));
    const endBurst = () => {
      target = null;
      delivered = 0;
      selectValue = null;
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const deadline = detector.idleDeadline();
      if (deadline === null) return;
      const due = Math.max(deadline, lastHandled + detector.idleWaitMs());
      timer = setTimeout(onIdle, Math.max(0, due - performance.now()) + 1);
    };
    function onIdle() {
      if (performance.now() < lastHandled + detector.idleWaitMs()) {
        arm();
        return;
      }
      const d = detector.onIdle(Math.max(performance.now(), detector.idleDeadline() ?? 0));
      if (d.kind === 'scan') emit(d.scan);
      if (d.kind === 'release') give(d.text);
      if (d.kind !== 'none') endBurst();
      arm();
    }

    const handle = (key: string, time: number, event: Event, el: Element | null) => {
      lastHandled = performance.now();
      const startsBurst = detector.pending === 0;
      const d = detector.onKey({ key, time });
      if (d.scan) {
        emit(d.scan);
        endBurst();
      }
      if (d.release) {
        give(d.release);
        endBurst();
      }
      if (d.current === 'hold' && startsBurst) {
        target = el;
        selectValue = el instanceof HTMLSelectElement ? el.value : null;
        // The first key on a button or a list still does its usual job; later ones are held.
        delivered = isInteractive(el) ? 1 : 0;
        if (delivered === 1) {
          arm();
          return;
        }
      }
      if (d.current !== 'pass') {
        event.preventDefault();
        event.stopPropagation();
      }
      arm();
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.key === 'Process' || e.key === 'Dead') return; // an IME is at work
      // Scanners in "Alt mode" type Alt + numpad digits; the character then arrives as text
      // input (beforeinput below), so these keys neither join nor end a burst.
      if (e.key === 'Alt' || (e.altKey && e.code.startsWith('Numpad'))) return;
      if (e.repeat || e.ctrlKey || e.metaKey || (e.altKey && !e.getModifierState('AltGraph'))) {
        if (detector.pending > 0) handle('Escape', e.timeStamp, e, e.target as Element);
        return;
      }
      handle(e.key, e.timeStamp, e, e.target as Element);
    };
    // Characters that arrive without a keydown (Alt+numpad codes, some scanners' Unicode
    // output) belong to a burst already under way.
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'insertText' || !e.data || detector.pending === 0) return;
      for (const ch of e.data) handle(ch, e.timeStamp, e, e.target as Element);
    };

    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('beforeinput', onBeforeInput, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('beforeinput', onBeforeInput, true);
      if (timer) clearTimeout(timer);
      const left = detector.onIdle(Number.POSITIVE_INFINITY);
      if (left.kind === 'release') give(left.text);
    };
  }, [enabled, settings]);
}
