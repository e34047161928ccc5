/**
 * Pure reading of `scanimage` output (sane-utils 1.1): the device list (`-L`), a device's options
 * (`-A`: real source/mode names, resolutions, scan area) and the progress lines of `--batch`
 * (scanners.md §2.2). Source names are backend-specific ("ADF", "ADF Duplex", Kyocera's "DP"),
 * so they are always read from `-A`, never assumed.
 */
import type { ScannerErrorCode } from '../errors';
import type { ColorMode, ScanSource, SourceCapabilities } from '../types';

export interface SaneListedDevice {
  name: string;
  vendor: string;
  model: string;
  type: string;
}

/** `device `test:0' is a Noname frontend-tester virtual device` */
export function parseDeviceList(stdout: string): SaneListedDevice[] {
  const devices: SaneListedDevice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^device `(.+?)' is an? (.+)$/.exec(line.trim());
    if (!m) continue;
    // "<vendor> <model> <type>": the vendor is one word; the type is the last word(s) after the model.
    const rest = m[2]!;
    const [vendor = '', ...words] = rest.split(' ');
    const typeWords = words
      .slice(-2)
      .join(' ')
      .match(
        /(virtual device|flatbed scanner|sheetfed scanner|scanner|multi-function peripheral|ADF scanner|video camera)$/i,
      );
    const type = typeWords ? typeWords[1]! : words.slice(-1).join(' ');
    const model = words
      .join(' ')
      .slice(0, words.join(' ').length - type.length)
      .trim();
    devices.push({ name: m[1]!, vendor, model, type });
  }
  return devices;
}

export interface SaneOption {
  name: string;
  /** Choices of a list option ("Flatbed|ADF"), empty for ranges. */
  choices: string[];
  range: { min: number; max: number; step?: number } | null;
  unit: string;
  current: string | null;
  inactive: boolean;
}

/**
 * Lines such as `    --source Flatbed|Automatic Document Feeder [Flatbed]`,
 * `    --resolution 1..1200dpi (in steps of 1) [50]`, `    -x 0..200mm (in steps of 1) [80]`.
 */
export function parseOptions(text: string): Map<string, SaneOption> {
  const options = new Map<string, SaneOption>();
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s+(--?[\w-]+)(?:\[=\((.+?)\)\])?(?:\s+(.*?))?\s+\[([^\]]*)\]\s*$/.exec(raw);
    if (!m) continue;
    const name = m[1]!.replace(/^-+/, '');
    const spec = m[3] ?? m[2] ?? '';
    const current = m[4] ?? null;
    const inactive = current === 'inactive';
    const range =
      /^(-?[\d.]+)\.\.(-?[\d.]+)([a-z%]*)(?:,\.\.\.)?(?:\s*\(in steps of ([\d.]+)\))?/.exec(spec);
    if (range) {
      options.set(name, {
        name,
        choices: [],
        range: {
          min: Number(range[1]),
          max: Number(range[2]),
          ...(range[4] ? { step: Number(range[4]) } : {}),
        },
        unit: range[3] ?? '',
        current,
        inactive,
      });
      continue;
    }
    const unit = /(dpi|mm|%|bit|pel|us)$/.exec(spec)?.[1] ?? '';
    const listText = unit ? spec.slice(0, -unit.length) : spec;
    const choices = /^<.*>/.test(listText)
      ? []
      : listText
          .split('|')
          .map((c) => c.trim())
          .filter(Boolean);
    options.set(name, { name, choices, range: null, unit, current, inactive });
  }
  return options;
}

const DUPLEX_RE = /duplex|\bDP\b|2-sided|two[- ]sided|both sides/i;
const FEEDER_RE = /adf|feeder|\bDF\b|sheet|document/i;
const FLATBED_RE = /flatbed|platen|normal|glass/i;

/** Which of the backend's source names means flatbed, feeder, duplex feeder. */
export function classifySource(name: string): { source: ScanSource; duplex: boolean } {
  if (DUPLEX_RE.test(name)) return { source: 'feeder', duplex: true };
  if (FEEDER_RE.test(name) && !FLATBED_RE.test(name)) return { source: 'feeder', duplex: false };
  return { source: 'flatbed', duplex: false };
}

const MODE_NAMES: [RegExp, ColorMode][] = [
  [/^(colou?r|rgb|24bit colou?r)/i, 'color'],
  [/^(gr[ae]y|grayscale|greyscale|8bit gray)/i, 'gray'],
  [/^(lineart|binary|black ?& ?white|bw|halftone|monochrome)/i, 'bw'],
];

export function classifyMode(name: string): ColorMode | null {
  for (const [re, mode] of MODE_NAMES) if (re.test(name)) return mode;
  return null;
}

const STOPS = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

export function resolutionsOf(option: SaneOption | undefined): number[] {
  if (!option) return [];
  if (option.range) return STOPS.filter((s) => s >= option.range!.min && s <= option.range!.max);
  return option.choices.map(Number).filter((n) => Number.isFinite(n) && n > 0);
}

/** Capabilities per source from `-A`; a device without `--source` has one flatbed source. */
export function capabilitiesFromOptions(options: Map<string, SaneOption>): SourceCapabilities[] {
  const modes = (options.get('mode')?.choices ?? [])
    .map(classifyMode)
    .filter((m): m is ColorMode => m !== null);
  const colorModes = (['color', 'gray', 'bw'] as const).filter((m) => modes.includes(m));
  // A device without lineart still gives bilevel pages: the pipeline thresholds grey ones.
  if (colorModes.includes('gray') && !colorModes.includes('bw')) colorModes.push('bw');
  const resolutions = resolutionsOf(options.get('resolution'));
  const x = options.get('x')?.range?.max;
  const y = options.get('y')?.range?.max;
  const names = options.get('source')?.choices ?? [];
  const base = {
    resolutions,
    colorModes: colorModes.length ? colorModes : (['gray'] as ColorMode[]),
    formats: ['image/x-portable-anymap'],
    ...(x !== undefined ? { maxWidthMm: x } : {}),
    ...(y !== undefined ? { maxHeightMm: y } : {}),
  };
  if (names.length === 0) return [{ source: 'flatbed', duplex: false, ...base }];
  return names.map((nativeName) => ({ ...classifySource(nativeName), nativeName, ...base }));
}

/** Picks the backend's own name for what the profile asks; null when the device has none. */
export function sourceNameFor(
  sources: SourceCapabilities[],
  wanted: { source: ScanSource; duplex: boolean },
): string | null {
  const exact = sources.find((s) => s.source === wanted.source && s.duplex === wanted.duplex);
  return exact ? (exact.nativeName ?? null) : null;
}

export function modeNameFor(options: Map<string, SaneOption>, wanted: ColorMode): string | null {
  const choices = options.get('mode')?.choices ?? [];
  return choices.find((c) => classifyMode(c) === wanted) ?? null;
}

export type BatchLine =
  | { kind: 'scanning'; page: number }
  | { kind: 'scanned'; page: number; status: number }
  | { kind: 'terminated'; pages: number }
  | { kind: 'error'; code: ScannerErrorCode; text: string }
  | { kind: 'other'; text: string };

/** SANE status strings (sane_strstatus) as scanimage prints them, mapped to our codes. */
const STATUS_TEXT: [RegExp, ScannerErrorCode][] = [
  [/Document feeder out of documents/i, 'FEEDER_EMPTY'],
  [/Document feeder jammed/i, 'PAPER_JAM'],
  [/Scanner cover is open/i, 'COVER_OPEN'],
  [/Device busy/i, 'SCANNER_BUSY'],
  [/Operation was cancell?ed/i, 'SCAN_CANCELLED'],
  [/open of device .* failed/i, 'SCANNER_GONE'],
  [/no SANE devices found|no such device/i, 'SCANNER_GONE'],
  [
    /Invalid argument|Operation not supported|setting of option .* failed/i,
    'SCAN_SETTINGS_UNSUPPORTED',
  ],
  [
    /Error during device I\/O|Out of memory|Access to resource has been denied/i,
    'SCANNER_IO_ERROR',
  ],
];

export function parseBatchLine(line: string): BatchLine {
  const text = line.trim();
  let m = /^Scanning page (\d+)/.exec(text);
  if (m) return { kind: 'scanning', page: Number(m[1]) };
  m = /^Scanned page (\d+)\.(?: \(scanner status = (\d+)\))?/.exec(text);
  if (m) return { kind: 'scanned', page: Number(m[1]), status: m[2] ? Number(m[2]) : 5 };
  m = /^Batch terminated, (\d+) pages? scanned/.exec(text);
  if (m) return { kind: 'terminated', pages: Number(m[1]) };
  if (text.startsWith('scanimage:')) {
    for (const [re, code] of STATUS_TEXT) if (re.test(text)) return { kind: 'error', code, text };
  }
  return { kind: 'other', text };
}

/** SANE_Status values scanimage exits with (sane.h). */
export function exitCodeError(code: number): ScannerErrorCode | null {
  switch (code) {
    case 0:
      return null;
    case 2:
      return 'SCAN_CANCELLED';
    case 3:
      return 'SCANNER_BUSY';
    case 4:
      return 'SCAN_SETTINGS_UNSUPPORTED';
    case 6:
      return 'PAPER_JAM';
    case 7:
      return 'FEEDER_EMPTY';
    case 8:
      return 'COVER_OPEN';
    default:
      return 'SCANNER_IO_ERROR';
  }
}

export interface ScanimageArgsInput {
  device: string;
  sourceName: string | null;
  modeName: string | null;
  dpi: number;
  batchPattern: string;
  maxPages?: number;
  /** Scan area in mm, already clamped to the device's maximum. */
  widthMm?: number;
  heightMm?: number;
  /** Extra backend options (the test backend's picture, delays). */
  extra?: string[];
}

export function buildScanimageArgs(input: ScanimageArgsInput): string[] {
  const args = ['-d', input.device, '--format=pnm', `--batch=${input.batchPattern}`];
  if (input.sourceName) args.push('--source', input.sourceName);
  if (input.modeName) args.push('--mode', input.modeName);
  args.push('--resolution', String(input.dpi));
  if (input.widthMm !== undefined) args.push('-x', String(input.widthMm));
  if (input.heightMm !== undefined) args.push('-y', String(input.heightMm));
  if (input.maxPages !== undefined) args.push(`--batch-count=${input.maxPages}`);
  if (input.extra) args.push(...input.extra);
  return args;
}
