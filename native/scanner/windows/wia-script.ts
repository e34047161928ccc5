/**
 * WIA 2.0 through the WIA Automation COM objects, driven by a PowerShell script we generate
 * (scanners.md §2.3). UNTESTED ON REAL WINDOWS: this machine has no Windows; the script text and
 * the parsing of its output are unit-tested, the COM calls are not (see README).
 * Property IDs (wiadef.h): 3088 WIA_DPS_DOCUMENT_HANDLING_SELECT (FEEDER 0x1, FLATBED 0x2,
 * DUPLEX 0x4), 3096 WIA_DPS_PAGES (0 = all), 6146 WIA_IPS_CUR_INTENT (1 colour, 2 grey, 4 text),
 * 6147/6148 WIA_IPS_XRES/YRES. End of feeder arrives as WIA_ERROR_PAPER_EMPTY (NAPS2 #656).
 */
import type { ScannerErrorCode } from '../errors';
import type { ScanSettings } from '../types';

export const WIA_FORMAT = {
  jpeg: '{B96B3CAE-0728-11D3-9D7B-0000F81EF32E}',
  png: '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}',
} as const;

/** HRESULTs of wia.h that a clerk can act on. */
export const WIA_ERRORS: Record<string, ScannerErrorCode> = {
  '0x80210002': 'PAPER_JAM',
  '0x80210003': 'FEEDER_EMPTY',
  '0x80210005': 'SCANNER_GONE', // WIA_ERROR_OFFLINE
  '0x80210006': 'SCANNER_BUSY',
  '0x8021000A': 'SCANNER_GONE', // WIA_ERROR_DEVICE_COMMUNICATION
  '0x8021000C': 'SCAN_SETTINGS_UNSUPPORTED', // WIA_ERROR_INCORRECT_HARDWARE_SETTING
  '0x8021000D': 'SCANNER_BUSY', // WIA_ERROR_DEVICE_LOCKED
  '0x80210015': 'SCANNER_GONE', // WIA_S_NO_DEVICE_AVAILABLE
  '0x80210016': 'COVER_OPEN',
  '0x80070057': 'SCAN_SETTINGS_UNSUPPORTED', // E_INVALIDARG from a property the driver rejects
};

/** A PowerShell single-quoted literal: the only escape is doubling the quote. */
export function psQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function documentHandling(settings: Pick<ScanSettings, 'source' | 'duplex'>): number {
  if (settings.source === 'flatbed') return 0x2;
  return settings.duplex ? 0x1 | 0x4 : 0x1;
}

export function wiaIntent(colorMode: ScanSettings['colorMode']): number {
  return colorMode === 'color' ? 1 : colorMode === 'gray' ? 2 : 4;
}

const PRELUDE = [
  "$ErrorActionPreference = 'Stop'",
  '[Console]::OutputEncoding = [Text.Encoding]::UTF8',
  'function Emit($o) { [Console]::Out.WriteLine(($o | ConvertTo-Json -Compress)) }',
  "function HResult($e) { $h = $e.Exception.HResult; if ($e.Exception.InnerException) { $h = $e.Exception.InnerException.HResult }; return ('0x{0:X8}' -f $h) }",
  'function SetProp($props, [int]$id, $value) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { $p.Value = $value; return $true } }; return $false }',
  '$dm = New-Object -ComObject WIA.DeviceManager',
];

export function wiaListScript(): string {
  return [
    ...PRELUDE,
    'foreach ($info in $dm.DeviceInfos) {',
    "  if ($info.Type -eq 1) { Emit @{ id = $info.DeviceID; name = $info.Properties.Item('Name').Value } }",
    '}',
  ].join('\n');
}

export function wiaScanScript(deviceId: string, settings: ScanSettings, outDir: string): string {
  const format = settings.colorMode === 'bw' ? WIA_FORMAT.png : WIA_FORMAT.jpeg;
  const ext = settings.colorMode === 'bw' ? 'png' : 'jpg';
  const max = settings.source === 'flatbed' ? 1 : (settings.maxPages ?? 0);
  return [
    ...PRELUDE,
    `$out = ${psQuote(outDir)}`,
    `$info = $dm.DeviceInfos | Where-Object { $_.DeviceID -eq ${psQuote(deviceId)} } | Select-Object -First 1`,
    "if (-not $info) { Emit @{ error = '0x80210015' }; exit 3 }",
    'try { $dev = $info.Connect() } catch { Emit @{ error = (HResult $_) }; exit 3 }',
    `[void](SetProp $dev.Properties 3088 ${documentHandling(settings)})`,
    `[void](SetProp $dev.Properties 3096 ${settings.source === 'flatbed' ? 1 : 0})`,
    '$item = $dev.Items.Item(1)',
    `[void](SetProp $item.Properties 6146 ${wiaIntent(settings.colorMode)})`,
    `[void](SetProp $item.Properties 6147 ${settings.dpi})`,
    `[void](SetProp $item.Properties 6148 ${settings.dpi})`,
    '$n = 0',
    'while ($true) {',
    `  try { $img = $item.Transfer(${psQuote(format)}) }`,
    '  catch {',
    '    $hr = HResult $_',
    // After ≥1 page an empty feeder is the normal end of an ADF job.
    "    if ($n -gt 0 -and $hr -eq '0x80210003') { break }",
    '    Emit @{ error = $hr; pages = $n }; exit 1',
    '  }',
    '  $n++',
    `  $file = Join-Path $out ('page-{0:D4}.${ext}' -f $n)`,
    '  $img.SaveFile($file)',
    '  Emit @{ page = $n; file = $file }',
    `  if (${max} -gt 0 -and $n -ge ${max}) { break }`,
    '}',
    'Emit @{ done = $n }',
  ].join('\n');
}

export type WiaLine =
  | { kind: 'device'; id: string; name: string }
  | { kind: 'page'; page: number; file: string }
  | { kind: 'error'; hresult: string; code: ScannerErrorCode; pages: number }
  | { kind: 'done'; pages: number }
  | { kind: 'other'; text: string };

export function parseWiaLine(line: string): WiaLine {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { kind: 'other', text: line };
  }
  if (typeof value.error === 'string') {
    const hresult = value.error.toUpperCase().replace(/^0X/, '0x');
    return {
      kind: 'error',
      hresult,
      code: WIA_ERRORS[hresult] ?? 'SCANNER_IO_ERROR',
      pages: Number(value.pages ?? 0),
    };
  }
  if (typeof value.page === 'number' && typeof value.file === 'string')
    return { kind: 'page', page: value.page, file: value.file };
  if (typeof value.done === 'number') return { kind: 'done', pages: value.done };
  if (typeof value.id === 'string')
    return { kind: 'device', id: value.id, name: String(value.name ?? value.id) };
  return { kind: 'other', text: line };
}

/** `powershell.exe` arguments; -EncodedCommand (UTF-16LE base64) avoids every quoting trap. */
export function powershellArgs(script: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
    Buffer.from(script, 'utf16le').toString('base64'),
  ];
}
