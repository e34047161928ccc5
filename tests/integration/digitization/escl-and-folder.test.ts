import { readdirSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { call, receiveDossier, scanInto } from '../../support/digitization';
import { startEsclSimulator, type RunningSimulator } from '../../support/escl-simulator';
import { pdfImages, pdfInfo } from '../../support/pdf-tools';
import { openTestServices } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const sims: RunningSimulator[] = [];
afterEach(async () => {
  for (const s of sims.splice(0)) await s.close();
});
const SETTINGS = {
  source: 'feeder',
  duplex: false,
  dpi: 200,
  colorMode: 'color',
  deskew: false,
} as const;

describe('eSCL scanner into a dossier', () => {
  it('keeps the pages received before the scanner vanished; the clerk continues and files them all', async () => {
    const dataDir = tempDir();
    const { services, dispatcher } = openTestServices(dataDir);
    try {
      const code = await receiveDossier(dispatcher);
      const first = await startEsclSimulator({ sheets: 5, busyPolls: 1, disappearAfter: 2 });
      sims.push(first);
      const draft = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: { uri: `escl:${first.url}`, settings: SETTINGS },
      });
      expect(draft).toMatchObject({ state: 'failed', errorCode: 'SCANNER_GONE' });
      expect(draft.pages).toHaveLength(2);
      // The drafts survive a restart of the app too.
      services.close();
      const again = openTestServices(dataDir);
      const drafts = await call<{ id: string; pages: unknown[] }[]>(
        again.dispatcher,
        'digitization.listDrafts',
        { dossierCode: code },
      );
      expect(drafts.map((d) => [d.id, d.pages.length])).toEqual([[draft.id, 2]]);
      const back = await startEsclSimulator({ sheets: 3, busyPolls: 0 });
      sims.push(back);
      const resumed = await scanInto(again.services, again.dispatcher, {
        draftId: draft.id,
        device: { uri: `escl:${back.url}`, settings: SETTINGS },
      });
      expect(resumed).toMatchObject({ state: 'ready', errorCode: null });
      expect(resumed.pages.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5]);
      const doc = await call<{ pages: number; sourceDevice: string }>(
        again.dispatcher,
        'digitization.saveDocument',
        {
          draftId: draft.id,
          kind: 'component',
          componentType: 'to-khai-khai-sinh',
          title: 'Tờ khai đăng ký khai sinh',
        },
      );
      expect(doc.pages).toBe(5);
      const dir = join(dataDir, 'scans', '2026', '11', code);
      const images = pdfImages(join(dir, readdirSync(dir)[0]!));
      // Device JPEGs are embedded as they came (no re-encoding), at the resolution asked for.
      expect(images.map((i) => [i.enc, i.xPpi])).toEqual(Array(5).fill(['jpeg', 200]));
      again.services.close();
    } finally {
      services.close();
    }
  });

  it('stops at a corrupt image with SCAN_IMAGE_CORRUPT and keeps the good pages', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      const code = await receiveDossier(dispatcher);
      const sim = await startEsclSimulator({ sheets: 4, busyPolls: 0, corruptPage: 3 });
      sims.push(sim);
      const draft = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: { uri: `escl:${sim.url}`, settings: SETTINGS },
      });
      expect(draft).toMatchObject({ state: 'failed', errorCode: 'SCAN_IMAGE_CORRUPT' });
      expect(draft.pages).toHaveLength(2);
    } finally {
      services.close();
    }
  });
});

describe('hot folder into a dossier', () => {
  it('files an image and a two-page PDF from the folder as one 3-page document', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const { services, dispatcher } = openTestServices(dataDir);
    try {
      const code = await receiveDossier(dispatcher);
      await mkdir(folder, { recursive: true });
      const jpeg = await sharp({
        create: { width: 1654, height: 2339, channels: 3, background: '#fff' },
      })
        .composite([
          {
            input: Buffer.from(
              '<svg width="1654" height="2339"><rect x="150" y="200" width="1200" height="80" fill="#b3261e"/></svg>',
            ),
          },
        ])
        .jpeg()
        .withMetadata({ density: 200 })
        .toBuffer();
      await writeFile(join(folder, '0001.jpg'), jpeg);
      await copyFile(
        join(__dirname, '..', '..', 'fixtures', 'two-pages.pdf'),
        join(folder, '0002.pdf'),
      );
      const draft = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: { uri: `folder:${folder}`, settings: SETTINGS },
        maxPages: 2,
      });
      expect(draft.state).toBe('ready');
      expect(draft.pages.map((p) => [p.kind, p.dpi])).toEqual([
        ['jpeg', 200],
        ['pdf', 72],
        ['pdf', 72],
      ]);
      await call(dispatcher, 'digitization.saveDocument', {
        draftId: draft.id,
        kind: 'component',
        componentType: 'khac',
        title: 'Từ thư mục quét',
      });
      const dir = join(dataDir, 'scans', '2026', '11', code);
      const file = join(dir, readdirSync(dir)[0]!);
      expect(pdfInfo(file).Pages).toBe('3');
      expect(pdfImages(file)[0]).toMatchObject({ enc: 'jpeg', xPpi: 200 });
    } finally {
      services.close();
    }
  });
});
