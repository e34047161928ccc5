/**
 * One acquired page → what the draft keeps: the page image at scanner resolution, ready to be
 * embedded (JPEG for colour/grey, deflated 1-bit rows for bilevel, or the page of a PDF), a
 * thumbnail, the blank-page measurement and, when asked, a deskew (regulations.md §3: PDF
 * ≥ 1.4, colour, ≥ 200 dpi; lossless for bilevel). Uses sharp (libvips) off the main thread.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

type SharpImage = ReturnType<typeof sharp>;
import { ScannerError } from '../../../native/scanner/errors';
import {
  DEFAULT_BLANK_OPTIONS,
  downsampleBoxes,
  toGray,
  estimateSkewDegrees,
  inkCoverage,
  type GrayImage,
} from '../../../native/scanner/image/page-analysis';
import { packBitmap, parsePnm, pnmRaster8, unpackBitmap } from '../../../native/scanner/image/pnm';
import { jpegInfo } from '../../../native/scanner/image/sniff';
import type { ColorMode, ScannedPage } from '../../../native/scanner/types';

export const JPEG_QUALITY = 85;
const THUMB_WIDTH = 240;
/** Blank detection and skew estimation look at a ~50 dpi copy: enough for both, and cheap. */
const ANALYSIS_DPI = 50;
const MIN_DESKEW_DEGREES = 0.3;

export interface ProcessedPage {
  kind: 'jpeg' | 'bilevel' | 'pdf';
  /** JPEG bytes, zlib-deflated 1-bit rows, or the whole PDF file (for kind pdf). */
  data: Buffer;
  pdfPage: number | null;
  width: number;
  height: number;
  dpi: number;
  components: 1 | 3;
  inkCoverage: number;
  blank: boolean;
  skew: number;
  thumb: Buffer;
}

export interface ProcessOptions {
  colorMode: ColorMode;
  /** Fallback resolution when neither the device nor the file says (hot folders). */
  dpi: number;
  deskew: boolean;
}

function corrupt(page: ScannedPage, reason: string): ScannerError {
  return new ScannerError('SCAN_IMAGE_CORRUPT', `Page ${page.index + 1}: ${reason}`, {
    page: page.index + 1,
    reason,
  });
}

/** The page as a sharp pipeline plus what we know of it. */
interface OpenedPage {
  image: SharpImage;
  width: number;
  height: number;
  channels: number;
  density: number | null;
  bitmap: Uint8Array | null;
  /** The decoded 8-bit samples, when at hand (always for PNM, after the check decode otherwise). */
  raster: Uint8Array | null;
  hasAlpha: boolean;
}

async function open(page: ScannedPage): Promise<OpenedPage> {
  if (page.format === 'pnm') {
    const parsed = parsePnm(page.data);
    if (!parsed.ok) throw corrupt(page, parsed.reason);
    const { image } = parsed;
    const raster = pnmRaster8(page.data, image);
    const size = { width: image.width, height: image.height };
    if (image.kind === 'bitmap') {
      const gray = unpackBitmap(raster, image.width, image.height);
      return {
        image: sharp(gray, { raw: { ...size, channels: 1 } }),
        ...size,
        channels: 1,
        density: null,
        bitmap: raster,
        raster: gray,
        hasAlpha: false,
      };
    }
    const channels = image.kind === 'rgb' ? 3 : 1;
    return {
      image: sharp(raster, { raw: { ...size, channels } }),
      ...size,
      channels,
      density: null,
      bitmap: null,
      raster,
      hasAlpha: false,
    };
  }
  try {
    const image = sharp(page.data, { failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    // Decode once fully: a truncated JPEG fails here instead of producing a grey half-page.
    const decoded = await image.clone().raw().toBuffer({ resolveWithObject: true });
    return {
      image,
      width: meta.width,
      height: meta.height,
      channels: meta.channels ?? 3,
      density: meta.density ?? null,
      bitmap: null,
      raster: decoded.info.channels === 1 || decoded.info.channels === 3 ? decoded.data : null,
      hasAlpha: meta.hasAlpha ?? false,
    };
  } catch (error) {
    throw corrupt(page, (error as Error).message);
  }
}

/** A ~50 dpi copy of the page, in its own colours: grey for the analysis, source of the thumbnail. */
async function smallCopy(
  opened: OpenedPage,
  dpi: number,
): Promise<{ gray: GrayImage; thumbSource: SharpImage }> {
  const { raster, width, height, channels } = opened;
  if (raster && (channels === 1 || channels === 3)) {
    const small = downsampleBoxes(
      raster,
      width,
      height,
      channels,
      Math.max(1, Math.round(dpi / ANALYSIS_DPI)),
    );
    return {
      gray: toGray(small),
      thumbSource: sharp(small.pixels, {
        raw: { width: small.width, height: small.height, channels: small.channels },
      }),
    };
  }
  const target = Math.max(32, Math.round((width * ANALYSIS_DPI) / dpi));
  const { data, info } = await opened.image
    .clone()
    .flatten({ background: '#ffffff' })
    .grayscale()
    .resize({ width: Math.min(target, width), kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    gray: { width: info.width, height: info.height, pixels: data },
    thumbSource: opened.image.clone(),
  };
}

export async function processScannedPage(
  page: ScannedPage,
  options: ProcessOptions,
): Promise<ProcessedPage[]> {
  if (page.format === 'pdf') return processPdf(page);
  const opened = await open(page);
  const dpi = page.dpi > 0 ? page.dpi : Math.round(opened.density ?? options.dpi);
  let { image } = opened;
  let { width, height } = opened;

  const { gray: small, thumbSource } = await smallCopy(opened, dpi);
  const coverage = inkCoverage(small, DEFAULT_BLANK_OPTIONS);
  const blank = coverage < DEFAULT_BLANK_OPTIONS.maxCoverage;
  let skew = 0;
  let bitmap = opened.bitmap;
  if (options.deskew && !blank) {
    skew = estimateSkewDegrees(small);
    if (Math.abs(skew) >= MIN_DESKEW_DEGREES) {
      // Rotating resamples the page; the canvas grows to keep every pixel, filled with white.
      const rotated = await image
        .clone()
        .rotate(skew, { background: '#ffffff' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      image = sharp(rotated.data, {
        raw: {
          width: rotated.info.width,
          height: rotated.info.height,
          channels: rotated.info.channels,
        },
      });
      width = rotated.info.width;
      height = rotated.info.height;
      bitmap = null;
    } else skew = 0;
  }

  // Flattening costs a full float pass (6× the JPEG encode on a 300 dpi page): only for alpha.
  const flat = (pipeline: SharpImage) =>
    opened.hasAlpha ? pipeline.flatten({ background: '#ffffff' }) : pipeline;
  // The thumbnail comes from the small copy (cheap) unless the page was turned by the deskew.
  const thumbInput = skew === 0 ? thumbSource : image.clone();
  const thumb = await flat(thumbInput.resize({ width: THUMB_WIDTH }))
    .jpeg({ quality: 70 })
    .toBuffer();

  if (options.colorMode === 'bw') {
    let packed = bitmap;
    if (!packed) {
      const gray = await flat(image.clone()).grayscale().raw().toBuffer();
      packed = packBitmap(gray, width, height);
    } else {
      // P4 is 1 = black, PDF DeviceGray 1-bit is 1 = white: invert once here.
      packed = Uint8Array.from(packed, (b) => ~b & 0xff);
    }
    return [
      {
        kind: 'bilevel',
        data: deflateSync(packed, { level: 6 }),
        pdfPage: null,
        width,
        height,
        dpi,
        components: 1,
        inkCoverage: coverage,
        blank,
        skew,
        thumb,
      },
    ];
  }

  const wantGray = options.colorMode === 'gray';
  // A device JPEG that already has what we want is kept byte for byte (no generation loss).
  if (page.format === 'jpeg' && skew === 0) {
    const info = jpegInfo(page.data);
    if (info && (info.components === 1 || (!wantGray && info.components === 3))) {
      return [
        {
          kind: 'jpeg',
          data: page.data,
          pdfPage: null,
          width,
          height,
          dpi,
          components: info.components === 1 ? 1 : 3,
          inkCoverage: coverage,
          blank,
          skew,
          thumb,
        },
      ];
    }
  }
  let pipeline = flat(image.clone());
  const gray = wantGray || opened.channels === 1;
  if (gray) pipeline = pipeline.grayscale();
  // 4:4:4 (no chroma subsampling) keeps red seals (con dấu) and coloured ink sharp-edged.
  const data = await pipeline
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' })
    .withMetadata({ density: dpi })
    .toBuffer();
  return [
    {
      kind: 'jpeg',
      data,
      pdfPage: null,
      width,
      height,
      dpi,
      components: gray ? 1 : 3,
      inkCoverage: coverage,
      blank,
      skew,
      thumb,
    },
  ];
}

/** A PDF from a hot folder: each page becomes a draft page that refers to the file. */
async function processPdf(page: ScannedPage): Promise<ProcessedPage[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(page.data, { ignoreEncryption: false, updateMetadata: false });
  } catch (error) {
    throw corrupt(page, `unreadable PDF: ${(error as Error).message}`);
  }
  const pages = doc.getPages();
  if (pages.length === 0) throw corrupt(page, 'PDF without pages');
  const out: ProcessedPage[] = [];
  for (let i = 0; i < pages.length; i++) {
    const { width, height } = pages[i]!.getSize();
    out.push({
      kind: 'pdf',
      data: page.data,
      pdfPage: i,
      width: Math.round(width),
      height: Math.round(height),
      dpi: 72,
      components: 3,
      // Rasterising a PDF needs a renderer this app does not ship: PDF pages are never flagged.
      inkCoverage: 1,
      blank: false,
      skew: 0,
      thumb: await pdfPlaceholder(i + 1, pages.length, page.origin ?? 'PDF'),
    });
  }
  return out;
}

async function pdfPlaceholder(n: number, total: number, name: string): Promise<Buffer> {
  const esc = (s: string) =>
    s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="340"><rect width="240" height="340" fill="#fff" stroke="#999"/><text x="120" y="150" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#b3261e">PDF</text><text x="120" y="190" font-family="sans-serif" font-size="16" text-anchor="middle">${n}/${total}</text><text x="120" y="220" font-family="sans-serif" font-size="11" text-anchor="middle">${esc(name.slice(0, 34))}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

/** Screen-sized preview of a stored draft page (the clerk checks legibility before saving). */
export async function previewOf(
  kind: 'jpeg' | 'bilevel' | 'pdf',
  data: Buffer,
  width: number,
  height: number,
): Promise<Buffer> {
  if (kind === 'pdf') return data; // caller falls back to the thumbnail
  const input =
    kind === 'jpeg'
      ? sharp(data)
      : sharp(bilevelToGray(data, width, height), { raw: { width, height, channels: 1 } });
  return input
    .resize({ width: Math.min(1200, width) })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export function bilevelToGray(deflated: Buffer, width: number, height: number): Uint8Array {
  const packed = inflateSync(deflated);
  // Stored 1 = white (PDF order); unpackBitmap expects P4 order (1 = black).
  return unpackBitmap(
    Uint8Array.from(packed, (b) => ~b & 0xff),
    width,
    height,
  );
}
