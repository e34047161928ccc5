/**
 * What importing a catalogue would change, procedure by procedure and field by field (pure).
 * Compared on the rows the database would hold, so a level derived from mức độ 1–4 and the same
 * level written out explicitly are no change.
 */
import type { ProcedureRow } from '../../../db/repositories/procedures-repository';
import type { CatalogDiff } from '../../api/calls/catalog';
import { catalogRows, type CatalogDocument } from './catalog-document';

const COMPARED = [
  'seq',
  'name',
  'groupCode',
  'ownerAgency',
  'ministry',
  'executingUnit',
  'codes',
  'provinceCodes',
  'currentState',
  'notes',
  'sourceNote',
  'currentLevel',
  'targetLevel',
  'currentLegacyLevel',
  'targetLegacyLevel',
  'deadline',
  'processingDays',
  'cutoff15h',
  'processingSource',
  'onlineOnlyFrom',
  'effectiveFrom',
] as const satisfies readonly (keyof ProcedureRow)[];

/** Field names as the catalogue file spells them, so the diff reads like the file. */
const FILE_NAME: Partial<Record<(typeof COMPARED)[number], string>> = {
  groupCode: 'group',
  sourceNote: 'source',
};

function display(field: (typeof COMPARED)[number], value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'codes')
    return (JSON.parse(String(value)) as { code: string }[]).map((c) => c.code).join(', ') || '—';
  if (field === 'cutoff15h') return value === 1 ? 'true' : 'false';
  return String(value);
}

export function diffCatalog(
  before: readonly ProcedureRow[],
  fromVersion: string | null,
  doc: CatalogDocument,
): CatalogDiff {
  const after = catalogRows(doc);
  const old = new Map(before.map((row) => [row.key, row]));
  const incoming = new Set(after.map((row) => row.key));
  const diff: CatalogDiff = {
    fromVersion,
    toVersion: doc.version,
    title: doc.title,
    effectiveFrom: doc.effectiveFrom,
    procedureCount: after.length,
    added: [],
    removed: before.filter((row) => !incoming.has(row.key)).map(({ key, name }) => ({ key, name })),
    changed: [],
    unchanged: 0,
  };
  for (const row of after) {
    const previous = old.get(row.key);
    if (!previous) {
      diff.added.push({ key: row.key, name: row.name });
      continue;
    }
    const fields = COMPARED.filter((f) => (previous[f] ?? null) !== (row[f] ?? null)).map((f) => ({
      field: FILE_NAME[f] ?? f,
      before: display(f, previous[f]),
      after: display(f, row[f]),
    }));
    if (fields.length === 0) diff.unchanged += 1;
    else diff.changed.push({ key: row.key, name: row.name, fields });
  }
  return diff;
}
