import fc from 'fast-check';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isTemporaryName, observe } from '../../../native/scanner/hot-folder/stability';
import {
  estimateSkewDegrees,
  inkCoverage,
  isBlank,
  type GrayImage,
} from '../../../native/scanner/image/page-analysis';
import { jpegInfo, sniffFormat } from '../../../native/scanner/image/sniff';
import {
  pdfDate,
  pdfTextString,
  PdfWriter,
  pixelsToPoints,
} from '../../../native/scanner/pdf/pdf-writer';

function build(pages: number): Buffer {
  const w = new PdfWriter();
  const chunks = [w.start()];
  for (let i = 0; i < pages; i++) {
    chunks.push(
      w.addPage({
        widthPx: 16,
        heightPx: 8,
        dpi: 200,
        image: {
          kind: 'flate',
          data: deflateSync(Buffer.alloc(16)),
          colorSpace: 'DeviceGray',
          bitsPerComponent: 1,
        },
      }),
    );
  }
  chunks.push(w.finish({ title: 'Giấy khai sinh', createdAt: Date.UTC(2026, 10, 24, 3, 0, 0) }));
  return Buffer.concat(chunks);
}

describe('PdfWriter', () => {
  it('writes a PDF 1.4 whose cross-reference table points at every object', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (n) => {
        const pdf = build(n);
        const text = pdf.toString('latin1');
        if (!text.startsWith('%PDF-1.4\n') || !text.endsWith('%%EOF\n')) return false;
        const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
        const xref = text.slice(startxref);
        const size = Number(/\/Size (\d+)/.exec(xref)![1]);
        const rows = xref.split('\n').slice(2, 2 + size);
        for (let id = 1; id < size; id++) {
          const offset = Number(rows[id]!.slice(0, 10));
          if (!text.startsWith(`${id} 0 obj`, offset)) return false;
        }
        return new RegExp(`/Count ${n} `).test(text) && size === 4 + 3 * n;
      }),
    );
  });

  it('sizes pages so images keep the scan resolution', () => {
    expect(pixelsToPoints(2480, 300)).toBe(595.2);
    expect(pixelsToPoints(1654, 200)).toBe(595.44);
    expect(pdfTextString('Giấy')).toBe('<FEFF004700691EA50079>');
    expect(pdfTextString('A (b)')).toBe('(A \\(b\\))');
    expect(pdfDate(Date.UTC(2026, 10, 24, 3, 0, 0))).toBe("D:20261124100000+07'00'");
    expect(() => new PdfWriter().finish()).toThrow();
  });
});

function page(width: number, height: number, draw: (x: number, y: number) => boolean): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (draw(x, y)) pixels[y * width + x] = 0;
  return { width, height, pixels };
}

describe('page analysis', () => {
  it('flags a white page, a page with only dark borders, and not a page with a line of text', () => {
    expect(isBlank(page(200, 280, () => false))).toBe(true);
    expect(isBlank(page(200, 280, (x, y) => x < 4 || y > 275))).toBe(true);
    const text = page(200, 280, (x, y) => y >= 50 && y < 54 && x > 30 && x < 170);
    expect(isBlank(text)).toBe(false);
    expect(inkCoverage(text)).toBeGreaterThan(0.005);
  });

  it.each([-3, -1.5, 0, 2, 4])('estimates a skew of %s° from text lines', (degrees) => {
    const a = (degrees * Math.PI) / 180;
    const image = page(300, 400, (x, y) => {
      // Lines of text every 25 px rising to the right by `degrees` (image y grows downwards).
      const yy = (x - 150) * Math.sin(a) + (y - 200) * Math.cos(a);
      return Math.abs(((yy % 25) + 25) % 25) < 2 && x > 30 && x < 270;
    });
    expect(Math.abs(estimateSkewDegrees(image) - degrees)).toBeLessThanOrEqual(0.5);
  });
});

describe('formats and hot-folder rules', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
    [[0x89, 0x50, 0x4e, 0x47], 'png'],
    [[0x49, 0x49, 0x2a, 0x00], 'tiff'],
    [[0x4d, 0x4d, 0x00, 0x2a], 'tiff'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
    [[0x50, 0x36, 0x0a], 'pnm'],
    [[0x50, 0x4b, 0x03, 0x04], null],
  ])('sniffs %j as %s', (bytes, format) => {
    expect(sniffFormat(Uint8Array.from(bytes))).toBe(format);
  });

  it('reads JPEG dimensions from the SOF marker', () => {
    const sof = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x20, 0x02,
      0x58, 0x03,
    ]);
    expect(jpegInfo(sof)).toEqual({ height: 800, width: 600, components: 3 });
    expect(jpegInfo(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        (b) => jpegInfo(b) === null || typeof jpegInfo(b)!.width === 'number',
      ),
    );
  });

  it.each([
    ['scan0001.pdf', false],
    ['scan0001.pdf.part', true],
    ['.scan0001.pdf', true],
    ['~$scan.pdf', true],
    ['scan.tmp', true],
    ['Scan.CRDOWNLOAD', true],
  ])('treats %s as temporary: %s', (name, temporary) => {
    expect(isTemporaryName(name)).toBe(temporary);
  });

  it('takes a file only after its size and time stayed the same for the quiet period', () => {
    const a = observe(undefined, { size: 10, mtimeMs: 1 }, 0, 2000);
    expect(a.complete).toBe(false);
    const b = observe(a.tracked, { size: 20, mtimeMs: 2 }, 1500, 2000);
    expect(b).toMatchObject({ complete: false, tracked: { since: 1500 } });
    expect(observe(b.tracked, { size: 20, mtimeMs: 2 }, 3000, 2000).complete).toBe(false);
    expect(observe(b.tracked, { size: 20, mtimeMs: 2 }, 3500, 2000).complete).toBe(true);
    expect(
      observe(
        observe(undefined, { size: 0, mtimeMs: 1 }, 0, 10).tracked,
        { size: 0, mtimeMs: 1 },
        100,
        10,
      ).complete,
    ).toBe(false);
  });
});
