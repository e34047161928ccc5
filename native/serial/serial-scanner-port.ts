/**
 * Thin I/O around one serial (USB CDC / virtual COM) barcode scanner: opens the port with the
 * profile's line settings, frames scans with ScanFramer, and reports scans, dropped partial
 * scans and the port going away. Reconnecting is the caller's job (it knows the profile).
 */
import { SerialPortStream } from '@serialport/stream';
import { hangupAwareBinding } from './hangup-aware-binding';
import { ScanFramer, type SerialSuffix } from './scan-framer';

export interface SerialLineSettings {
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits: 1 | 1.5 | 2;
  suffix: SerialSuffix;
  /** Silence that ends a scan when suffix is 'idle' (ms). */
  idleMs: number;
}

export type SerialDiscardReason = 'unplugged' | 'too_long' | 'closed';

export interface SerialScannerEvents {
  /** `at`: epoch ms when the chunk holding the scan's last byte arrived. */
  onScan(bytes: Uint8Array, at: number): void;
  onDiscard(reason: SerialDiscardReason, bytes: number): void;
  onGone(error: Error): void;
  /** The first bytes of a scan arrived (it is not complete yet). */
  onPartial?(bytes: number): void;
}

export interface SerialScanner {
  readonly path: string;
  /** Bytes of a scan received but not yet ended by its suffix. */
  readonly pendingBytes: number;
  close(): Promise<void>;
}

export class SerialOpenError extends Error {
  readonly code = 'SERIAL_OPEN_FAILED';
  constructor(
    message: string,
    readonly details: { path: string; reason: string },
  ) {
    super(message);
  }
}

const binding = hangupAwareBinding();

export async function openSerialScanner(
  settings: SerialLineSettings,
  events: SerialScannerEvents,
  now: () => number = Date.now,
): Promise<SerialScanner> {
  const port = new SerialPortStream({
    binding,
    path: settings.path,
    baudRate: settings.baudRate,
    dataBits: settings.dataBits,
    parity: settings.parity,
    stopBits: settings.stopBits,
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) =>
      error
        ? reject(new SerialOpenError(error.message, { path: settings.path, reason: error.message }))
        : resolve(),
    ),
  );

  const framer = new ScanFramer({ suffix: settings.suffix });
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let lastChunkAt = 0;
  let closing = false;

  const flushIdle = () => {
    idleTimer = null;
    const frame = framer.flush();
    if (frame) events.onScan(frame, lastChunkAt);
  };
  port.on('data', (chunk: Buffer) => {
    lastChunkAt = now();
    const { frames, overflowed } = framer.push(chunk);
    if (overflowed > 0) events.onDiscard('too_long', overflowed);
    for (const frame of frames) events.onScan(frame, lastChunkAt);
    if (framer.pendingBytes > 0 && framer.pendingBytes === chunk.length) {
      events.onPartial?.(framer.pendingBytes);
    }
    if (settings.suffix === 'idle') {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(flushIdle, settings.idleMs);
    }
  });
  port.on('error', () => undefined); // the 'close' that follows carries the outcome
  port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
    if (idleTimer) clearTimeout(idleTimer);
    const dropped = framer.discard();
    if (closing) {
      if (dropped > 0) events.onDiscard('closed', dropped);
      return;
    }
    if (dropped > 0) events.onDiscard('unplugged', dropped);
    events.onGone(error ?? new Error('serial port closed'));
  });

  return {
    path: settings.path,
    get pendingBytes() {
      return framer.pendingBytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        closing = true;
        port.close(() => resolve());
      }),
  };
}
