/**
 * Running scans: one per draft, at most one per device. Pages are processed as they arrive
 * (the device feeds the next sheet meanwhile), written into the draft folder, recorded, and
 * announced with a `digitization.page` event so the UI shows thumbnails live. Whatever ends the scan —
 * the feeder running out, a jam, the scanner vanishing, the clerk pressing Stop, a full disk —
 * the pages received so far stay in the draft.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  DraftState,
  ScanDraftsRepository,
} from '../../../db/repositories/scan-drafts-repository';
import { driverFor, type DriverSet } from '../../../native/scanner/registry';
import type { ScanSettings } from '../../../native/scanner/types';
import { isErrorCode } from '../../api/errors';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { processScannedPage } from './page-processing';
import { DRAFTS_DIR, fsError, toStoredPath, writeDurably } from './scan-files';

export interface DraftSettings {
  source: 'flatbed' | 'feeder';
  duplex: boolean;
  dpi: number;
  colorMode: 'color' | 'gray' | 'bw';
  deskew: boolean;
}

export interface ScanSessionsDeps {
  dataDir: string;
  drafts: ScanDraftsRepository;
  drivers: DriverSet;
  events: EventBus;
  clock: Clock;
  /** Per-page patience of the device routes; hot folders wait this long for the next file. */
  pageTimeoutMs?: { device: number; folder: number };
  onInternalError?: (error: unknown) => void;
}

export interface ScanSessions {
  /** Throws synchronously for an unknown device scheme or a missing driver. */
  start(draftId: string, uri: string, settings: DraftSettings, maxPages?: number): void;
  cancel(draftId: string): boolean;
  isRunning(draftId: string): boolean;
  isDeviceBusy(uri: string): boolean;
  /** Resolves when the draft's scan has ended (immediately when none runs). */
  whenDone(draftId: string): Promise<void>;
  cancelAll(): Promise<void>;
}

const pad = (n: number) => String(n).padStart(4, '0');
const EXT = { jpeg: 'jpg', bilevel: 'g1z', pdf: 'pdf' } as const;

export function createScanSessions(deps: ScanSessionsDeps): ScanSessions {
  const running = new Map<
    string,
    { controller: AbortController; uri: string; done: Promise<void> }
  >();
  const timeouts = deps.pageTimeoutMs ?? { device: 120_000, folder: 60_000 };

  async function run(
    draftId: string,
    uri: string,
    settings: DraftSettings,
    signal: AbortSignal,
    maxPages?: number,
  ) {
    const driver = driverFor(deps.drivers, uri);
    const dir = join(deps.dataDir, DRAFTS_DIR, draftId);
    const scanSettings: ScanSettings = {
      source: settings.source,
      duplex: settings.duplex,
      dpi: settings.dpi,
      colorMode: settings.colorMode,
      pageTimeoutMs: driver.kind === 'folder' ? timeouts.folder : timeouts.device,
      ...(maxPages !== undefined ? { maxPages } : {}),
    };
    let state: DraftState = 'ready';
    let errorCode: string | null = null;
    try {
      await mkdir(dir, { recursive: true }).catch((e: unknown) => {
        throw fsError(e, { dir });
      });
      for await (const scanned of driver.scan(uri, scanSettings, signal)) {
        const processed = await processScannedPage(scanned, {
          colorMode: settings.colorMode,
          dpi: settings.dpi,
          deskew: settings.deskew,
        });
        let sharedPdf: string | null = null;
        for (const page of processed) {
          const seq = deps.drafts.nextSeq(draftId);
          let file: string | null = sharedPdf;
          if (file === null) {
            const written = await writeDurably(
              join(dir, `page-${pad(seq)}.${EXT[page.kind]}`),
              (write) => write(page.data),
            );
            file = toStoredPath(deps.dataDir, written.path);
            if (page.kind === 'pdf') sharedPdf = file;
          }
          const thumb = await writeDurably(join(dir, `thumb-${pad(seq)}.jpg`), (write) =>
            write(page.thumb),
          );
          const now = deps.clock.now();
          deps.drafts.addPage({
            draftId,
            seq,
            kind: page.kind,
            file,
            pdfPage: page.pdfPage,
            width: page.width,
            height: page.height,
            dpi: page.dpi,
            components: page.components,
            inkCoverage: page.inkCoverage,
            blank: page.blank ? 1 : 0,
            // Blank pages are flagged and left out by default; the clerk can keep them.
            keep: page.blank ? 0 : 1,
            rotation: 0,
            skew: page.skew,
            thumb: toStoredPath(deps.dataDir, thumb.path),
            createdAt: now,
          });
          deps.events.publish({
            type: 'digitization.page',
            at: now,
            draftId,
            seq,
            blank: page.blank,
          });
        }
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      errorCode = isErrorCode(code) ? code : 'INTERNAL';
      if (errorCode === 'INTERNAL') deps.onInternalError?.(error);
      state = errorCode === 'SCAN_CANCELLED' ? 'cancelled' : 'failed';
    }
    const now = deps.clock.now();
    deps.drafts.setState(draftId, state, errorCode, now);
    deps.events.publish({
      type: 'digitization.scanState',
      at: now,
      draftId,
      state,
      errorCode,
      pages: deps.drafts.pages(draftId).length,
    });
  }

  return {
    start(draftId, uri, settings, maxPages) {
      driverFor(deps.drivers, uri);
      const controller = new AbortController();
      const entry = {
        controller,
        uri,
        done: Promise.resolve()
          .then(() => run(draftId, uri, settings, controller.signal, maxPages))
          .catch((error: unknown) => deps.onInternalError?.(error))
          .finally(() => running.delete(draftId)),
      };
      running.set(draftId, entry);
    },
    cancel(draftId) {
      const entry = running.get(draftId);
      if (!entry) return false;
      entry.controller.abort();
      return true;
    },
    isRunning: (draftId) => running.has(draftId),
    isDeviceBusy: (uri) => [...running.values()].some((r) => r.uri === uri),
    whenDone: async (draftId) => {
      await running.get(draftId)?.done;
    },
    async cancelAll() {
      const all = [...running.values()];
      for (const r of all) r.controller.abort();
      await Promise.all(all.map((r) => r.done));
    },
  };
}
