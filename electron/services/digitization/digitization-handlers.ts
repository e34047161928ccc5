import { readFile } from 'node:fs/promises';
import type { DigitizationRepository } from '../../../db/repositories/digitization-repository';
import type { DossiersRepository } from '../../../db/repositories/dossiers-repository';
import type { ProceduresRepository } from '../../../db/repositories/procedures-repository';
import type { ScanDraftsRepository } from '../../../db/repositories/scan-drafts-repository';
import { maskIdNumber } from '../../../native/cccd/id-number';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnDay } from '../shared/vn-time';
import type { ComponentLists } from './component-types';
import type { DigitizationService } from './digitization-service';
import { previewOf } from './page-processing';
import { fromStoredPath } from './scan-files';
import { digitizationReport } from './summaries';
import { documentView, draftView } from './views';

export interface DigitizationHandlerDeps {
  dataDir: string;
  service: DigitizationService;
  documents: DigitizationRepository;
  drafts: ScanDraftsRepository;
  dossiers: DossiersRepository;
  procedures: ProceduresRepository;
  componentTypes: (procedureKey: string) => ComponentLists;
  audit: AuditService;
  events: EventBus;
  clock: Clock;
  actor: string;
}

type DigitizationCall = Extract<keyof Handlers, `digitization.${string}`>;

export function createDigitizationHandlers(
  deps: DigitizationHandlerDeps,
): Pick<Handlers, DigitizationCall> {
  const { service } = deps;
  const requireDossier = (code: string) => {
    const dossier = deps.dossiers.get(code);
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { dossierCode: code });
    return dossier;
  };
  const requireCitizen = (code: string) => {
    const dossier = requireDossier(code);
    if (!dossier.citizenIdNumber) throw new AppError('REUSE_NO_CITIZEN', { dossierCode: code });
    return { dossier, idNumber: dossier.citizenIdNumber };
  };

  return {
    'digitization.listDossiers': (input) => {
      const search = input?.search?.trim() ?? '';
      const isId = /^\d{12}$/.test(search);
      // Looking a person up by ID number is an access to personal data: logged, never the number.
      if (isId) deps.audit.record('digitization.searchById', maskIdNumber(search));
      const rows = deps.documents.overview(
        search && !isId ? `%${search}%` : null,
        isId ? search : null,
        input?.limit ?? 50,
      );
      return rows.map((r) => ({
        code: r.code,
        procedureKey: r.procedureKey,
        procedureName: r.procedureName,
        citizenName: r.citizenName,
        citizenIdMasked: r.citizenIdNumber ? maskIdNumber(r.citizenIdNumber) : null,
        status: r.status,
        receivedDay: r.receivedDay,
        components: { documents: r.componentDocuments, pages: r.componentPages },
        results: { documents: r.resultDocuments, pages: r.resultPages },
        reused: r.reused,
        openDrafts: r.openDrafts,
      }));
    },
    'digitization.componentTypes': ({ procedureKey }) => {
      if (!deps.procedures.get(procedureKey))
        throw new AppError('PROCEDURE_NOT_FOUND', { procedureKey });
      return deps.componentTypes(procedureKey);
    },
    'digitization.startScan': (input) => service.startScan(input),
    'digitization.cancelScan': ({ draftId }) => service.cancelScan(draftId),
    'digitization.getDraft': ({ draftId }) => service.view(draftId),
    'digitization.listDrafts': ({ dossierCode }) =>
      deps.drafts.forDossier(dossierCode).map((row) => draftView(row, deps.drafts.pages(row.id))),
    'digitization.pageImage': async ({ draftId, seq, size }) => {
      service.view(draftId);
      const page = deps.drafts.pages(draftId).find((p) => p.seq === seq);
      if (!page) throw new AppError('SCAN_DRAFT_NOT_FOUND', { draftId, seq });
      try {
        if (size === 'thumb' || page.kind === 'pdf') {
          return {
            mime: 'image/jpeg',
            dataBase64: (await readFile(fromStoredPath(deps.dataDir, page.thumb))).toString(
              'base64',
            ),
          };
        }
        const data = await readFile(fromStoredPath(deps.dataDir, page.file));
        return {
          mime: 'image/jpeg',
          dataBase64: (await previewOf(page.kind, data, page.width, page.height)).toString(
            'base64',
          ),
        };
      } catch {
        throw new AppError('SCAN_FILE_MISSING', { draftId, seq });
      }
    },
    'digitization.updatePage': ({ draftId, seq, keep, rotation }) =>
      service.updatePage(draftId, seq, keep, rotation),
    'digitization.saveDocument': async (input) => documentView(await service.saveDocument(input)),
    'digitization.discardDraft': async ({ draftId }) => {
      await service.discardDraft(draftId);
      return { discarded: true as const };
    },
    'digitization.documents': ({ dossierCode }) => {
      requireDossier(dossierCode);
      return deps.documents.documentsFor(dossierCode).map(documentView);
    },
    'digitization.documentPdf': async ({ documentId }) => {
      const doc = deps.documents.document(documentId);
      if (!doc) throw new AppError('DOCUMENT_NOT_FOUND', { documentId });
      const bytes = await service.readVerified(doc);
      deps.audit.record('digitization.view', doc.dossierCode, { documentId });
      return {
        fileName: doc.file.split('/').pop()!,
        dataBase64: bytes.toString('base64'),
        pages: doc.pages,
      };
    },
    'digitization.reuseCandidates': ({ dossierCode }) => {
      const { idNumber } = requireCitizen(dossierCode);
      deps.audit.record('digitization.reuseLookup', dossierCode);
      return deps.documents.citizenDocuments(idNumber, dossierCode).map((d) => ({
        ...documentView(d),
        procedureName: d.procedureName,
        receivedDay: d.receivedDay,
      }));
    },
    'digitization.reuse': async ({ dossierCode, documentId, componentType }) => {
      const { dossier, idNumber } = requireCitizen(dossierCode);
      const original = deps.documents.document(documentId);
      if (!original) throw new AppError('DOCUMENT_NOT_FOUND', { documentId });
      // Only the same person's own earlier documents (the ID number links them), never another's.
      const allowed = deps.documents
        .citizenDocuments(idNumber, dossierCode)
        .some((d) => d.id === documentId);
      if (!allowed) throw new AppError('REUSE_NOT_ALLOWED', { documentId });
      await service.readVerified(original);
      const now = deps.clock.now();
      const id = deps.documents.record(
        {
          ...original,
          dossierCode: dossier.code,
          kind: 'component',
          componentType,
          title: `${original.title} (tái sử dụng)`,
          blankPagesLeftOut: 0,
          reusedFrom: original.id,
          createdAt: now,
          createdDay: vnDay(now),
          createdBy: deps.actor,
        },
        { procedureKey: dossier.procedureKey, event: 'component_reused', actor: deps.actor },
      );
      deps.audit.record('digitization.reuse', dossier.code, {
        documentId: id,
        reusedFrom: original.id,
      });
      deps.events.publish({
        type: 'digitization.recorded',
        at: now,
        dossierCode: dossier.code,
        documentId: id,
        kind: 'component',
      });
      return documentView(deps.documents.document(id)!);
    },
    'digitization.summary': ({ from, to }) => digitizationReport(deps.documents, from, to),
  };
}
