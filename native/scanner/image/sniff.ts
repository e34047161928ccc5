/** What a file really is, by its first bytes (never by its name: a scanner may name it anything). */
import type { PageFormat } from '../types';

export function sniffFormat(head: Uint8Array): PageFormat | null {
  const b = (i: number) => head[i];
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) return 'tiff';
  if (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a) return 'tiff';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d)
    return 'pdf';
  if (b(0) === 0x50 && (b(1) === 0x34 || b(1) === 0x35 || b(1) === 0x36)) return 'pnm';
  return null;
}

/** JPEG SOF header: dimensions and components, which a PDF image dictionary must state. */
export function jpegInfo(
  data: Uint8Array,
): { width: number; height: number; components: number } | null {
  if (data[0] !== 0xff || data[1] !== 0xd8) return null;
  let pos = 2;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) return null;
    const marker = data[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const len = (data[pos + 2]! << 8) | data[pos + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (pos + 9 >= data.length) return null;
      return {
        height: (data[pos + 5]! << 8) | data[pos + 6]!,
        width: (data[pos + 7]! << 8) | data[pos + 8]!,
        components: data[pos + 9]!,
      };
    }
    if (marker === 0xda) return null; // scan data before any SOF: not a valid JPEG
    pos += 2 + len;
  }
  return null;
}
