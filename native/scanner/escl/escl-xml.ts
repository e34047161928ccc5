/**
 * eSCL (Mopria eSCL 2.x, "AirScan") documents as pure functions: ScannerCapabilities and
 * ScannerStatus in, ScanSettings out (scanners.md §2.1). Namespaces `pwg`
 * (http://www.pwg.org/schemas/2010/12/sm) and `scan` (http://schemas.hp.com/imaging/escl/2011/05/03)
 * are matched by local name, because devices vary the prefixes they bind.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ColorMode, ScanSettings, ScanSource, SourceCapabilities } from '../types';

export const PWG_NS = 'http://www.pwg.org/schemas/2010/12/sm';
export const SCAN_NS = 'http://schemas.hp.com/imaging/escl/2011/05/03';

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'ColorMode',
      'DocumentFormat',
      'DocumentFormatExt',
      'DiscreteResolution',
      'SettingProfile',
      'JobInfo',
      'Intent',
    ].includes(name),
});

type Node = Record<string, unknown>;
const obj = (v: unknown): Node =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
const int = (v: unknown): number | undefined => {
  const n = Number.parseInt(text(v), 10);
  return Number.isFinite(n) ? n : undefined;
};

export class EsclXmlError extends Error {}

function parseDocument(xml: string, root: string): Node {
  let doc: Node;
  try {
    doc = obj(parser.parse(xml, true));
  } catch (error) {
    throw new EsclXmlError(`malformed XML: ${(error as Error).message}`);
  }
  const node = doc[root];
  if (node === undefined) throw new EsclXmlError(`expected <${root}>`);
  return obj(node);
}

const COLOR_MODES: Record<string, ColorMode> = {
  RGB24: 'color',
  RGB48: 'color',
  Grayscale8: 'gray',
  Grayscale16: 'gray',
  BlackAndWhite1: 'bw',
};

/** Usual stops when a device gives a resolution range instead of a list. */
const STOPS = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

function inputCaps(node: Node, source: ScanSource, duplex: boolean): SourceCapabilities | null {
  if (Object.keys(node).length === 0) return null;
  const modes = new Set<ColorMode>();
  const formats = new Set<string>();
  const resolutions = new Set<number>();
  for (const profile of arr(obj(node.SettingProfiles).SettingProfile).map(obj)) {
    for (const m of arr(obj(profile.ColorModes).ColorMode).map(text)) {
      const mode = COLOR_MODES[m];
      if (mode) modes.add(mode);
    }
    const fmts = obj(profile.DocumentFormats);
    for (const f of [...arr(fmts.DocumentFormat), ...arr(fmts.DocumentFormatExt)].map(text)) {
      if (f) formats.add(f);
    }
    const res = obj(profile.SupportedResolutions);
    for (const d of arr(obj(res.DiscreteResolutions).DiscreteResolution).map(obj)) {
      const x = int(d.XResolution);
      if (x) resolutions.add(x);
    }
    const range = obj(res.ResolutionRange);
    const min = int(obj(range.XResolutionRange).Min);
    const max = int(obj(range.XResolutionRange).Max);
    if (min !== undefined && max !== undefined) {
      for (const s of STOPS) if (s >= min && s <= max) resolutions.add(s);
    }
  }
  // Dimensions are in 1/300 inch (eSCL ContentRegionUnits).
  const toMm = (v: unknown) => {
    const n = int(v);
    return n === undefined ? undefined : Math.round((n / 300) * 25.4);
  };
  const caps: SourceCapabilities = {
    source,
    duplex,
    resolutions: [...resolutions].sort((a, b) => a - b),
    colorModes: (['color', 'gray', 'bw'] as const).filter((m) => modes.has(m)),
    formats: [...formats],
  };
  const w = toMm(node.MaxWidth);
  const h = toMm(node.MaxHeight);
  if (w !== undefined) caps.maxWidthMm = w;
  if (h !== undefined) caps.maxHeightMm = h;
  return caps;
}

export interface EsclCapabilities {
  makeAndModel: string;
  version: string;
  sources: SourceCapabilities[];
}

export function parseScannerCapabilities(xml: string): EsclCapabilities {
  const root = parseDocument(xml, 'ScannerCapabilities');
  const sources: SourceCapabilities[] = [];
  const platen = inputCaps(obj(obj(root.Platen).PlatenInputCaps), 'flatbed', false);
  if (platen) sources.push(platen);
  const adf = obj(root.Adf);
  const simplex = inputCaps(obj(adf.AdfSimplexInputCaps), 'feeder', false);
  const duplexCaps = inputCaps(obj(adf.AdfDuplexInputCaps), 'feeder', true);
  if (simplex) sources.push(simplex);
  // Some devices list AdfOptions/DetectPaperLoaded + Duplex without separate duplex caps.
  const adfOptions = arr(obj(adf.AdfOptions).AdfOption).map(text);
  if (duplexCaps) sources.push(duplexCaps);
  else if (simplex && adfOptions.includes('Duplex')) sources.push({ ...simplex, duplex: true });
  return {
    makeAndModel: text(root.MakeAndModel) || 'eSCL scanner',
    version: text(root.Version) || '2.0',
    sources,
  };
}

/** eSCL AdfState values (NAPS2 EsclAdfState; sane-airscan airscan-escl.c). */
export type AdfState =
  | 'ScannerAdfLoaded'
  | 'ScannerAdfEmpty'
  | 'ScannerAdfJam'
  | 'ScannerAdfDoorOpen'
  | 'ScannerAdfHatchOpen'
  | 'ScannerAdfMispick'
  | 'ScannerAdfProcessing'
  | string;

export interface EsclStatus {
  state: 'Idle' | 'Processing' | 'Testing' | 'Stopped' | 'Down' | string;
  adfState: AdfState | null;
  jobs: { uri: string; state: string; reasons: string[] }[];
}

export function parseScannerStatus(xml: string): EsclStatus {
  const root = parseDocument(xml, 'ScannerStatus');
  return {
    state: text(root.State) || 'Idle',
    adfState: text(root.AdfState) || null,
    jobs: arr(obj(root.Jobs).JobInfo)
      .map(obj)
      .map((j) => ({
        uri: text(j.JobUri),
        state: text(j.JobState),
        reasons: arr(obj(j.JobStateReasons).JobStateReason).map(text).filter(Boolean),
      })),
  };
}

const ESCL_COLOR: Record<ColorMode, string> = {
  color: 'RGB24',
  gray: 'Grayscale8',
  bw: 'BlackAndWhite1',
};

const xmlEscape = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/**
 * The ScanSettings body of `POST /ScanJobs`. A4 in 1/300" (2480 × 3508), clamped to the device's
 * maximum. Bilevel is requested as Grayscale8 + PNG when the device cannot deliver 1-bit images
 * in a lossless format; the pipeline thresholds it.
 */
export function buildScanSettings(
  settings: ScanSettings,
  options: { format: string; version?: string; maxWidth?: number; maxHeight?: number },
): string {
  const width = Math.min(2480, options.maxWidth ?? 2480);
  const height = Math.min(3508, options.maxHeight ?? 3508);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<scan:ScanSettings xmlns:scan="${SCAN_NS}" xmlns:pwg="${PWG_NS}">`,
    `  <pwg:Version>${xmlEscape(options.version ?? '2.0')}</pwg:Version>`,
    '  <scan:Intent>Document</scan:Intent>',
    '  <pwg:ScanRegions>',
    '    <pwg:ScanRegion>',
    `      <pwg:Height>${height}</pwg:Height>`,
    `      <pwg:Width>${width}</pwg:Width>`,
    '      <pwg:XOffset>0</pwg:XOffset>',
    '      <pwg:YOffset>0</pwg:YOffset>',
    '      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>',
    '    </pwg:ScanRegion>',
    '  </pwg:ScanRegions>',
    `  <pwg:InputSource>${settings.source === 'feeder' ? 'Feeder' : 'Platen'}</pwg:InputSource>`,
    settings.source === 'feeder' ? `  <scan:Duplex>${settings.duplex}</scan:Duplex>` : '',
    `  <scan:ColorMode>${ESCL_COLOR[settings.colorMode]}</scan:ColorMode>`,
    `  <pwg:DocumentFormat>${xmlEscape(options.format)}</pwg:DocumentFormat>`,
    `  <scan:DocumentFormatExt>${xmlEscape(options.format)}</scan:DocumentFormatExt>`,
    `  <scan:XResolution>${settings.dpi}</scan:XResolution>`,
    `  <scan:YResolution>${settings.dpi}</scan:YResolution>`,
    '</scan:ScanSettings>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export interface ParsedScanSettings {
  source: ScanSource;
  duplex: boolean;
  colorMode: ColorMode | null;
  format: string;
  xResolution: number | null;
  yResolution: number | null;
  width: number | null;
  height: number | null;
}

/** The other direction, for the test simulator (and for logging what a client asked for). */
export function parseScanSettings(xml: string): ParsedScanSettings {
  const root = parseDocument(xml, 'ScanSettings');
  const region = obj(obj(root.ScanRegions).ScanRegion);
  return {
    source: text(root.InputSource) === 'Feeder' ? 'feeder' : 'flatbed',
    duplex: text(root.Duplex) === 'true',
    colorMode: COLOR_MODES[text(arr(root.ColorMode)[0])] ?? null,
    format:
      text(arr(root.DocumentFormatExt)[0]) || text(arr(root.DocumentFormat)[0]) || 'image/jpeg',
    xResolution: int(root.XResolution) ?? null,
    yResolution: int(root.YResolution) ?? null,
    width: int(region.Width) ?? null,
    height: int(region.Height) ?? null,
  };
}

/**
 * Never trust the host in `Location` (sane-airscan: HP over IPP-USB and Xerox over IPv6 put a
 * host there that does not answer): keep its path, use the scheme/host/port we reached.
 */
export function rewriteJobLocation(location: string, base: string): string {
  const baseUrl = new URL(base);
  // Only the path is taken from the device: a host it names may not even parse (IPv6 zone ids).
  const path =
    /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(location)?.[1] ??
    (location.startsWith('/') ? location.split(/[?#]/)[0]! : null);
  if (path === null || path === '') throw new EsclXmlError(`bad Location: ${location}`);
  return `${baseUrl.protocol}//${baseUrl.host}${path}`.replace(/\/+$/, '');
}
