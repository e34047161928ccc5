/**
 * A minimal HID report-descriptor reader (Device Class Definition for HID 1.11 §6.2.2): walks the
 * short items and returns every Input field with its usages and bit position, per report ID.
 * Enough to find the HID POS barcode fields (HID Usage Tables, page 0x8C) on scanners whose
 * report layout we do not know by vendor (scanners.md §1.2).
 */

export interface InputField {
  reportId: number; // 0 when the device uses no report IDs
  usagePage: number;
  /** Explicit usages, each as (page << 16) | id, in declaration order. */
  usages: number[];
  usageMin: number | null;
  usageMax: number | null;
  bitOffset: number; // from the first byte after the report ID
  bitSize: number;
  count: number;
  constant: boolean;
}

export interface ParsedDescriptor {
  inputs: InputField[];
  /** Top-level application collections as (page << 16) | usage. */
  applications: number[];
  usesReportIds: boolean;
}

interface Globals {
  usagePage: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

const full = (page: number, id: number) => ((page & 0xffff) << 16) | (id & 0xffff);

function readUnsigned(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = size - 1; i >= 0; i--) value = value * 256 + bytes[at + i]!;
  return value;
}

export class DescriptorError extends Error {
  readonly code = 'HID_DESCRIPTOR_INVALID';
}

export function parseReportDescriptor(bytes: Uint8Array): ParsedDescriptor {
  let g: Globals = { usagePage: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  const stack: Globals[] = [];
  let usages: number[] = [];
  let usageMin: number | null = null;
  let usageMax: number | null = null;
  let depth = 0;
  let usesReportIds = false;
  const offsets = new Map<number, number>();
  const inputs: InputField[] = [];
  const applications: number[] = [];
  const resetLocals = () => {
    usages = [];
    usageMin = null;
    usageMax = null;
  };

  let i = 0;
  while (i < bytes.length) {
    const prefix = bytes[i]!;
    if (prefix === 0xfe) {
      // Long item: size in the next byte; none are defined for reports, skip it.
      if (i + 1 >= bytes.length) throw new DescriptorError('truncated long item');
      i += 3 + bytes[i + 1]!;
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 3]!;
    const type = (prefix >> 2) & 3;
    const tag = prefix >> 4;
    if (i + 1 + size > bytes.length) throw new DescriptorError('truncated item');
    const value = readUnsigned(bytes, i + 1, size);
    i += 1 + size;

    if (type === 1) {
      if (tag === 0x0) g.usagePage = value;
      else if (tag === 0x7) g.reportSize = value;
      else if (tag === 0x9) g.reportCount = value;
      else if (tag === 0x8) {
        g.reportId = value;
        usesReportIds = true;
      } else if (tag === 0xa) stack.push({ ...g });
      else if (tag === 0xb) g = stack.pop() ?? g;
    } else if (type === 2) {
      // A 4-byte usage carries its own page in the high half (HID 1.11 §6.2.2.8).
      const qualify = (v: number) => (size === 4 ? v : full(g.usagePage, v));
      if (tag === 0x0) usages.push(qualify(value));
      else if (tag === 0x1) usageMin = qualify(value);
      else if (tag === 0x2) usageMax = qualify(value);
    } else if (type === 0) {
      if (tag === 0xa) {
        if (depth === 0 && value === 0x01 && usages.length > 0) applications.push(usages[0]!);
        depth += 1;
      } else if (tag === 0xc) depth = Math.max(0, depth - 1);
      else if (tag === 0x8 || tag === 0x9 || tag === 0xb) {
        const bits = g.reportSize * g.reportCount;
        if (tag === 0x8) {
          const offset = offsets.get(g.reportId) ?? 0;
          inputs.push({
            reportId: g.reportId,
            usagePage: g.usagePage,
            usages,
            usageMin,
            usageMax,
            bitOffset: offset,
            bitSize: g.reportSize,
            count: g.reportCount,
            constant: (value & 1) === 1,
          });
          offsets.set(g.reportId, offset + bits);
        }
      }
      resetLocals();
    }
  }
  return { inputs, applications, usesReportIds };
}

/** Does this field carry `usage` (page << 16 | id), explicitly or within its usage range? */
export function fieldHasUsage(field: InputField, usage: number): boolean {
  if (field.usages.includes(usage)) return true;
  return (
    field.usageMin !== null &&
    field.usageMax !== null &&
    usage >= field.usageMin &&
    usage <= field.usageMax
  );
}

export const usageOf = full;
