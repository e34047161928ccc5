import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  call,
  receiveDossier,
  scanInto,
  SETTINGS_300_COLOR_FEEDER,
  type DraftView,
} from '../../support/digitization';
import { pdfImages, pdfInfo } from '../../support/pdf-tools';
import { openTestServices, TEST_NOW, TEST_SCANNERS } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('SANE (real scanimage, test backend) through the pipeline into a dossier', () => {
  it('scans a feeder batch, files one PDF ≥ 1.4 at scanner resolution and counts its pages', async () => {
    const dataDir = tempDir();
    const { services, dispatcher } = openTestServices(dataDir);
    try {
      const code = await receiveDossier(dispatcher);
      const draft = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: { uri: 'sane:test', settings: SETTINGS_300_COLOR_FEEDER },
        maxPages: 3,
      });
      expect(draft.state).toBe('ready');
      expect(draft.pages.map((p) => p.seq)).toEqual([1, 2, 3]);
      expect(draft.keptPages).toBe(3);

      const doc = await call<{ id: number; pages: number; sha256: string; dpi: number }>(
        dispatcher,
        'digitization.saveDocument',
        {
          draftId: draft.id,
          kind: 'component',
          componentType: 'giay-chung-sinh',
          title: 'Giấy chứng sinh',
        },
      );
      expect(doc).toMatchObject({ pages: 3, dpi: 300 });

      const dir = join(dataDir, 'scans', '2026', '11', code);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const pdf = join(dir, files[0]!);
      const info = pdfInfo(pdf);
      expect(info.Pages).toBe('3');
      expect(Number(info['PDF version'])).toBeGreaterThanOrEqual(1.4);
      expect(info.Title).toBe('Giấy chứng sinh');
      const images = pdfImages(pdf);
      expect(images).toHaveLength(3);
      for (const image of images) {
        expect(image).toMatchObject({ color: 'rgb', enc: 'jpeg', xPpi: 300, yPpi: 300 });
      }
      // The draft is gone once filed, files and rows alike.
      expect(existsSync(join(dataDir, 'scans', '.drafts', draft.id))).toBe(false);
      await expect(
        call(dispatcher, 'digitization.getDraft', { draftId: draft.id }),
      ).rejects.toMatchObject({
        code: 'SCAN_DRAFT_NOT_FOUND',
      });
      const summary = await call<{ totals: Record<string, number> }>(
        dispatcher,
        'digitization.summary',
        {
          from: '2026-11-24',
          to: '2026-11-24',
        },
      );
      expect(summary.totals).toMatchObject({
        componentDocuments: 1,
        componentPages: 3,
        received: 1,
        receivedWithComponents: 1,
      });
    } finally {
      services.close();
    }
  });

  it('ends a feeder batch when the feeder runs out (the test backend holds 10 sheets)', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      const code = await receiveDossier(dispatcher);
      const draft = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: {
          uri: 'sane:test',
          settings: { ...SETTINGS_300_COLOR_FEEDER, dpi: 200, colorMode: 'gray' },
        },
      });
      expect(draft).toMatchObject({ state: 'ready', errorCode: null });
      expect(draft.pages).toHaveLength(10);
    } finally {
      services.close();
    }
  });

  it('flags blank pages instead of dropping them, and leaves them out of the count unless kept', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      const code = await receiveDossier(dispatcher);
      const draft = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: {
          uri: 'sane:test?test-picture=Solid%20white',
          settings: { ...SETTINGS_300_COLOR_FEEDER, dpi: 200 },
        },
        maxPages: 2,
      });
      expect(draft.pages.map((p) => [p.blank, p.keep])).toEqual([
        [true, false],
        [true, false],
      ]);
      await expect(
        call(dispatcher, 'digitization.saveDocument', {
          draftId: draft.id,
          kind: 'component',
          componentType: 'khac',
          title: 'Trắng',
        }),
      ).rejects.toMatchObject({ code: 'SCAN_NO_PAGES' });
      const kept = await call<DraftView>(dispatcher, 'digitization.updatePage', {
        draftId: draft.id,
        seq: 2,
        keep: true,
        rotation: 90,
      });
      expect(kept.keptPages).toBe(1);
      const doc = await call<{ pages: number; blankPagesLeftOut: number }>(
        dispatcher,
        'digitization.saveDocument',
        {
          draftId: draft.id,
          kind: 'component',
          componentType: 'khac',
          title: 'Trang trắng giữ lại',
        },
      );
      expect(doc).toMatchObject({ pages: 1, blankPagesLeftOut: 1 });
    } finally {
      services.close();
    }
  });

  it('files bilevel pages losslessly (1-bit Flate) and grey pages as grey JPEG', async () => {
    const dataDir = tempDir();
    const { services, dispatcher } = openTestServices(dataDir);
    try {
      const code = await receiveDossier(dispatcher);
      for (const colorMode of ['bw', 'gray'] as const) {
        const draft = await scanInto(services, dispatcher, {
          dossierCode: code,
          device: {
            uri: 'sane:test?test-picture=Grid',
            settings: { ...SETTINGS_300_COLOR_FEEDER, dpi: 200, colorMode },
          },
          maxPages: 1,
        });
        await call(dispatcher, 'digitization.saveDocument', {
          draftId: draft.id,
          kind: 'result',
          componentType: 'giay-khai-sinh',
          title: colorMode,
        });
      }
      const dir = join(dataDir, 'scans', '2026', '11', code);
      const byTitle = new Map(
        readdirSync(dir).map((f) => [pdfInfo(join(dir, f)).Title, pdfImages(join(dir, f))[0]!]),
      );
      const [bw, gray] = [byTitle.get('bw'), byTitle.get('gray')];
      expect(bw).toMatchObject({ color: 'gray', bpc: 1, enc: 'image', xPpi: 200 });
      expect(gray).toMatchObject({ color: 'gray', bpc: 8, enc: 'jpeg', xPpi: 200 });
      const summary = await call<{ totals: Record<string, number> }>(
        dispatcher,
        'digitization.summary',
        { from: '2026-11-01', to: '2026-11-30' },
      );
      expect(summary.totals).toMatchObject({ resultDocuments: 2, resultPages: 2 });
    } finally {
      services.close();
    }
  });

  it('keeps the pages of a cancelled scan as a draft the clerk can finish', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      const code = await receiveDossier(dispatcher);
      // A slow device: each buffer is delayed, so the scan is still running when Stop is pressed.
      const uri = 'sane:test?read-delay=yes&read-delay-duration=2000';
      const started = await call<DraftView>(dispatcher, 'digitization.startScan', {
        dossierCode: code,
        device: { uri, settings: { ...SETTINGS_300_COLOR_FEEDER, dpi: 200 } },
      });
      const firstPage = new Promise<void>((resolve) => {
        const off = services.events.subscribe((e) => {
          if (
            (e.type === 'digitization.page' || e.type === 'digitization.scanState') &&
            e.draftId === started.id
          ) {
            off();
            resolve();
          }
        });
      });
      await firstPage;
      await call(dispatcher, 'digitization.cancelScan', { draftId: started.id });
      const draft = (await services.digitization.whenDone(started.id)) as DraftView;
      expect(draft).toMatchObject({ state: 'cancelled', errorCode: 'SCAN_CANCELLED' });
      expect(draft.pages.length).toBeGreaterThanOrEqual(1);
      expect(draft.pages.length).toBeLessThan(10);
      const doc = await call<{ pages: number }>(dispatcher, 'digitization.saveDocument', {
        draftId: draft.id,
        kind: 'component',
        componentType: 'khac',
        title: 'Một phần',
      });
      expect(doc.pages).toBe(draft.pages.length);
    } finally {
      services.close();
    }
  });

  it('reports a jam, an open cover, an empty feeder and an unknown device with their codes', async () => {
    // The test backend, asked to fail, now and then never exits (seen with plain scanimage under
    // load, and always with SANE_STATUS_DEVICE_BUSY in ~1 of 20 runs). Our driver then kills it
    // at the page timeout (SCAN_TIMEOUT, the product's answer to a silent device); here a short
    // timeout and a second try keep the assertion about the status the backend did report.
    const { services, dispatcher } = openTestServices(tempDir(), TEST_NOW, {
      ...TEST_SCANNERS,
      pageTimeoutMs: { device: 4000, folder: 3000 },
    });
    try {
      const code = await receiveDossier(dispatcher);
      const settings = { ...SETTINGS_300_COLOR_FEEDER, dpi: 200 };
      const cases: [string, string][] = [
        ['sane:test?read-return-value=SANE_STATUS_JAMMED', 'PAPER_JAM'],
        ['sane:test?read-return-value=SANE_STATUS_COVER_OPEN', 'COVER_OPEN'],
        ['sane:test?read-return-value=SANE_STATUS_NO_DOCS', 'FEEDER_EMPTY'],
      ];
      for (const [uri, expected] of cases) {
        let draft = await scanInto(services, dispatcher, {
          dossierCode: code,
          device: { uri, settings },
        });
        // Up to two more tries: a loaded CI machine can push a hung backend past a second timeout.
        for (let retry = 0; retry < 2 && draft.errorCode === 'SCAN_TIMEOUT'; retry++) {
          draft = await scanInto(services, dispatcher, {
            dossierCode: code,
            device: { uri, settings },
          });
        }
        expect(draft, uri).toMatchObject({ state: 'failed', errorCode: expected });
      }
      const gone = await scanInto(services, dispatcher, {
        dossierCode: code,
        device: { uri: 'sane:nonexistent:0', settings },
      });
      expect(gone).toMatchObject({ state: 'failed', errorCode: 'SCANNER_GONE' });
    } finally {
      services.close();
    }
  }, 90_000);
});
