import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { isoDay, noInput } from '../schemas';

export const catalogFormat = z.enum(['json', 'xlsx']);
export type CatalogFormat = z.infer<typeof catalogFormat>;

/** A catalogue file as it crosses the boundary: JSON as text, XLSX as base64. */
const catalogFileInput = z.object({
  format: catalogFormat,
  // 4 MB of base64 is far above a 25-row workbook (≈ 20 KB) and below the HTTP body limit.
  content: z.string().min(1).max(4_000_000),
  fileName: z.string().max(260).optional(),
});

const fieldChangeSchema = z.object({
  field: z.string(),
  before: z.string(),
  after: z.string(),
});

export const catalogDiffSchema = z.object({
  fromVersion: z.string().nullable(),
  toVersion: z.string(),
  title: z.string(),
  effectiveFrom: isoDay,
  procedureCount: z.number().int(),
  added: z.array(z.object({ key: z.string(), name: z.string() })),
  removed: z.array(z.object({ key: z.string(), name: z.string() })),
  changed: z.array(
    z.object({ key: z.string(), name: z.string(), fields: z.array(fieldChangeSchema) }),
  ),
  unchanged: z.number().int(),
});
export type CatalogDiff = z.infer<typeof catalogDiffSchema>;

export const catalogCalls = {
  'catalog.versions': defineCall({
    summary: 'Every catalogue version loaded on this workstation, newest first.',
    input: noInput,
    output: z.array(
      z.object({
        version: z.string(),
        title: z.string(),
        effectiveFrom: isoDay,
        loadedAt: z.string(),
        active: z.boolean(),
      }),
    ),
    errors: [],
  }),
  'catalog.export': defineCall({
    summary: 'The active catalogue (with the office’s recorded levels) as a JSON or XLSX file.',
    input: z.object({ format: catalogFormat }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      encoding: z.enum(['utf8', 'base64']),
      content: z.string(),
    }),
    errors: [],
  }),
  'catalog.previewImport': defineCall({
    summary: 'Validate a catalogue file and show what importing it would change; changes nothing.',
    input: catalogFileInput,
    output: z.object({ diff: catalogDiffSchema, token: z.string() }),
    errors: ['CATALOG_INVALID', 'CATALOG_UNREADABLE'],
  }),
  'catalog.applyImport': defineCall({
    summary: 'Make a previewed catalogue file the active catalogue (one transaction).',
    input: catalogFileInput.extend({ token: z.string().min(1).max(200) }),
    output: z.object({ diff: catalogDiffSchema, version: z.string() }),
    errors: ['CATALOG_INVALID', 'CATALOG_UNREADABLE', 'CATALOG_PREVIEW_STALE'],
  }),
};
