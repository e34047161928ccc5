import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildScanimageArgs,
  capabilitiesFromOptions,
  classifyMode,
  classifySource,
  exitCodeError,
  parseBatchLine,
  parseDeviceList,
  parseOptions,
  sourceNameFor,
} from '../../../native/scanner/sane/scanimage-text';
import { parseSaneUri } from '../../../native/scanner/sane/sane-driver';

// Recorded from Debian 12's `scanimage -d test -A` (sane-backends 1.1.1).
const TEST_A = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'scanimage-test-A.txt'),
  'utf8',
);

describe('scanimage output', () => {
  it('reads the test backend options: real source names, modes, resolution range, area', () => {
    const options = parseOptions(TEST_A);
    expect(options.get('source')?.choices).toEqual(['Flatbed', 'Automatic Document Feeder']);
    expect(options.get('mode')?.choices).toEqual(['Gray', 'Color']);
    expect(options.get('resolution')?.range).toEqual({ min: 1, max: 1200, step: 1 });
    expect(options.get('read-limit-size')?.inactive).toBe(true);
    const caps = capabilitiesFromOptions(options);
    expect(caps.map((c) => [c.source, c.duplex, c.nativeName, c.maxWidthMm])).toEqual([
      ['flatbed', false, 'Flatbed', 200],
      ['feeder', false, 'Automatic Document Feeder', 200],
    ]);
    expect(sourceNameFor(caps, { source: 'feeder', duplex: true })).toBeNull();
  });

  it('finds duplex sources by the names backends really use', () => {
    const text = `  Scan Mode:\n    --mode Lineart|Gray|Color [Color]\n        x\n    --source Flatbed|ADF Front|ADF Back|ADF Duplex [Flatbed]\n        y\n    --resolution 75|150|300|600dpi [150]\n`;
    const caps = capabilitiesFromOptions(parseOptions(text));
    expect(sourceNameFor(caps, { source: 'feeder', duplex: true })).toBe('ADF Duplex');
    expect(caps[0]!.resolutions).toEqual([75, 150, 300, 600]);
    expect(caps[0]!.colorModes).toEqual(['color', 'gray', 'bw']);
  });

  it.each([
    ['Flatbed', 'flatbed', false],
    ['Automatic Document Feeder', 'feeder', false],
    ['ADF', 'feeder', false],
    ['ADF Duplex', 'feeder', true],
    ['DP', 'feeder', true],
    ['2-sided (Duplex)', 'feeder', true],
    ['Document Table', 'feeder', false],
    ['Normal', 'flatbed', false],
  ] as const)('classifies source %j', (name, source, duplex) => {
    expect(classifySource(name)).toEqual({ source, duplex });
  });

  it.each([
    ['Color', 'color'],
    ['Colour', 'color'],
    ['24bit Color', 'color'],
    ['Gray', 'gray'],
    ['Grayscale', 'gray'],
    ['Lineart', 'bw'],
    ['Black & White', 'bw'],
    ['Halftone', 'bw'],
    ['Infrared', null],
  ] as const)('classifies mode %j', (name, mode) => {
    expect(classifyMode(name)).toBe(mode);
  });

  it.each([
    ['Scanning page 3', { kind: 'scanning', page: 3 }],
    ['Scanned page 3. (scanner status = 5)', { kind: 'scanned', page: 3, status: 5 }],
    ['Batch terminated, 1 page scanned', { kind: 'terminated', pages: 1 }],
    [
      'scanimage: sane_start: Document feeder out of documents',
      { kind: 'error', code: 'FEEDER_EMPTY' },
    ],
    ['scanimage: sane_read: Document feeder jammed', { kind: 'error', code: 'PAPER_JAM' }],
    ['scanimage: sane_read: Scanner cover is open', { kind: 'error', code: 'COVER_OPEN' }],
    ['scanimage: sane_start: Device busy', { kind: 'error', code: 'SCANNER_BUSY' }],
    [
      'scanimage: open of device foo failed: Invalid argument',
      { kind: 'error', code: 'SCANNER_GONE' },
    ],
    ['scanimage: sane_read: Error during device I/O', { kind: 'error', code: 'SCANNER_IO_ERROR' }],
  ])('parses %j', (line, expected) => {
    expect(parseBatchLine(line)).toMatchObject(expected);
  });

  it('maps SANE exit statuses', () => {
    expect([0, 2, 3, 4, 6, 7, 8, 9].map(exitCodeError)).toEqual([
      null,
      'SCAN_CANCELLED',
      'SCANNER_BUSY',
      'SCAN_SETTINGS_UNSUPPORTED',
      'PAPER_JAM',
      'FEEDER_EMPTY',
      'COVER_OPEN',
      'SCANNER_IO_ERROR',
    ]);
  });

  it('reads the device list', () => {
    expect(
      parseDeviceList(
        "device `test:0' is a Noname frontend-tester virtual device\ndevice `fujitsu:fi-7160:1' is a FUJITSU fi-7160 scanner\n",
      ),
    ).toEqual([
      { name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
      { name: 'fujitsu:fi-7160:1', vendor: 'FUJITSU', model: 'fi-7160', type: 'scanner' },
    ]);
  });

  it('builds scanimage arguments, and device options from the address', () => {
    expect(
      buildScanimageArgs({
        device: 'test',
        sourceName: 'ADF Duplex',
        modeName: 'Color',
        dpi: 300,
        batchPattern: '/t/p-%04d.pnm',
        maxPages: 4,
        widthMm: 210,
        heightMm: 297,
      }),
    ).toEqual([
      '-d',
      'test',
      '--format=pnm',
      '--batch=/t/p-%04d.pnm',
      '--source',
      'ADF Duplex',
      '--mode',
      'Color',
      '--resolution',
      '300',
      '-x',
      '210',
      '-y',
      '297',
      '--batch-count=4',
    ]);
    expect(parseSaneUri('sane:test?test-picture=Solid%20white&read-delay=yes')).toEqual({
      device: 'test',
      extra: ['--test-picture=Solid white', '--read-delay=yes'],
    });
    expect(() => parseSaneUri('sane:test?--evil=1')).toThrow(
      expect.objectContaining({ code: 'SCANNER_URI_INVALID' }),
    );
    expect(() => parseSaneUri('escl:http://x')).toThrow(
      expect.objectContaining({ code: 'SCANNER_URI_INVALID' }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        parseOptions(text);
        parseBatchLine(text);
        parseDeviceList(text);
        return true;
      }),
    );
  });
});
