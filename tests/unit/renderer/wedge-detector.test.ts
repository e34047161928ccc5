import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../../../electron/api/device-schemas';
import { WedgeDetector, type WedgeScan } from '../../../renderer/src/scan/wedge-detector';

const PAYLOAD = '079203000123||Nguyen Van An|15052003|Nam|HN|01072021';

/** Feeds keys at the given gaps; runs the idle check the way the page's timer would. */
function feed(text: string[], gapMs: number, settings: Partial<WedgeSettings> = {}, start = 1000) {
  const detector = new WedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, ...settings });
  const scans: WedgeScan[] = [];
  let released = '';
  let passed = '';
  let t = start;
  for (const key of text) {
    const d = detector.onKey({ key, time: t });
    if (d.scan) scans.push(d.scan);
    released += d.release;
    if (d.current === 'pass') passed += key.length === 1 ? key : `<${key}>`;
    t += gapMs;
  }
  const idle = detector.onIdle(t + 1000);
  if (idle.kind === 'scan') scans.push(idle.scan);
  if (idle.kind === 'release') released += idle.text;
  return { scans, released, passed };
}

describe('WedgeDetector', () => {
  it('takes a fast burst ended by Enter as a scan, and swallows the Enter', () => {
    const { scans, released, passed } = feed([...PAYLOAD, 'Enter'], 4);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({
      text: PAYLOAD,
      detectedBy: 'suffix',
      stats: { keys: PAYLOAD.length, meanGapMs: 4, maxGapMs: 4, suffix: 'Enter' },
    });
    expect(released + passed).toBe('');
  });

  it('ends a burst without a suffix at the idle gap', () => {
    const { scans } = feed([...PAYLOAD], 6);
    expect(scans.map((s) => [s.text, s.detectedBy])).toEqual([[PAYLOAD, 'idle']]);
  });

  it('gives a person’s typing back untouched, even a fast pair of keys', () => {
    const slow = feed([...'Nguyễn Văn', 'Enter'], 120);
    expect(slow.scans).toEqual([]);
    expect(slow.released).toBe('Nguyễn Văn');
    expect(slow.passed).toBe('<Enter>');
    const rollover = feed(['t', 'h'], 20); // two keys 20 ms apart: still typing
    expect(rollover.scans).toEqual([]);
    expect(rollover.released).toBe('th');
  });

  it('lets a scan pause for its expected suffix, but ends at the gap when none is configured', () => {
    const paused = [...PAYLOAD.slice(0, 20)];
    const waiting = new WedgeDetector(DEFAULT_WEDGE_SETTINGS);
    let t = 0;
    for (const key of paused) waiting.onKey({ key, time: (t += 3) });
    expect(waiting.idleDeadline()).toBe(t + DEFAULT_WEDGE_SETTINGS.suffixWaitMs);
    expect(waiting.onIdle(t + 100)).toEqual({ kind: 'none' }); // a 100 ms stall on a busy PC
    for (const key of PAYLOAD.slice(20)) waiting.onKey({ key, time: (t += 100) });
    expect(waiting.onKey({ key: 'Enter', time: t + 3 }).scan?.text).toBe(PAYLOAD);

    const noSuffix = new WedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, suffixKeys: [] });
    t = 0;
    for (const key of paused) noSuffix.onKey({ key, time: (t += 3) });
    expect(noSuffix.idleDeadline()).toBe(t + DEFAULT_WEDGE_SETTINGS.interKeyGapMs);
  });

  it('uses a configured prefix key to start a scan regardless of length', () => {
    const { scans } = feed(['F9', ...'12345', 'Enter'], 5, { prefixKeys: ['F9'] });
    expect(scans[0]).toMatchObject({ text: '12345', stats: { prefix: 'F9', suffix: 'Enter' } });
  });

  it('a late key after a burst ends it first (timers running late)', () => {
    const detector = new WedgeDetector(DEFAULT_WEDGE_SETTINGS);
    let t = 0;
    for (const key of PAYLOAD) detector.onKey({ key, time: (t += 3) });
    const d = detector.onKey({ key: 'x', time: t + 500 });
    expect(d.scan?.text).toBe(PAYLOAD);
    expect(d.current).toBe('hold');
  });

  it('never loses or reorders a key: typing comes back whole, scans carry the rest', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b', '1', '|', 'ữ', 'Enter', 'Tab', 'Shift', 'ArrowLeft'),
            gap: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 40, max: 400 })),
          }),
          { maxLength: 80 },
        ),
        (keys) => {
          const detector = new WedgeDetector(DEFAULT_WEDGE_SETTINGS);
          let out = '';
          let t = 0;
          for (const { key, gap } of keys) {
            const idle = detector.onIdle((t += gap));
            if (idle.kind === 'scan') out += idle.scan.text;
            if (idle.kind === 'release') out += idle.text;
            const d = detector.onKey({ key, time: t });
            out += (d.scan?.text ?? '') + d.release;
            if (d.current === 'pass' && key.length === 1) out += key;
          }
          const end = detector.onIdle(t + 10_000);
          if (end.kind === 'scan') out += end.scan.text;
          if (end.kind === 'release') out += end.text;
          expect(out).toBe(keys.map((k) => (k.key.length === 1 ? k.key : '')).join(''));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
