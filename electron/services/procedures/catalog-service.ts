import { createHash } from 'node:crypto';
import type { ProceduresRepository } from '../../../db/repositories/procedures-repository';
import type { CatalogDiff, CatalogFormat } from '../../api/calls/catalog';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import type { CatalogDocument } from './catalog-document';
import { diffCatalog } from './catalog-diff';
import { catalogFromXlsx, catalogToXlsx, SHEETS, WorkbookShapeError } from './catalog-xlsx';
import { activateDocument, parseCatalogDocument } from './procedures-service';

export interface CatalogFile {
  format: CatalogFormat;
  content: string;
}

interface ParsedFile {
  doc: CatalogDocument;
  /** What is stored as the version's document: the JSON as written, or the workbook as JSON. */
  text: string;
}

/** Points schema errors of a workbook at the sheet row the user edits. */
function xlsxIssues(error: AppError, procedureRows: number[]): AppError {
  const issues = (error.details?.issues ?? []) as { path: string; message: string }[];
  return new AppError('CATALOG_INVALID', {
    issues: issues.map((issue) => {
      const match = /^procedures\.(\d+)\.?(.*)$/.exec(issue.path);
      if (!match) return { path: `${SHEETS.meta}: ${issue.path}`, message: issue.message };
      const row = procedureRows[Number(match[1])];
      return {
        path: `${SHEETS.procedures}, dòng ${row}: ${match[2] || 'key'}`,
        message: issue.message,
      };
    }),
  });
}

async function parseFile(file: CatalogFile): Promise<ParsedFile> {
  if (file.format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(file.content);
    } catch (error) {
      throw new AppError('CATALOG_UNREADABLE', { reason: (error as Error).message });
    }
    return { doc: parseCatalogDocument(json), text: file.content };
  }
  let read;
  try {
    read = await catalogFromXlsx(Buffer.from(file.content, 'base64'));
  } catch (error) {
    if (error instanceof WorkbookShapeError) {
      throw new AppError('CATALOG_UNREADABLE', { reason: error.message });
    }
    throw error;
  }
  try {
    const doc = parseCatalogDocument(read.document);
    return { doc, text: `${JSON.stringify(doc, null, 2)}\n` };
  } catch (error) {
    if (error instanceof AppError) throw xlsxIssues(error, read.procedureRows);
    throw error;
  }
}

export interface CatalogDeps {
  repo: ProceduresRepository;
  audit: AuditService;
  clock: Clock;
  events: EventBus;
  actor: string;
}

export function createCatalogService(deps: CatalogDeps) {
  const { repo } = deps;

  /**
   * The active catalogue as a document: the version's file with the levels and deadlines the
   * office has recorded since, so an export → import round trip changes nothing.
   */
  function activeDocument(): CatalogDocument {
    const active = repo.activeDocument();
    if (!active) throw new AppError('CATALOG_INVALID', { reason: 'no active catalogue' });
    const base = parseCatalogDocument(JSON.parse(active.document));
    const original = new Map(base.procedures.map((p) => [p.key, p]));
    return {
      ...base,
      schema: 2,
      procedures: repo.list().map((row) => {
        const p = original.get(row.key);
        return {
          key: row.key,
          seq: row.seq,
          name: row.name,
          ...(p?.seedName ? { seedName: p.seedName } : {}),
          group: row.groupCode,
          ownerAgency: row.ownerAgency,
          ministry: row.ministry,
          executingUnit: row.executingUnit,
          codes: JSON.parse(row.codes) as CatalogDocument['procedures'][number]['codes'],
          provinceCodes: JSON.parse(row.provinceCodes) as Record<string, string[]>,
          currentState: row.currentState,
          ...(row.currentLevel ? { currentLevel: row.currentLevel } : {}),
          ...(row.targetLevel ? { targetLevel: row.targetLevel } : {}),
          currentLegacyLevel: row.currentLegacyLevel,
          targetLegacyLevel: row.targetLegacyLevel,
          deadline: row.deadline,
          ...(p?.deadlineText && p.deadline === row.deadline
            ? { deadlineText: p.deadlineText }
            : {}),
          notes: row.notes,
          source: row.sourceNote,
          processingDays: row.processingDays,
          cutoff15h: row.cutoff15h === 1,
          processingSource: row.processingSource,
          onlineOnlyFrom: row.onlineOnlyFrom,
          ...(row.effectiveFrom ? { effectiveFrom: row.effectiveFrom } : {}),
        };
      }),
    };
  }

  /** Binds a preview to the file and to the catalogue it was compared with. */
  function token(file: CatalogFile): string {
    return createHash('sha256')
      .update(JSON.stringify(repo.list()))
      .update('\0')
      .update(file.format)
      .update('\0')
      .update(file.content)
      .digest('base64url');
  }

  async function preview(file: CatalogFile): Promise<{ diff: CatalogDiff; token: string }> {
    const { doc } = await parseFile(file);
    return { diff: diffCatalog(repo.list(), repo.activeVersion(), doc), token: token(file) };
  }

  return {
    versions: () =>
      repo.versions().map((v) => ({
        version: v.version,
        title: v.title,
        effectiveFrom: v.effectiveFrom,
        loadedAt: new Date(v.loadedAt).toISOString(),
        active: v.active === 1,
      })),
    activeDocument,
    async export(format: CatalogFormat) {
      const doc = activeDocument();
      const base = `danh-muc-tthc-${doc.version}`;
      if (format === 'json') {
        return {
          fileName: `${base}.json`,
          mimeType: 'application/json',
          encoding: 'utf8' as const,
          content: `${JSON.stringify(doc, null, 2)}\n`,
        };
      }
      return {
        fileName: `${base}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64' as const,
        content: (await catalogToXlsx(doc)).toString('base64'),
      };
    },
    preview,
    /** Validates again, checks the preview is still current, then switches in one transaction. */
    async apply(file: CatalogFile & { token: string }) {
      const { doc, text } = await parseFile(file);
      if (file.token !== token(file)) throw new AppError('CATALOG_PREVIEW_STALE');
      const diff = diffCatalog(repo.list(), repo.activeVersion(), doc);
      const now = deps.clock.now();
      activateDocument(repo, doc, text, now, deps.actor);
      deps.audit.record('catalog.import', doc.version, {
        from: diff.fromVersion,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
      });
      deps.events.publish({ type: 'procedures.changed', at: now, key: null });
      return { diff, version: doc.version };
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;

export function createCatalogHandlers(
  service: CatalogService,
): Pick<
  Handlers,
  'catalog.versions' | 'catalog.export' | 'catalog.previewImport' | 'catalog.applyImport'
> {
  return {
    'catalog.versions': () => service.versions(),
    'catalog.export': ({ format }) => service.export(format),
    'catalog.previewImport': (input) => service.preview(input),
    'catalog.applyImport': (input) => service.apply(input),
  };
}
