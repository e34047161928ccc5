/**
 * Pure measurements on a small greyscale copy of a page (the pipeline makes it at ~50 dpi).
 * Blank pages are *flagged*, never dropped (NAPS2 #440: users want to see what was left out);
 * the thresholds below are close to NAPS2's defaults (white 70 %, coverage 0.15 %).
 */
export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  pixels: Uint8Array;
}

export interface BlankOptions {
  /** A pixel darker than this counts as ink. */
  darkBelow: number;
  /** Fraction of each edge ignored: scanner lids and feeders leave dark borders. */
  margin: number;
  /** A page whose ink coverage is below this fraction is flagged as blank. */
  maxCoverage: number;
}

export const DEFAULT_BLANK_OPTIONS: BlankOptions = {
  darkBelow: 180,
  margin: 0.05,
  maxCoverage: 0.0015,
};

/** Fraction (0..1) of pixels inside the margins that are ink. */
export function inkCoverage(
  image: GrayImage,
  options: BlankOptions = DEFAULT_BLANK_OPTIONS,
): number {
  const mx = Math.floor(image.width * options.margin);
  const my = Math.floor(image.height * options.margin);
  let dark = 0;
  let total = 0;
  for (let y = my; y < image.height - my; y++) {
    const row = y * image.width;
    for (let x = mx; x < image.width - mx; x++) {
      total++;
      if (image.pixels[row + x]! < options.darkBelow) dark++;
    }
  }
  return total === 0 ? 0 : dark / total;
}

export function isBlank(image: GrayImage, options: BlankOptions = DEFAULT_BLANK_OPTIONS): boolean {
  return inkCoverage(image, options) < options.maxCoverage;
}

/**
 * Skew angle in degrees (positive = text rises to the right), by the projection-profile method:
 * the rotation at which the row sums of ink pixels are most peaked (text lines line up). Searches
 * ±maxDegrees in `step` increments; returns 0 for pages with too little ink to tell.
 */
export function estimateSkewDegrees(
  image: GrayImage,
  maxDegrees = 5,
  step = 0.25,
  darkBelow = 128,
): number {
  const points: [number, number][] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x]! < darkBelow) points.push([x, y]);
    }
  }
  if (points.length < 50) return 0;
  const cx = image.width / 2;
  const cy = image.height / 2;
  const rows = image.height * 2;
  let best = 0;
  let bestScore = -1;
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += step) {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    const hist = new Float64Array(rows);
    for (const [x, y] of points) {
      // y' of the point after rotating the page by −deg (undoing a skew of +deg).
      const r = Math.round((x - cx) * sin + (y - cy) * cos + image.height);
      if (r >= 0 && r < rows) hist[r]!++;
    }
    let score = 0;
    for (let i = 0; i < rows; i++) score += hist[i]! * hist[i]!;
    if (
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) < 1e-9 && Math.abs(deg) < Math.abs(best))
    ) {
      bestScore = score;
      best = deg;
    }
  }
  return Math.round(best * 100) / 100;
}

/**
 * Box-average downsampling of an 8-bit raster (1 or 3 channels) by an integer factor, keeping
 * its channels: one linear pass over the bytes the scanner sent, cheaper than a libvips pipeline
 * over a 300 dpi colour page. Averaging (not point sampling) keeps one-pixel pen strokes visible
 * to the blank-page check. The result feeds both the analysis (as grey) and the thumbnail.
 */
export function downsampleBoxes(
  raster: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3,
  factor: number,
): { width: number; height: number; channels: 1 | 3; pixels: Uint8Array } {
  const f = Math.max(1, Math.floor(factor));
  const w = Math.max(1, Math.floor(width / f));
  const h = Math.max(1, Math.floor(height / f));
  const sums = new Uint32Array(w * channels);
  const pixels = new Uint8Array(w * h * channels);
  const area = f * f;
  const usedWidth = w * f;
  for (let by = 0; by < h; by++) {
    sums.fill(0);
    for (let y = by * f, yEnd = by * f + f; y < yEnd; y++) {
      let i = y * width * channels;
      if (channels === 1) {
        for (let x = 0; x < usedWidth; x++) sums[(x / f) | 0]! += raster[i++]!;
      } else {
        for (let x = 0; x < usedWidth; x++) {
          const o = ((x / f) | 0) * 3;
          sums[o]! += raster[i++]!;
          sums[o + 1]! += raster[i++]!;
          sums[o + 2]! += raster[i++]!;
        }
      }
    }
    const row = by * w * channels;
    for (let k = 0; k < w * channels; k++) pixels[row + k] = Math.round(sums[k]! / area);
  }
  return { width: w, height: h, channels, pixels };
}

/** Rec. 601 luma of a small RGB image (or the image itself when already grey). */
export function toGray(image: {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
}): GrayImage {
  if (image.channels === 1)
    return { width: image.width, height: image.height, pixels: image.pixels };
  const out = new Uint8Array(image.width * image.height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    out[i] = Math.round(
      0.299 * image.pixels[j]! + 0.587 * image.pixels[j + 1]! + 0.114 * image.pixels[j + 2]!,
    );
  }
  return { width: image.width, height: image.height, pixels: out };
}
