/**
 * The digitization service: drafts (scan, review, save or discard) and filing. Saving follows
 * DESIGN.md's order — the PDF is written and fsynced under its final name first, then the
 * document row and its log entry are committed in one transaction, then the draft is removed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  DigitizationRepository,
  DocumentKind,
  DocumentRow,
} from '../../../db/repositories/digitization-repository';
import type { DossiersRepository } from '../../../db/repositories/dossiers-repository';
import type { ScanDraftsRepository } from '../../../db/repositories/scan-drafts-repository';
import type { DocumentScannerProfilesRepository } from '../../../db/repositories/document-scanner-profiles-repository';
import type { ScanDraft } from '../../api/calls/digitization';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnClock, vnDay } from '../shared/vn-time';
import { fileSlug } from './component-types';
import { assemblePdf } from './pdf-assembly';
import {
  dossierScanDir,
  DRAFTS_DIR,
  fromStoredPath,
  sha256OfFile,
  toStoredPath,
} from './scan-files';
import type { DraftSettings, ScanSessions } from './scan-sessions';
import { draftView } from './views';

export interface DigitizationDeps {
  dataDir: string;
  documents: DigitizationRepository;
  drafts: ScanDraftsRepository;
  dossiers: DossiersRepository;
  profiles: DocumentScannerProfilesRepository;
  sessions: ScanSessions;
  events: EventBus;
  audit: AuditService;
  clock: Clock;
  actor: string;
}

export interface StartScanRequest {
  dossierCode?: string | undefined;
  draftId?: string | undefined;
  profileId?: number | undefined;
  device?: { uri: string; settings: DraftSettings } | undefined;
  maxPages?: number | undefined;
}

export interface SaveRequest {
  draftId: string;
  kind: DocumentKind;
  componentType: string;
  title: string;
}

function stamp(at: number): string {
  return vnClock(at).replace(/[-:]/g, '').replace('T', '-').replace('.', '');
}

export function createDigitizationService(deps: DigitizationDeps) {
  const view = (id: string): ScanDraft => {
    const row = deps.drafts.get(id);
    if (!row) throw new AppError('SCAN_DRAFT_NOT_FOUND', { draftId: id });
    return draftView(row, deps.drafts.pages(id));
  };

  const requireIdle = (id: string) => {
    if (!deps.drafts.get(id)) throw new AppError('SCAN_DRAFT_NOT_FOUND', { draftId: id });
    if (deps.sessions.isRunning(id)) throw new AppError('SCAN_IN_PROGRESS', { draftId: id });
  };

  function resolveDevice(
    req: StartScanRequest,
    existing: { uri: string; settings: DraftSettings } | null,
  ) {
    if (req.device) return req.device;
    if (req.profileId !== undefined) {
      const p = deps.profiles.get(req.profileId);
      if (!p) throw new AppError('SCANNER_PROFILE_NOT_FOUND', { profileId: req.profileId });
      return {
        uri: p.deviceUri,
        settings: {
          source: p.source,
          duplex: p.duplex,
          dpi: p.dpi,
          colorMode: p.colorMode,
          deskew: p.deskew,
        },
      };
    }
    if (existing) return existing;
    const fallback = deps.profiles.list()[0];
    if (!fallback) throw new AppError('SCANNER_PROFILE_NOT_FOUND');
    return {
      uri: fallback.deviceUri,
      settings: {
        source: fallback.source,
        duplex: fallback.duplex,
        dpi: fallback.dpi,
        colorMode: fallback.colorMode,
        deskew: fallback.deskew,
      },
    };
  }

  function startScan(req: StartScanRequest): ScanDraft {
    const now = deps.clock.now();
    let id = req.draftId;
    if (id) {
      requireIdle(id);
      const row = deps.drafts.get(id)!;
      const device = resolveDevice(req, {
        uri: row.deviceUri,
        settings: JSON.parse(row.settings) as DraftSettings,
      });
      if (deps.sessions.isDeviceBusy(device.uri))
        throw new AppError('SCANNER_BUSY', { uri: device.uri });
      deps.sessions.start(id, device.uri, device.settings, req.maxPages);
      deps.drafts.setSettings(id, device.uri, JSON.stringify(device.settings), now);
      deps.drafts.setState(id, 'scanning', null, now);
    } else {
      if (req.dossierCode !== undefined && !deps.dossiers.get(req.dossierCode)) {
        throw new AppError('DOSSIER_NOT_FOUND', { dossierCode: req.dossierCode });
      }
      const device = resolveDevice(req, null);
      if (deps.sessions.isDeviceBusy(device.uri))
        throw new AppError('SCANNER_BUSY', { uri: device.uri });
      id = randomUUID();
      deps.drafts.create({
        id,
        dossierCode: req.dossierCode ?? null,
        deviceUri: device.uri,
        settings: JSON.stringify(device.settings),
        state: 'scanning',
        errorCode: null,
        createdAt: now,
        updatedAt: now,
      });
      try {
        deps.sessions.start(id, device.uri, device.settings, req.maxPages);
      } catch (error) {
        deps.drafts.remove(id);
        throw error;
      }
    }
    deps.events.publish({
      type: 'digitization.scanState',
      at: now,
      draftId: id,
      state: 'scanning',
      errorCode: null,
      pages: deps.drafts.pages(id).length,
    });
    return view(id);
  }

  async function discardDraft(id: string): Promise<void> {
    requireIdle(id);
    deps.drafts.remove(id);
    await rm(join(deps.dataDir, DRAFTS_DIR, id), { recursive: true, force: true });
  }

  async function keptPages(id: string) {
    const pages = deps.drafts.pages(id).filter((p) => p.keep === 1);
    if (pages.length === 0) throw new AppError('SCAN_NO_PAGES', { draftId: id });
    for (const page of pages) {
      try {
        await stat(fromStoredPath(deps.dataDir, page.file));
      } catch {
        throw new AppError('SCAN_FILE_MISSING', { file: page.file });
      }
    }
    return pages;
  }

  async function saveDocument(req: SaveRequest): Promise<DocumentRow> {
    requireIdle(req.draftId);
    const draft = deps.drafts.get(req.draftId)!;
    const dossier = draft.dossierCode ? deps.dossiers.get(draft.dossierCode) : undefined;
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { dossierCode: draft.dossierCode });
    const pages = await keptPages(req.draftId);
    const all = deps.drafts.pages(req.draftId);
    const settings = JSON.parse(draft.settings) as DraftSettings;
    const now = deps.clock.now();
    const day = vnDay(now);
    const dir = dossierScanDir(deps.dataDir, day, dossier.code);
    const base = `${stamp(now)}-${req.kind === 'component' ? 'tp' : 'kq'}-${fileSlug(req.componentType)}`;
    // Two saves in the same millisecond get -2, -3, … (writeDurably never replaces a file).
    let name = `${base}.pdf`;
    for (let n = 2; existsSync(join(dir, name)); n++) name = `${base}-${n}.pdf`;
    const file = await assemblePdf(deps.dataDir, pages, join(dir, name), {
      title: req.title,
      createdAt: now,
    });
    let id: number;
    try {
      id = deps.documents.record(
        {
          dossierCode: dossier.code,
          kind: req.kind,
          componentType: req.componentType,
          title: req.title,
          file: toStoredPath(deps.dataDir, file.path),
          sha256: file.sha256,
          bytes: file.bytes,
          pages: pages.length,
          blankPagesLeftOut: all.filter((p) => p.blank === 1 && p.keep === 0).length,
          dpi: Math.min(...pages.map((p) => p.dpi)),
          colorMode: settings.colorMode,
          sourceDevice: draft.deviceUri,
          reusedFrom: null,
          createdAt: now,
          createdDay: day,
          createdBy: deps.actor,
        },
        {
          procedureKey: dossier.procedureKey,
          event: req.kind === 'component' ? 'component_digitized' : 'result_digitized',
          actor: deps.actor,
        },
      );
    } catch (error) {
      // The row never landed: take the file back so nothing points nowhere and nothing is orphaned.
      await rm(file.path, { force: true });
      throw error;
    }
    await discardDraft(req.draftId);
    deps.audit.record('digitization.save', dossier.code, {
      documentId: id,
      kind: req.kind,
      pages: pages.length,
    });
    deps.events.publish({
      type: 'digitization.recorded',
      at: now,
      dossierCode: dossier.code,
      documentId: id,
      kind: req.kind,
    });
    return deps.documents.document(id)!;
  }

  /** The CLI's `scan --out DIR`: the draft's kept pages as a PDF outside the office's records. */
  async function exportDraftPdf(id: string, outPath: string) {
    requireIdle(id);
    return assemblePdf(deps.dataDir, await keptPages(id), outPath, {
      title: 'Mot Cua Desk scan',
      createdAt: deps.clock.now(),
    });
  }

  /** Reads a document's file and checks it is the one that was filed. */
  async function readVerified(doc: DocumentRow): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(fromStoredPath(deps.dataDir, doc.file));
    } catch {
      throw new AppError('SCAN_FILE_MISSING', { documentId: doc.id });
    }
    const { sha256 } = await sha256OfFile(fromStoredPath(deps.dataDir, doc.file));
    if (sha256 !== doc.sha256)
      throw new AppError('SCAN_FILE_MISSING', { documentId: doc.id, reason: 'sha256' });
    return bytes;
  }

  return {
    view,
    startScan,
    cancelScan(id: string): ScanDraft {
      view(id);
      deps.sessions.cancel(id);
      return view(id);
    },
    async whenDone(id: string): Promise<ScanDraft> {
      await deps.sessions.whenDone(id);
      return view(id);
    },
    discardDraft,
    saveDocument,
    exportDraftPdf,
    readVerified,
    updatePage(id: string, seq: number, keep: boolean, rotation: number): ScanDraft {
      requireIdle(id);
      if (!deps.drafts.updatePage(id, seq, keep, rotation))
        throw new AppError('SCAN_DRAFT_NOT_FOUND', { draftId: id, seq });
      return view(id);
    },
  };
}
export type DigitizationService = ReturnType<typeof createDigitizationService>;
