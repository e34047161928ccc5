import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packBitmap, parsePnm, pnmRaster8, unpackBitmap } from '../../../native/scanner/image/pnm';

const enc = (s: string) => Buffer.from(s, 'latin1');

describe('parsePnm', () => {
  it.each([
    ['P6\n2 1\n255\n', 'rgb', 2, 1, 255, 6],
    ['P5\n# SANE data follows\n3 2\n255\n', 'gray', 3, 2, 255, 6],
    ['P4\n9 2\n', 'bitmap', 9, 2, 1, 4],
    ['P5 1 1 65535\n', 'gray', 1, 1, 65535, 2],
  ] as const)('reads the header of %j', (header, kind, width, height, maxval, length) => {
    const data = Buffer.concat([enc(header), Buffer.alloc(length, 7)]);
    const result = parsePnm(data);
    expect(result).toMatchObject({
      ok: true,
      image: { kind, width, height, maxval, length, offset: header.length },
    });
  });

  it.each([
    ['', 'not a PNM file'],
    ['P3\n1 1\n255\n0 0 0', 'unsupported PNM type P3'],
    ['P6\n2 2\n255\n\x00\x00', 'truncated raster'],
    ['P6\n2', 'truncated header'],
    ['P6\n0 2\n255\n', 'empty image'],
    ['P6\nx 2\n255\n', 'garbage in header'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parsePnm(enc(text))).toEqual({ ok: false, reason });
  });

  it('reduces 16-bit samples to 8 bits (big-endian, as Netpbm stores them)', () => {
    const data = Buffer.concat([enc('P5\n2 1\n65535\n'), Buffer.from([0xff, 0xff, 0x80, 0x00])]);
    const parsed = parsePnm(data);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect([...pnmRaster8(data, parsed.image)]).toEqual([255, 128]);
  });

  it('round-trips any raster with any comment, and never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('P5', 'P6'),
        fc.stringMatching(/^[a-z ]{0,20}$/),
        (w, h, magic, comment) => {
          const channels = magic === 'P6' ? 3 : 1;
          const raster = Buffer.alloc(w * h * channels, 9);
          const data = Buffer.concat([enc(`${magic}\n# ${comment}\n${w} ${h}\n255\n`), raster]);
          const parsed = parsePnm(data);
          return (
            parsed.ok &&
            parsed.image.width === w &&
            parsed.image.height === h &&
            parsed.image.length === raster.length
          );
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        (bytes) => typeof parsePnm(bytes).ok === 'boolean',
      ),
    );
  });

  it('packs and unpacks bilevel rows (P4: 1 = black; PDF grey: 1 = white)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(fc.boolean()),
        (w, h, bits) => {
          const gray = Uint8Array.from({ length: w * h }, () => (bits.next().value ? 255 : 0));
          const packedWhiteIsOne = packBitmap(gray, w, h);
          const p4 = packedWhiteIsOne.map((b) => ~b & 0xff);
          // Padding bits of each row are "black" after inversion but never read back.
          return Buffer.from(unpackBitmap(p4, w, h)).equals(Buffer.from(gray));
        },
      ),
    );
  });
});
