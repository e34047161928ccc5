import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkewDegrees } from '../../../native/scanner/image/page-analysis';
import { processScannedPage } from '../../../electron/services/digitization/page-processing';

/** An A5-ish page at 150 dpi with lines of "text" rising to the right by `degrees`. */
async function skewedPage(degrees: number): Promise<Buffer> {
  const lines = Array.from(
    { length: 14 },
    (_, i) => `<rect x="120" y="${150 + i * 60}" width="640" height="14" fill="#111"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="874" height="1240"><rect width="100%" height="100%" fill="#fff"/><g transform="rotate(${-degrees} 437 620)">${lines}</g></svg>`;
  return sharp(Buffer.from(svg)).jpeg().withMetadata({ density: 150 }).toBuffer();
}

describe('page processing (sharp)', () => {
  it('straightens a skewed page when deskew is on, and leaves it as scanned when off', async () => {
    const data = await skewedPage(3);
    const [straight] = await processScannedPage(
      { index: 0, format: 'jpeg', data, dpi: 150, colorMode: 'gray' },
      { colorMode: 'gray', dpi: 150, deskew: true },
    );
    expect(straight!.skew).toBeGreaterThan(2.4);
    const { data: gray, info } = await sharp(straight!.data)
      .grayscale()
      .resize({ width: 300 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(
      Math.abs(estimateSkewDegrees({ width: info.width, height: info.height, pixels: gray })),
    ).toBeLessThanOrEqual(0.5);
    const [asIs] = await processScannedPage(
      { index: 0, format: 'jpeg', data, dpi: 150, colorMode: 'gray' },
      { colorMode: 'gray', dpi: 150, deskew: false },
    );
    expect(asIs!.skew).toBe(0);
    expect([asIs!.width, asIs!.height]).toEqual([874, 1240]);
  });

  it('takes the resolution from the file when the device does not say (hot folder)', async () => {
    const [page] = await processScannedPage(
      { index: 0, format: 'jpeg', data: await skewedPage(0), dpi: 0, colorMode: 'color' },
      { colorMode: 'color', dpi: 300, deskew: false },
    );
    expect(page!.dpi).toBe(150);
  });

  it('reports a truncated JPEG or PNM as SCAN_IMAGE_CORRUPT', async () => {
    const data = await skewedPage(0);
    await expect(
      processScannedPage(
        {
          index: 4,
          format: 'jpeg',
          data: data.subarray(0, data.length / 2),
          dpi: 150,
          colorMode: 'color',
        },
        { colorMode: 'color', dpi: 150, deskew: false },
      ),
    ).rejects.toMatchObject({ code: 'SCAN_IMAGE_CORRUPT', details: { page: 5 } });
    await expect(
      processScannedPage(
        {
          index: 0,
          format: 'pnm',
          data: Buffer.from('P6\n100 100\n255\n\x00\x00'),
          dpi: 150,
          colorMode: 'color',
        },
        { colorMode: 'color', dpi: 150, deskew: false },
      ),
    ).rejects.toMatchObject({ code: 'SCAN_IMAGE_CORRUPT' });
  });
});
