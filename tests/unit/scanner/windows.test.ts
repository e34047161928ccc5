import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  naps2Error,
  naps2ScanArgs,
  parseNaps2DeviceList,
  parseNaps2Uri,
} from '../../../native/scanner/windows/naps2-console';
import {
  documentHandling,
  parseWiaLine,
  powershellArgs,
  psQuote,
  wiaListScript,
  wiaScanScript,
} from '../../../native/scanner/windows/wia-script';

// These routes cannot run here (no Windows): their text is what is tested (see README).
describe('WIA 2.0 through PowerShell', () => {
  it('sets WIA_DPS_DOCUMENT_HANDLING_SELECT, pages, intent and resolution for the profile', () => {
    const script = wiaScanScript(
      '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001',
      { source: 'feeder', duplex: true, dpi: 300, colorMode: 'gray' },
      "C:\\Users\\Cán bộ\\scan'1",
    );
    expect(script).toContain('SetProp $dev.Properties 3088 5');
    expect(script).toContain('SetProp $dev.Properties 3096 0');
    expect(script).toContain('SetProp $item.Properties 6146 2');
    expect(script).toContain('SetProp $item.Properties 6147 300');
    expect(script).toContain("$out = 'C:\\Users\\Cán bộ\\scan''1'");
    expect(script).toContain("'{B96B3CAE-0728-11D3-9D7B-0000F81EF32E}'");
    // The end of the feeder after ≥1 page is the normal end (NAPS2 #656).
    expect(script).toContain("if ($n -gt 0 -and $hr -eq '0x80210003') { break }");
    expect(
      wiaScanScript('x', { source: 'flatbed', duplex: false, dpi: 200, colorMode: 'bw' }, 'C:\\t'),
    ).toContain('SetProp $dev.Properties 3088 2');
    expect(wiaListScript()).toContain('$info.Type -eq 1');
  });

  it('maps document handling flags', () => {
    expect([
      documentHandling({ source: 'flatbed', duplex: false }),
      documentHandling({ source: 'feeder', duplex: false }),
      documentHandling({ source: 'feeder', duplex: true }),
    ]).toEqual([2, 1, 5]);
  });

  it.each([
    [
      '{"page":2,"file":"C:\\\\t\\\\page-0002.jpg"}',
      { kind: 'page', page: 2, file: 'C:\\t\\page-0002.jpg' },
    ],
    ['{"error":"0x80210003","pages":0}', { kind: 'error', code: 'FEEDER_EMPTY', pages: 0 }],
    ['{"error":"0x80210002","pages":3}', { kind: 'error', code: 'PAPER_JAM', pages: 3 }],
    ['{"error":"0x80210006"}', { kind: 'error', code: 'SCANNER_BUSY' }],
    ['{"error":"0x80210016"}', { kind: 'error', code: 'COVER_OPEN' }],
    ['{"error":"0x80210015"}', { kind: 'error', code: 'SCANNER_GONE' }],
    ['{"error":"0x80004005"}', { kind: 'error', code: 'SCANNER_IO_ERROR' }],
    ['{"done":4}', { kind: 'done', pages: 4 }],
    [
      '{"id":"{6BDD}\\\\0001","name":"Canon DR-C225"}',
      { kind: 'device', id: '{6BDD}\\0001', name: 'Canon DR-C225' },
    ],
    ['WARNING: something', { kind: 'other' }],
  ])('parses %s', (line, expected) => {
    expect(parseWiaLine(line)).toMatchObject(expected);
  });

  it('quotes any string for PowerShell and encodes the command as UTF-16LE base64', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = psQuote(s);
        return (
          q.startsWith("'") &&
          q.endsWith("'") &&
          q.slice(1, -1).replace(/''/g, '').indexOf("'") === -1
        );
      }),
    );
    const args = powershellArgs('Write-Output "Số hóa"');
    expect(args.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(Buffer.from(args[5]!, 'base64').toString('utf16le')).toBe('Write-Output "Số hóa"');
  });
});

describe('NAPS2 console (TWAIN route)', () => {
  it('builds the command line from a profile', () => {
    expect(parseNaps2Uri('naps2:twain:Canon DR-C225')).toEqual({
      driver: 'twain',
      device: 'Canon DR-C225',
    });
    expect(parseNaps2Uri('naps2:nope:x')).toBeNull();
    expect(
      naps2ScanArgs(
        { driver: 'twain', device: 'Canon DR-C225' },
        { source: 'feeder', duplex: true, dpi: 300, colorMode: 'color' },
        'C:\\t\\page-$(nnnn).jpg',
      ),
    ).toEqual([
      '--noprofile',
      '--driver',
      'twain',
      '--device',
      'Canon DR-C225',
      '--source',
      'duplex',
      '--dpi',
      '300',
      '--bitdepth',
      'color',
      '--pagesize',
      'a4',
      '-o',
      'C:\\t\\page-$(nnnn).jpg',
      '-f',
      '-v',
    ]);
  });

  it('reads the device list and maps its messages', () => {
    expect(parseNaps2DeviceList('Canon DR-C225\r\nEPSON DS-530\r\n\r\n')).toEqual([
      'Canon DR-C225',
      'EPSON DS-530',
    ]);
    expect(naps2Error('The document feeder is empty.', 1)).toBe('FEEDER_EMPTY');
    expect(naps2Error('Paper jam detected', 1)).toBe('PAPER_JAM');
    expect(naps2Error('The scanner is offline.', 1)).toBe('SCANNER_GONE');
    expect(naps2Error('Exported 3 pages', 0)).toBeNull();
    expect(naps2Error('Unhandled exception', 2)).toBe('SCANNER_IO_ERROR');
  });
});
