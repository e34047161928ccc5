/**
 * Where the scanned bytes sit in a HID POS input report (usage page 0x8C, scanners.md §1.2).
 * Vendors disagree, so the layout comes from the vendor ID when we know it, else from the
 * device's report descriptor, else from the shape of the first report.
 */
import {
  fieldHasUsage,
  usageOf,
  type InputField,
  type ParsedDescriptor,
} from './report-descriptor';

export type LayoutName = 'honeywell' | 'newland' | 'descriptor' | 'generic';

export interface PosLayout {
  name: LayoutName;
  /** Report ID expected at byte 0, or null when the device sends no report IDs. */
  reportId: number | null;
  /** Byte holding the count of valid data bytes in this report, or null (trim NULs). */
  lengthByte: number | null;
  dataStart: number;
  dataCapacity: number;
  /** First of the three AIM symbology identifier bytes (`]Q1`), or null. */
  aimStart: number | null;
  continuedByte: number;
  continuedMask: number;
  /** Vendor symbology byte (Newland byte 62, Honeywell code ID byte 61), or null. */
  symbologyByte: number | null;
}

export const BARCODE_USAGE_PAGE = 0x8c;
export const BARCODE_SCANNER_USAGE = 0x02;
const DECODED_DATA = usageOf(0x8c, 0xfe);
const DATA_CONTINUED = usageOf(0x8c, 0xff);
const AIM_FIRST = usageOf(0x8c, 0xfb);
const BYTE_COUNT = usageOf(0x01, 0x3b);

/** Honeywell HHP firmware, also used by Access-IS: 02 · len · AIM[3] · data[56] · code-ID · reserved · flags. */
export const HONEYWELL_LAYOUT: PosLayout = {
  name: 'honeywell',
  reportId: 0x02,
  lengthByte: 1,
  dataStart: 5,
  dataCapacity: 56,
  aimStart: 2,
  continuedByte: 63,
  continuedMask: 0x01,
  symbologyByte: 61,
};

/** Newland FM420 / EM20xx: 02 · len · data[56] · reserved[4] · symbology (62) · flags (63). */
export const NEWLAND_LAYOUT: PosLayout = {
  name: 'newland',
  reportId: 0x02,
  lengthByte: 1,
  dataStart: 2,
  dataCapacity: 56,
  aimStart: null,
  continuedByte: 63,
  continuedMask: 0x01,
  symbologyByte: 62,
};

export const VENDOR_LAYOUTS: ReadonlyMap<number, PosLayout> = new Map([
  [0x0c2e, HONEYWELL_LAYOUT], // Honeywell (Metrologic, HHP)
  [0x0db5, HONEYWELL_LAYOUT], // Access-IS
  [0x1eab, NEWLAND_LAYOUT], // Newland
]);

export function layoutForVendor(vendorId: number): PosLayout | null {
  return VENDOR_LAYOUTS.get(vendorId) ?? null;
}

function positionOf(field: InputField, usage: number, idBytes: number): number {
  const index = Math.max(0, field.usages.indexOf(usage));
  return idBytes * 8 + field.bitOffset + index * field.bitSize;
}

/** Builds the layout from the descriptor's Decoded Data / Continued / Byte Count fields. */
export function layoutFromDescriptor(parsed: ParsedDescriptor): PosLayout | null {
  const data = parsed.inputs.find((f) => fieldHasUsage(f, DECODED_DATA) && f.bitSize === 8);
  if (!data) return null;
  const sameReport = parsed.inputs.filter((f) => f.reportId === data.reportId);
  const idBytes = parsed.usesReportIds ? 1 : 0;
  const continued = sameReport.find((f) => fieldHasUsage(f, DATA_CONTINUED));
  const count = sameReport.find((f) => fieldHasUsage(f, BYTE_COUNT) && f.bitSize === 8);
  const aim = sameReport.find((f) => fieldHasUsage(f, AIM_FIRST) && f.bitSize === 8);
  if (!continued || (data.bitOffset % 8 !== 0 && !count)) return null;
  const continuedBit = positionOf(continued, DATA_CONTINUED, idBytes);
  return {
    name: 'descriptor',
    reportId: parsed.usesReportIds ? data.reportId : null,
    lengthByte: count ? positionOf(count, BYTE_COUNT, idBytes) / 8 : null,
    dataStart: (idBytes * 8 + data.bitOffset) / 8,
    dataCapacity: data.count,
    aimStart: aim ? positionOf(aim, AIM_FIRST, idBytes) / 8 : null,
    continuedByte: Math.floor(continuedBit / 8),
    continuedMask: 1 << (continuedBit % 8),
    symbologyByte: null,
  };
}

/** Last resort, from the first report: an AIM `]` at byte 2 means the Honeywell shape. */
export function guessLayout(report: Uint8Array): PosLayout {
  if (report.length >= 64 && report[2] === 0x5d) return HONEYWELL_LAYOUT;
  return {
    ...NEWLAND_LAYOUT,
    name: 'generic',
    reportId: report[0] ?? null,
    dataCapacity: Math.max(0, Math.min(56, report.length - 3)),
    continuedByte: Math.max(0, report.length - 1),
    symbologyByte: null,
  };
}
