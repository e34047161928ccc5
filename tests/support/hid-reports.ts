import type { PosLayout } from '../../native/hid/pos-layouts';

/**
 * Builds the reports a scanner of `layout` sends for `payload`: the inverse of the assembler,
 * used by tests and benchmarks to make recorded-style sequences from known bytes.
 */
export function encodeReports(layout: PosLayout, payload: Uint8Array, aim = ']Q1'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const size = Math.max(64, layout.continuedByte + 1, layout.dataStart + layout.dataCapacity);
  for (let at = 0; at === 0 || at < payload.length; at += layout.dataCapacity) {
    const chunk = payload.subarray(at, at + layout.dataCapacity);
    const report = new Uint8Array(size);
    if (layout.reportId !== null) report[0] = layout.reportId;
    if (layout.lengthByte !== null) report[layout.lengthByte] = chunk.length;
    if (layout.aimStart !== null) report.set(new TextEncoder().encode(aim), layout.aimStart);
    if (layout.symbologyByte !== null) report[layout.symbologyByte] = 0x73;
    report.set(chunk, layout.dataStart);
    if (at + layout.dataCapacity < payload.length) {
      report[layout.continuedByte] = (report[layout.continuedByte] ?? 0) | layout.continuedMask;
    }
    reports.push(report);
  }
  return reports;
}
