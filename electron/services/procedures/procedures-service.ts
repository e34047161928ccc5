import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProceduresRepository } from '../../../db/repositories/procedures-repository';
import type { Handlers } from '../../api/dispatch';
import type { ProcedureSummary } from '../../api/calls/procedures';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';
import { catalogDocumentSchema, catalogRows, type CatalogDocument } from './catalog-document';

export const BUNDLED_CATALOG = join('resources', 'catalog', 'procedures.json');

export function parseCatalogDocument(json: unknown): CatalogDocument {
  const parsed = catalogDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('CATALOG_INVALID', {
      issues: parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/**
 * Loads the catalogue shipped in `resources/` the first time a database is opened. Later versions
 * are loaded deliberately (import with a diff, see the procedures issue), never silently.
 */
export function seedBundledCatalogSync(
  repo: ProceduresRepository,
  appRoot: string,
  clock: Clock,
): string | null {
  if (repo.activeVersion() !== null) return null;
  const text = readFileSync(join(appRoot, BUNDLED_CATALOG), 'utf8');
  const doc = parseCatalogDocument(JSON.parse(text));
  repo.activateCatalog(
    {
      version: doc.version,
      title: doc.title,
      source: doc.source,
      effectiveFrom: doc.effectiveFrom,
      document: text,
    },
    catalogRows(doc),
    clock.now(),
  );
  return doc.version;
}

export function createProceduresHandlers(
  repo: ProceduresRepository,
): Pick<Handlers, 'procedures.list'> {
  return {
    'procedures.list': () =>
      repo.list().map((row): ProcedureSummary => ({
        key: row.key,
        seq: row.seq,
        name: row.name,
        group: row.groupCode,
        ownerAgency: row.ownerAgency,
        executingUnit: row.executingUnit,
        codes: (JSON.parse(row.codes) as { code: string }[]).map((c) => c.code),
        currentLevel: row.currentLevel,
        targetLevel: row.targetLevel,
        currentLegacyLevel: row.currentLegacyLevel,
        targetLegacyLevel: row.targetLegacyLevel,
        deadline: row.deadline,
      })),
  };
}
