import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScanFramer, type SerialSuffix } from '../../../native/serial/scan-framer';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function frames(suffix: SerialSuffix, chunks: string[]): string[] {
  const framer = new ScanFramer({ suffix });
  return chunks.flatMap((c) => framer.push(enc(c)).frames.map(dec));
}

describe('ScanFramer', () => {
  it.each<[SerialSuffix, string[], string[]]>([
    ['CR', ['abc\rdef\r'], ['abc', 'def']],
    ['CR', ['abc\r\ndef\r\n'], ['abc', 'def']], // scanner sends CR LF, port set to CR
    ['LF', ['abc\r\ndef\n'], ['abc', 'def']],
    ['CRLF', ['abc\r', '\ndef\r\n'], ['abc', 'def']], // the suffix itself split across chunks
    ['CRLF', ['a\rb\r\n'], ['a\rb']], // a lone CR is data under CRLF
    ['CR', ['\r\r\r'], []], // empty frames are not scans
  ])('%s on %j → %j', (suffix, chunks, expected) => {
    expect(frames(suffix, chunks)).toEqual(expected);
  });

  it('keeps an idle-mode scan until flushed', () => {
    const framer = new ScanFramer({ suffix: 'idle' });
    expect(framer.push(enc('Hườ')).frames).toEqual([]);
    framer.push(enc('ng\r\n'));
    expect(dec(framer.flush()!)).toBe('Hường');
    expect(framer.flush()).toBeNull();
  });

  it('drops a runaway frame past maxBytes and reports how much', () => {
    const framer = new ScanFramer({ suffix: 'CR', maxBytes: 10 });
    expect(framer.push(enc('x'.repeat(11))).overflowed).toBe(11);
    expect(framer.push(enc('ok\r')).frames.map(dec)).toEqual(['ok']);
  });

  it('gives the same frames however the stream is chunked, letters never split', () => {
    const scan = fc.stringMatching(/^[^\r\n]{1,40}$/);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(scan, fc.constant('Đặng Thị Thu Hường')), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<SerialSuffix>('CR', 'LF', 'CRLF'),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (scans, suffix, cuts) => {
          const end = { CR: '\r', LF: '\n', CRLF: '\r\n' }[suffix as 'CR' | 'LF' | 'CRLF'];
          const bytes = enc(scans.map((s) => s + end).join(''));
          const framer = new ScanFramer({ suffix });
          const out: string[] = [];
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            out.push(...framer.push(bytes.subarray(at, at + size)).frames.map(dec));
            at += size;
          }
          expect(out).toEqual(scans);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
