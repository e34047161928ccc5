/**
 * Cuts a serial byte stream into scans. Data arrives in arbitrary chunks (serialport #1622,
 * #1752), so a scan is complete only at the configured suffix (CR, LF, CR LF) or, for scanners
 * set to send no suffix, after an idle gap the caller measures (scanners.md §1.5). Bytes are
 * never decoded here: a letter split across chunks stays whole.
 */

export type SerialSuffix = 'CR' | 'LF' | 'CRLF' | 'idle';

export interface FramerOptions {
  suffix: SerialSuffix;
  /** A scan longer than this is no ID card QR; it is dropped rather than grown forever. */
  maxBytes?: number;
}

export interface FrameBatch {
  frames: Uint8Array[];
  /** Bytes dropped because a frame exceeded maxBytes. */
  overflowed: number;
}

const CR = 0x0d;
const LF = 0x0a;

export class ScanFramer {
  private pending = new Uint8Array(0);
  private readonly maxBytes: number;

  constructor(private readonly options: FramerOptions) {
    this.maxBytes = options.maxBytes ?? 4096;
  }

  get pendingBytes(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array): FrameBatch {
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const frames: Uint8Array[] = [];
    let start = 0;
    if (this.options.suffix !== 'idle') {
      for (let i = 0; i < joined.length; i++) {
        const end = this.frameEndAt(joined, i);
        if (end === null) continue;
        this.emit(frames, joined.subarray(start, i));
        start = end;
        i = end - 1;
      }
    }
    this.pending = joined.slice(start);
    let overflowed = 0;
    if (this.pending.length > this.maxBytes) overflowed = this.discard();
    return { frames, overflowed };
  }

  /** Ends the current scan (idle gap elapsed): the pending bytes, or null when there are none. */
  flush(): Uint8Array | null {
    const frame = trimLineBreaks(this.pending);
    this.pending = new Uint8Array(0);
    return frame.length > 0 ? frame : null;
  }

  /** Drops a partial scan (port closed or unplugged); returns how many bytes were dropped. */
  discard(): number {
    const dropped = this.pending.length;
    this.pending = new Uint8Array(0);
    return dropped;
  }

  /** If a suffix starts at `i`, the index just past it; else null. */
  private frameEndAt(bytes: Uint8Array, i: number): number | null {
    const b = bytes[i];
    switch (this.options.suffix) {
      case 'CR':
        return b === CR ? i + 1 : null;
      case 'LF':
        return b === LF ? i + 1 : null;
      case 'CRLF':
        return b === CR && bytes[i + 1] === LF ? i + 2 : null;
      default:
        return null;
    }
  }

  private emit(frames: Uint8Array[], frame: Uint8Array): void {
    // A scanner sending CR LF to a port set for CR (or LF) leaves the other byte at an edge.
    const trimmed = trimLineBreaks(frame);
    if (trimmed.length > 0) frames.push(trimmed.slice());
  }
}

function trimLineBreaks(frame: Uint8Array): Uint8Array {
  let start = 0;
  let end = frame.length;
  while (start < end && (frame[start] === CR || frame[start] === LF)) start += 1;
  while (end > start && (frame[end - 1] === CR || frame[end - 1] === LF)) end -= 1;
  return frame.subarray(start, end);
}
