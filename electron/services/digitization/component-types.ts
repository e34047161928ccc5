/**
 * Per-procedure lists of dossier components and results (resources/catalog/dossier-components.json),
 * used to name what was scanned. A starting list: each province's published procedure decision
 * is the authority, and "khac" (other) is always offered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const entry = z.object({ key: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) });
const lists = z.object({ components: z.array(entry), results: z.array(entry) });
const fileSchema = z.object({ fallback: lists, procedures: z.record(z.string(), lists) });

export type ComponentLists = z.infer<typeof lists>;
export const COMPONENTS_FILE = join('resources', 'catalog', 'dossier-components.json');
const OTHER = { key: 'khac', label: 'Giấy tờ khác' };

export function loadComponentTypesSync(appRoot: string): (procedureKey: string) => ComponentLists {
  const parsed = fileSchema.parse(JSON.parse(readFileSync(join(appRoot, COMPONENTS_FILE), 'utf8')));
  const withOther = (list: { key: string; label: string }[]) =>
    list.some((e) => e.key === OTHER.key) ? list : [...list, OTHER];
  return (procedureKey) => {
    const found = parsed.procedures[procedureKey] ?? parsed.fallback;
    return { components: withOther(found.components), results: withOther(found.results) };
  };
}

/** A safe ASCII file-name part from a component key or free text. */
export function fileSlug(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 40) || 'tai-lieu';
}
