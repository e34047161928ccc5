/**
 * Tells a keyboard-wedge scanner from a person by keystroke timing (scanners.md §1.3, after
 * onScan.js): a scanner "types" a whole code with a few milliseconds between keys, a person
 * never types eight characters in a row that fast. Pure state machine over (key, time) pairs;
 * the DOM side (holding keys back, replaying a person's keys) lives in use-wedge-capture.ts.
 */
import type { WedgeSettings } from '../../../electron/api/device-schemas';
import type { WedgeStats } from '../../../electron/api/scan-schemas';

export interface WedgeKey {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp (ms, the page's clock). */
  time: number;
}

export interface WedgeScan {
  text: string;
  /** Time of the last data key, or of the suffix key when one ended the scan. */
  endTime: number;
  /** Time of the key (or idle deadline) that told us the scan was over. */
  detectedBy: 'suffix' | 'idle';
  stats: WedgeStats;
}

export interface KeyDecision {
  /** A scan this key completed (a suffix), or that silence completed just before this key. */
  scan: WedgeScan | null;
  /** Held keys that turned out to be a person typing: give them back, in order, first. */
  release: string;
  /** This key: let the browser have it, keep it back for now, or swallow it (a suffix). */
  current: 'pass' | 'hold' | 'swallow';
}

const decide = (
  current: KeyDecision['current'],
  scan: WedgeScan | null = null,
  release = '',
): KeyDecision => ({ scan, release, current });

export type IdleDecision =
  { kind: 'none' } | { kind: 'scan'; scan: WedgeScan } | { kind: 'release'; text: string };

export class WedgeDetector {
  private held: WedgeKey[] = [];
  private prefix: string | null = null;

  constructor(private settings: WedgeSettings) {}

  configure(settings: WedgeSettings): void {
    this.settings = settings;
  }

  /** Keys held now (a possible scan in progress). */
  get pending(): number {
    return this.held.length;
  }

  /**
   * How long silence must last to end the current burst: the inter-key gap, except for a burst
   * that is already a scan while a suffix is expected, which may wait longer for that suffix.
   */
  idleWaitMs(): number {
    const s = this.settings;
    return this.isScan() && s.suffixKeys.length > 0 ? s.suffixWaitMs : s.interKeyGapMs;
  }

  /** When the current burst ends if no key comes: the caller arms a timer for this time. */
  idleDeadline(): number | null {
    const last = this.held[this.held.length - 1];
    return last ? last.time + this.idleWaitMs() : null;
  }

  onKey(k: WedgeKey): KeyDecision {
    const last = this.held[this.held.length - 1];
    // Timers can run late on a busy page: a gap over the threshold ends the previous burst first.
    if (last && k.time - last.time > this.idleWaitMs()) {
      const ended = this.onIdle(k.time);
      const next = this.onKey(k);
      return decide(
        next.current,
        ended.kind === 'scan' ? ended.scan : next.scan,
        (ended.kind === 'release' ? ended.text : '') + next.release,
      );
    }
    if (this.settings.prefixKeys.includes(k.key)) {
      const release = this.release();
      this.prefix = k.key;
      return decide('swallow', null, release);
    }
    if (this.settings.suffixKeys.includes(k.key)) {
      if (this.held.length === 0 && this.prefix === null) return decide('pass');
      if (this.isScan()) return decide('swallow', this.finish(k.time, 'suffix', k.key));
      return decide('pass', null, this.release());
    }
    if (k.key.length !== 1 && !/^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(k.key)) {
      // Shift is part of typing capitals; any other named key (arrows, Backspace…) ends a burst.
      if (k.key === 'Shift' || (this.held.length === 0 && this.prefix === null)) {
        return decide('pass');
      }
      return decide('pass', null, this.release());
    }
    this.held.push(k);
    return decide('hold');
  }

  /** The idle deadline passed: the burst is over. */
  onIdle(now: number): IdleDecision {
    const deadline = this.idleDeadline();
    if (deadline === null || now < deadline) return { kind: 'none' };
    const last = this.held[this.held.length - 1]!;
    if (this.isScan()) return { kind: 'scan', scan: this.finish(last.time, 'idle', null) };
    return { kind: 'release', text: this.release() };
  }

  private isScan(): boolean {
    if (this.prefix !== null) return this.held.length > 0;
    return this.held.length >= this.settings.minLength;
  }

  private finish(endTime: number, detectedBy: WedgeScan['detectedBy'], suffix: string | null) {
    const keys = this.held;
    const gaps = keys.slice(1).map((k, i) => k.time - keys[i]!.time);
    const scan: WedgeScan = {
      text: keys.map((k) => k.key).join(''),
      endTime,
      detectedBy,
      stats: {
        keys: keys.length,
        durationMs: round(keys[keys.length - 1]!.time - keys[0]!.time),
        meanGapMs: round(gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0),
        maxGapMs: round(gaps.length ? Math.max(...gaps) : 0),
        prefix: this.prefix,
        suffix,
      },
    };
    this.reset();
    return scan;
  }

  private release(): string {
    const text = this.held.map((k) => k.key).join('');
    this.reset();
    return text;
  }

  private reset(): void {
    this.held = [];
    this.prefix = null;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
