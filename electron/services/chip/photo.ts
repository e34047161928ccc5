/**
 * The face image for the screen: JPEG goes through as is; JPEG 2000 (allowed by ICAO 9303-10 for
 * DG2, and not shown by Chromium) is decoded with OpenJPEG compiled to WebAssembly (shipped inside
 * the @cornerstonejs/codec-openjpeg package) and re-encoded as PNG.
 */
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import type { FaceImage } from '../../../native/cccd/chip/dg2';

export interface DisplayPhoto {
  mime: 'image/jpeg' | 'image/png';
  dataUrl: string;
  sourceFormat: 'jpeg' | 'jp2';
}

interface J2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number };
  getDecodedBuffer(): Uint8Array;
  delete?(): void;
}
interface OpenJpegModule {
  J2KDecoder: new () => J2KDecoder;
}

let codec: Promise<OpenJpegModule> | null = null;

function openJpeg(): Promise<OpenJpegModule> {
  if (!codec) {
    const require = createRequire(import.meta.url);
    const factory = require('@cornerstonejs/codec-openjpeg/decodewasmjs') as (
      args: object,
    ) => Promise<OpenJpegModule>;
    // OpenJPEG logs every header it reads; a desk app has no use for it.
    codec = factory({ print: () => undefined, printErr: () => undefined });
  }
  return codec;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** PNG (RFC 2083) of 8-bit grey or RGB pixels, filter 0 on every row. */
export function encodePng(
  width: number,
  height: number,
  channels: 1 | 3,
  pixels: Uint8Array,
): Buffer {
  const row = width * channels;
  const raw = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(pixels.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = channels === 3 ? 2 : 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function jp2ToPng(data: Uint8Array): Promise<Buffer> {
  const module = await openJpeg();
  const decoder = new module.J2KDecoder();
  try {
    decoder.getEncodedBuffer(data.length).set(data);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.bitsPerSample !== 8 || (info.componentCount !== 1 && info.componentCount !== 3)) {
      throw new Error(
        `unsupported JPEG 2000 layout ${info.componentCount}×${info.bitsPerSample} bit`,
      );
    }
    return encodePng(
      info.width,
      info.height,
      info.componentCount as 1 | 3,
      Buffer.from(decoder.getDecodedBuffer()),
    );
  } finally {
    decoder.delete?.();
  }
}

export async function displayPhoto(face: FaceImage): Promise<DisplayPhoto> {
  if (face.format === 'jpeg') {
    return {
      mime: 'image/jpeg',
      dataUrl: `data:image/jpeg;base64,${face.data.toString('base64')}`,
      sourceFormat: 'jpeg',
    };
  }
  const png = await jp2ToPng(face.data);
  return {
    mime: 'image/png',
    dataUrl: `data:image/png;base64,${png.toString('base64')}`,
    sourceFormat: 'jp2',
  };
}
