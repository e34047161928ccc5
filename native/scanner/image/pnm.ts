/**
 * Netpbm (P4 bitmap, P5 greymap, P6 pixmap) as `scanimage --format=pnm` writes it: the fastest
 * format SANE can hand over (no compression), and one libvips' npm build cannot read, hence this
 * small pure parser. Netpbm spec: header = magic, whitespace-separated width, height, [maxval],
 * `#` comments to end of line, then exactly one whitespace byte before the raster.
 */
export interface PnmImage {
  kind: 'bitmap' | 'gray' | 'rgb';
  width: number;
  height: number;
  /** 1 for P4; 255 or 65535 for P5/P6. */
  maxval: number;
  /** Bytes per sample: 1, or 2 when maxval > 255 (big-endian, as Netpbm stores them). */
  bytesPerSample: number;
  /** Offset of the raster in the buffer. */
  offset: number;
  /** Raster length in bytes (for P4, rows are padded to whole bytes). */
  length: number;
}

export type PnmResult = { ok: true; image: PnmImage } | { ok: false; reason: string };

const MAGIC = { P4: 'bitmap', P5: 'gray', P6: 'rgb' } as const;
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

export function parsePnm(data: Uint8Array): PnmResult {
  if (data.length < 3 || data[0] !== 0x50) return { ok: false, reason: 'not a PNM file' };
  const magic = `P${String.fromCharCode(data[1]!)}` as keyof typeof MAGIC;
  const kind = MAGIC[magic];
  if (!kind) return { ok: false, reason: `unsupported PNM type ${magic}` };
  let pos = 2;
  const fieldsWanted = kind === 'bitmap' ? 2 : 3;
  const fields: number[] = [];
  while (fields.length < fieldsWanted) {
    if (pos >= data.length) return { ok: false, reason: 'truncated header' };
    const b = data[pos]!;
    if (isSpace(b)) {
      pos++;
    } else if (b === 0x23) {
      while (pos < data.length && data[pos] !== 0x0a && data[pos] !== 0x0d) pos++;
    } else if (b >= 0x30 && b <= 0x39) {
      let value = 0;
      while (pos < data.length && data[pos]! >= 0x30 && data[pos]! <= 0x39) {
        value = value * 10 + (data[pos]! - 0x30);
        if (value > 1_000_000) return { ok: false, reason: 'header number too large' };
        pos++;
      }
      fields.push(value);
    } else {
      return { ok: false, reason: 'garbage in header' };
    }
  }
  // Exactly one whitespace byte separates the header from the raster.
  if (pos >= data.length || !isSpace(data[pos]!)) return { ok: false, reason: 'truncated header' };
  pos++;
  const [width, height] = fields as [number, number];
  const maxval = kind === 'bitmap' ? 1 : fields[2]!;
  if (width < 1 || height < 1) return { ok: false, reason: 'empty image' };
  if (maxval < 1 || maxval > 65535) return { ok: false, reason: 'bad maxval' };
  const bytesPerSample = maxval > 255 ? 2 : 1;
  const channels = kind === 'rgb' ? 3 : 1;
  const length =
    kind === 'bitmap' ? Math.ceil(width / 8) * height : width * height * channels * bytesPerSample;
  // A short raster is what a device that died mid-page leaves behind.
  if (data.length - pos < length) return { ok: false, reason: 'truncated raster' };
  return { ok: true, image: { kind, width, height, maxval, bytesPerSample, offset: pos, length } };
}

/** The raster as 8-bit samples (16-bit scans are reduced; bitmaps are left packed). */
export function pnmRaster8(data: Uint8Array, image: PnmImage): Uint8Array {
  const raw = data.subarray(image.offset, image.offset + image.length);
  if (image.bytesPerSample === 1 && (image.maxval === 255 || image.kind === 'bitmap')) return raw;
  const samples = image.length / image.bytesPerSample;
  const out = new Uint8Array(samples);
  for (let i = 0; i < samples; i++) {
    const v = image.bytesPerSample === 2 ? (raw[2 * i]! << 8) | raw[2 * i + 1]! : raw[i]!;
    out[i] = Math.round((v * 255) / image.maxval);
  }
  return out;
}

/** P4 stores 1 = black; 8-bit grey is 0 = black. Expands packed bits to one byte per pixel. */
export function unpackBitmap(packed: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = (packed[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      out[y * width + x] = bit ? 0 : 255;
    }
  }
  return out;
}

/** Packs 8-bit grey into 1-bit rows (threshold 128), PDF DeviceGray order: 1 = white. */
export function packBitmap(gray: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x]! >= 128) out[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}
