import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  createHotFolderDriver,
  PROCESSED_DIR,
  REJECTED_DIR,
} from '../../../native/scanner/hot-folder/hot-folder-driver';
import type { ScannedPage, ScanSettings } from '../../../native/scanner/types';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const driver = createHotFolderDriver({ pollMs: 30, quietMs: 400 });
const SETTINGS: ScanSettings = {
  source: 'feeder',
  duplex: false,
  dpi: 300,
  colorMode: 'color',
  pageTimeoutMs: 1500,
};

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 800, channels: 3, background: '#ffffff' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="600" height="800"><rect x="60" y="60" width="400" height="40"/></svg>',
        ),
        top: 0,
        left: 0,
      },
    ])
    .jpeg()
    .withMetadata({ density: 300 })
    .toBuffer();
}

async function collect(dir: string, settings = SETTINGS, onPage?: (p: ScannedPage) => void) {
  const pages: ScannedPage[] = [];
  try {
    for await (const page of driver.scan(`folder:${dir}`, settings, new AbortController().signal)) {
      pages.push(page);
      onPage?.(page);
    }
    return { pages, error: null as null | { code: string; details?: Record<string, unknown> } };
  } catch (error) {
    return { pages, error: error as { code: string; details?: Record<string, unknown> } };
  }
}

describe('hot folder', () => {
  it('does not take a file a writer is still trickling in; takes it whole once it is quiet', async () => {
    const dir = tempDir();
    const bytes = await jpeg();
    let finishedAt = 0;
    // The scanner writes in 8 slices, 150 ms apart: always inside the 400 ms quiet period.
    const writer = (async () => {
      const handle = await open(join(dir, 'scan0001.jpg'), 'w');
      const step = Math.ceil(bytes.length / 8);
      for (let i = 0; i < bytes.length; i += step) {
        await handle.write(bytes.subarray(i, i + step));
        await new Promise((r) => setTimeout(r, 150));
      }
      await handle.close();
      finishedAt = Date.now();
    })();
    let takenAt = 0;
    const result = await collect(dir, { ...SETTINGS, maxPages: 1 }, () => (takenAt = Date.now()));
    await writer;
    expect(result.error).toBeNull();
    expect(result.pages).toHaveLength(1);
    expect(takenAt).toBeGreaterThanOrEqual(finishedAt);
    expect(result.pages[0]!.data.equals(bytes)).toBe(true);
    expect(readdirSync(join(dir, PROCESSED_DIR))).toHaveLength(1);
    expect(existsSync(join(dir, 'scan0001.jpg'))).toBe(false);
  });

  it('ignores a temporary name until the writer renames it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan0002.jpg.part'), await jpeg());
    const scanning = collect(dir, { ...SETTINGS, maxPages: 1 });
    // The part file is complete on disk but must not be taken before the rename.
    await new Promise((r) => setTimeout(r, 600));
    expect(readdirSync(dir)).toContain('scan0002.jpg.part');
    await rename(join(dir, 'scan0002.jpg.part'), join(dir, 'scan0002.jpg'));
    const { pages } = await scanning;
    expect(pages.map((p) => p.origin)).toEqual(['scan0002.jpg']);
  });

  it('takes images and PDFs in the order they were saved', async () => {
    const dir = tempDir();
    const pdf = readFileSync(join(__dirname, '..', '..', 'fixtures', 'two-pages.pdf'));
    await writeFile(join(dir, 'a.jpg'), await jpeg());
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(dir, 'b.pdf'), pdf);
    const { pages, error } = await collect(dir);
    expect(error).toBeNull();
    expect(pages.map((p) => [p.origin, p.format])).toEqual([
      ['a.jpg', 'jpeg'],
      ['b.pdf', 'pdf'],
    ]);
  });

  it('moves a file that is neither an image nor a PDF aside and reports it', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'a.jpg'), await jpeg());
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(dir, 'ghi-chu.docx'), 'PK\u0003\u0004 not an image');
    const { pages, error } = await collect(dir);
    expect(pages).toHaveLength(1);
    expect(error).toMatchObject({
      code: 'HOT_FOLDER_FILE_UNSUPPORTED',
      details: { file: 'ghi-chu.docx' },
    });
    expect(readdirSync(join(dir, REJECTED_DIR))[0]).toMatch(/ghi-chu\.docx$/);
  });

  it('times out with SCAN_TIMEOUT when nothing arrives, and SCANNER_GONE for a missing folder', async () => {
    const dir = tempDir();
    expect((await collect(dir, { ...SETTINGS, pageTimeoutMs: 300 })).error?.code).toBe(
      'SCAN_TIMEOUT',
    );
    expect((await collect(join(dir, 'khong-co'))).error?.code).toBe('SCANNER_GONE');
  });
});
