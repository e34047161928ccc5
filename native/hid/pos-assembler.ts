/**
 * Joins the reports of one HID POS scan. A CCCD QR of 100–200 bytes spans 2–4 reports, and a
 * Vietnamese letter (2–3 UTF-8 bytes) can straddle two of them, so bytes are only concatenated
 * here; decoding happens once, over the whole payload (scanners.md §1.2).
 */
import type { PosLayout } from './pos-layouts';

export interface AssembledScan {
  bytes: Uint8Array;
  /** AIM symbology identifier, e.g. "]Q1" for QR Code, when the layout carries one. */
  aim: string | null;
  symbology: number | null;
  reports: number;
}

export type PushResult =
  | { kind: 'complete'; scan: AssembledScan }
  | { kind: 'partial'; bytes: number }
  | { kind: 'ignored' }
  | { kind: 'overflow'; bytes: number };

export interface AssemblerOptions {
  /** A scan larger than this is no ID card QR; dropped whole rather than grown forever. */
  maxBytes?: number;
}

export class PosMessageAssembler {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private aim: string | null = null;
  private symbology: number | null = null;
  private readonly maxBytes: number;

  constructor(
    readonly layout: PosLayout,
    options: AssemblerOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 8192;
  }

  get pendingBytes(): number {
    return this.size;
  }

  get pendingReports(): number {
    return this.chunks.length;
  }

  /** Drops a partial scan (unplug, timeout); returns how many bytes were thrown away. */
  discard(): number {
    const dropped = this.size;
    this.chunks = [];
    this.size = 0;
    this.aim = null;
    this.symbology = null;
    return dropped;
  }

  push(report: Uint8Array): PushResult {
    const l = this.layout;
    if (l.reportId !== null && report[0] !== l.reportId) return { kind: 'ignored' };
    if (report.length <= l.dataStart) return { kind: 'ignored' };
    const end = Math.min(report.length, l.dataStart + l.dataCapacity);
    let data = report.subarray(l.dataStart, end);
    if (l.lengthByte !== null)
      data = data.subarray(0, Math.min(report[l.lengthByte]!, data.length));
    const continued = (report[l.continuedByte]! & l.continuedMask) !== 0;
    if (!continued && l.lengthByte === null) data = trimTrailingNuls(data);

    if (this.chunks.length === 0) {
      if (l.aimStart !== null && report[l.aimStart] === 0x5d) {
        this.aim = String.fromCharCode(...report.subarray(l.aimStart, l.aimStart + 3));
      }
      if (l.symbologyByte !== null) this.symbology = report[l.symbologyByte] ?? null;
    }
    this.chunks.push(data.slice());
    this.size += data.length;
    if (this.size > this.maxBytes) return { kind: 'overflow', bytes: this.discard() };
    if (continued) return { kind: 'partial', bytes: this.size };

    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    const scan: AssembledScan = {
      bytes,
      aim: this.aim,
      symbology: this.symbology,
      reports: this.chunks.length,
    };
    this.discard();
    return { kind: 'complete', scan };
  }
}

function trimTrailingNuls(data: Uint8Array): Uint8Array {
  let end = data.length;
  while (end > 0 && data[end - 1] === 0) end -= 1;
  return data.subarray(0, end);
}
