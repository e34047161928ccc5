/**
 * Thin I/O around one opened HID POS device (node-hid's HIDAsync, or anything emitting the same
 * 'data' / 'error' events): reports go through the assembler; a complete scan, a discarded
 * partial scan and the device's disappearance are reported to the caller.
 */
import type { EventEmitter } from 'node:events';
import { PosMessageAssembler, type AssembledScan } from './pos-assembler';
import { guessLayout, type PosLayout } from './pos-layouts';

/** The part of node-hid's HIDAsync the reader uses. */
export interface HidDeviceLike extends EventEmitter {
  close(): Promise<void> | void;
}

export type DiscardReason = 'unplugged' | 'timeout' | 'too_long' | 'closed';

export interface PosReaderEvents {
  /** `at`: epoch ms when the last report of the scan arrived. */
  onScan(scan: AssembledScan & { layout: PosLayout['name'] }, at: number): void;
  onDiscard(reason: DiscardReason, bytes: number): void;
  /** The device stopped answering (unplugged); the reader is closed. */
  onGone(error: Error): void;
  /** The first report of a multi-report scan arrived. */
  onPartial?(bytes: number): void;
}

export interface PosReaderOptions {
  /** Null: decide from the first report (guessLayout). */
  layout: PosLayout | null;
  /** A continued scan whose next report does not come within this time is dropped. */
  staleMs?: number;
  now?: () => number;
}

export interface PosReader {
  close(): Promise<void>;
  /** Bytes of a scan whose last report has not come yet. */
  readonly pendingBytes: number;
  readonly layout: PosLayout | null;
}

export function attachPosReader(
  device: HidDeviceLike,
  events: PosReaderEvents,
  options: PosReaderOptions,
): PosReader {
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? 1000;
  let assembler = options.layout ? new PosMessageAssembler(options.layout) : null;
  let staleTimer: ReturnType<typeof setTimeout> | null = null;
  let open = true;

  const clearStale = () => {
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = null;
  };
  const discard = (reason: DiscardReason) => {
    clearStale();
    const bytes = assembler?.discard() ?? 0;
    if (bytes > 0) events.onDiscard(reason, bytes);
  };

  const onData = (data: Buffer) => {
    const at = now();
    const report = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    assembler ??= new PosMessageAssembler(guessLayout(report));
    const result = assembler.push(report);
    clearStale();
    if (result.kind === 'complete') {
      events.onScan({ ...result.scan, layout: assembler.layout.name }, at);
    } else if (result.kind === 'partial') {
      staleTimer = setTimeout(() => discard('timeout'), staleMs);
      if (assembler.pendingReports === 1) events.onPartial?.(result.bytes);
    } else if (result.kind === 'overflow') {
      events.onDiscard('too_long', result.bytes);
    }
  };
  // node-hid reports an unplugged device only as an 'error' ("could not read from HID device"),
  // never as a close (node-hid #520): treat any read error as the device going away.
  const onError = (error: Error) => {
    if (!open) return;
    discard('unplugged');
    void shutdown();
    events.onGone(error);
  };

  async function shutdown(): Promise<void> {
    if (!open) return;
    open = false;
    clearStale();
    device.off('data', onData);
    device.off('error', onError);
    device.on('error', () => undefined); // a late error after close must not crash the process
    try {
      await device.close();
    } catch {
      // already gone
    }
  }

  device.on('data', onData);
  device.on('error', onError);
  return {
    get layout() {
      return assembler?.layout ?? options.layout;
    },
    get pendingBytes() {
      return assembler?.pendingBytes ?? 0;
    },
    async close() {
      discard('closed');
      await shutdown();
    },
  };
}
