import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PosMessageAssembler } from '../../../native/hid/pos-assembler';
import {
  guessLayout,
  HONEYWELL_LAYOUT,
  layoutFromDescriptor,
  NEWLAND_LAYOUT,
} from '../../../native/hid/pos-layouts';
import { DescriptorError, parseReportDescriptor } from '../../../native/hid/report-descriptor';
import { encodeReports } from '../../support/hid-reports';

/**
 * A HID POS scanner of a vendor we have no table for (HID Usage Tables, Bar Code Scanner page
 * 0x8C): report 2 = Byte Count · AIM[3] · Decoded Data[60] · 7 padding bits · Continued bit.
 * The data is 60 bytes and the continued flag is bit 7: neither vendor layout fits.
 */
// prettier-ignore
const UNKNOWN_VENDOR_DESCRIPTOR = Uint8Array.from([
  0x05, 0x8c, 0x09, 0x02, 0xa1, 0x01, // Usage Page (Bar Code Scanner), Usage (Scanner), Application
  0x85, 0x02, 0x09, 0x12, 0xa1, 0x02, //   Report ID 2, Usage (Scanned Data Report), Logical
  0x05, 0x01, 0x09, 0x3b, 0x15, 0x00, 0x26, 0xff, 0x00, 0x75, 0x08, 0x95, 0x01, 0x81, 0x02, // Byte Count
  0x05, 0x8c, 0x09, 0xfb, 0x09, 0xfc, 0x09, 0xfd, 0x95, 0x03, 0x81, 0x02, // AIM identifier
  0x09, 0xfe, 0x95, 0x3c, 0x82, 0x02, 0x01, // Decoded Data, 60 bytes (buffered bytes)
  0x75, 0x07, 0x95, 0x01, 0x81, 0x03, // 7 bits constant padding
  0x09, 0xff, 0x75, 0x01, 0x95, 0x01, 0x25, 0x01, 0x81, 0x02, // Decode Data Continued
  0xc0, 0xc0,
]);

describe('HID report descriptor', () => {
  it('finds the HID POS application and the position of every input field', () => {
    const parsed = parseReportDescriptor(UNKNOWN_VENDOR_DESCRIPTOR);
    expect(parsed.applications).toEqual([(0x8c << 16) | 0x02]);
    expect(parsed.usesReportIds).toBe(true);
    expect(parsed.inputs.map((f) => [f.bitOffset, f.bitSize, f.count, f.constant])).toEqual([
      [0, 8, 1, false],
      [8, 8, 3, false],
      [32, 8, 60, false],
      [512, 7, 1, true],
      [519, 1, 1, false],
    ]);
  });

  it('derives a layout the assembler can use, and reassembles a 150-byte payload', () => {
    const layout = layoutFromDescriptor(parseReportDescriptor(UNKNOWN_VENDOR_DESCRIPTOR))!;
    expect(layout).toMatchObject({
      name: 'descriptor',
      reportId: 2,
      lengthByte: 1,
      aimStart: 2,
      dataStart: 5,
      dataCapacity: 60,
      continuedByte: 65,
      continuedMask: 0x80,
    });
    const payload = new TextEncoder().encode('Ư'.repeat(75)); // 150 bytes: letters straddle 60, 120
    const assembler = new PosMessageAssembler(layout);
    const results = encodeReports(layout, payload).map((r) => assembler.push(r));
    expect(results.map((r) => r.kind)).toEqual(['partial', 'partial', 'complete']);
    const last = results[2]!;
    expect(last.kind === 'complete' && new TextDecoder().decode(last.scan.bytes)).toBe(
      'Ư'.repeat(75),
    );
    expect(last.kind === 'complete' && last.scan.aim).toBe(']Q1');
  });

  it('returns no layout for a descriptor without HID POS data (a keyboard)', () => {
    // prettier-ignore
    const keyboard = Uint8Array.from([
      0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0x19, 0xe0, 0x29, 0xe7, 0x15, 0x00, 0x25,
      0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0x95, 0x06, 0x75, 0x08, 0x81, 0x00, 0xc0,
    ]);
    const parsed = parseReportDescriptor(keyboard);
    expect(parsed.applications).toEqual([(0x01 << 16) | 0x06]);
    expect(layoutFromDescriptor(parsed)).toBeNull();
  });

  it('reports a truncated descriptor with its own error, and never throws anything else', () => {
    expect(() => parseReportDescriptor(Uint8Array.from([0x05]))).toThrow(DescriptorError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const parsed = parseReportDescriptor(bytes);
          layoutFromDescriptor(parsed);
        } catch (error) {
          expect(error).toBeInstanceOf(DescriptorError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('layout guess from the first report', () => {
  it('tells Honeywell (AIM at byte 2) from Newland', () => {
    const text = new TextEncoder().encode('ABC');
    expect(guessLayout(encodeReports(HONEYWELL_LAYOUT, text)[0]!).name).toBe('honeywell');
    expect(guessLayout(encodeReports(NEWLAND_LAYOUT, text)[0]!).name).toBe('generic');
  });

  it('never throws on any report, and the assembler never grows past its limit', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 200 }), (reports) => {
        const assembler = new PosMessageAssembler(guessLayout(reports[0] ?? new Uint8Array()), {
          maxBytes: 512,
        });
        for (const r of reports) {
          assembler.push(r);
          expect(assembler.pendingBytes).toBeLessThanOrEqual(512);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
