import { afterEach, describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../../native/cccd/qr-payload';
import {
  openSerialScanner,
  type SerialLineSettings,
  type SerialScanner,
} from '../../../native/serial/serial-scanner-port';
import { startPtyPair, type PtyPair } from '../../support/socat-pty';
import { useTempDirs } from '../../support/temp-dir';

// Synthetic citizen; "Hường" and "Đống" carry multi-byte letters.
const PAYLOAD =
  '001190012345|012345678|Đặng Thị Thu Hường|01011990|Nữ|Ấp Mỹ Hòa, xã Đông Hưng, Tỉnh Hòa Bình|15042021';
const tempDir = useTempDirs();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function settings(path: string, over: Partial<SerialLineSettings> = {}): SerialLineSettings {
  return {
    path,
    baudRate: 9600,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    suffix: 'CR',
    idleMs: 50,
    ...over,
  };
}

/** A reader whose events the test awaits, one at a time, in order. */
function collector() {
  const queue: { kind: string; bytes?: Uint8Array; count?: number; reason?: string }[] = [];
  let wake: (() => void) | null = null;
  const push = (e: (typeof queue)[number]) => {
    queue.push(e);
    wake?.();
  };
  return {
    events: {
      onScan: (bytes: Uint8Array) => push({ kind: 'scan', bytes }),
      onDiscard: (reason: string, count: number) => push({ kind: 'discard', reason, count }),
      onGone: () => push({ kind: 'gone' }),
    },
    async next() {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      return queue.shift()!;
    },
  };
}

async function open(pair: PtyPair, over: Partial<SerialLineSettings> = {}) {
  const c = collector();
  const scanner: SerialScanner = await openSerialScanner(settings(pair.devicePath, over), c.events);
  cleanups.push(() => scanner.close());
  return { ...c, scanner };
}

/** Waits for a condition the test cannot be told about by an event (checked every tick). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

async function pair(): Promise<PtyPair> {
  const p = await startPtyPair(tempDir());
  cleanups.push(() => p.unplug());
  return p;
}

describe('serial scanner over a real socat pseudo-terminal pair', () => {
  it('reassembles a payload whose name is split mid-letter across writes (suffix CR)', async () => {
    const p = await pair();
    const reader = await open(p);
    const bytes = Buffer.from(`${PAYLOAD}\r`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('ư', 'utf8')) + 1; // inside the 2-byte "ư"
    p.write(bytes.subarray(0, cut));
    p.write(bytes.subarray(cut));
    const event = await reader.next();
    expect(event.kind).toBe('scan');
    const result = parseCccdQr(event.bytes!, { today: '2026-11-24' });
    expect(result).toMatchObject({ ok: true, citizen: { fullName: 'Đặng Thị Thu Hường' } });
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ] as const)('splits back-to-back scans on %s', async (suffix, end) => {
    const p = await pair();
    const reader = await open(p, { suffix });
    p.write(`${PAYLOAD}${end}8934563138165${end}`);
    expect(new TextDecoder().decode((await reader.next()).bytes)).toBe(PAYLOAD);
    expect(new TextDecoder().decode((await reader.next()).bytes)).toBe('8934563138165');
  });

  it('ends a scan after the idle gap when the scanner sends no suffix', async () => {
    const p = await pair();
    const reader = await open(p, { suffix: 'idle', idleMs: 30, baudRate: 115200, parity: 'even' });
    p.write(PAYLOAD.slice(0, 40));
    p.write(PAYLOAD.slice(40));
    expect(new TextDecoder().decode((await reader.next()).bytes)).toBe(PAYLOAD);
  });

  it('drops only the partial scan when the device is unplugged mid-scan, then reports it gone', async () => {
    const p = await pair();
    const reader = await open(p);
    p.write(`8934563138165\r`);
    expect((await reader.next()).kind).toBe('scan');
    p.write(PAYLOAD.slice(0, 30)); // no suffix yet
    await until(() => reader.scanner.pendingBytes > 0); // the partial scan reached the reader
    await p.unplug();
    const events = [await reader.next(), await reader.next()];
    expect(events.map((e) => e.kind)).toEqual(['discard', 'gone']);
    expect(events[0]).toMatchObject({ reason: 'unplugged' });
  });

  it('refuses a port that does not exist with its own code', async () => {
    await expect(
      openSerialScanner(settings(`${tempDir()}/nope`), collector().events),
    ).rejects.toMatchObject({ code: 'SERIAL_OPEN_FAILED' });
  });
});
