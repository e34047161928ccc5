import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { dossierStatus, isoDay } from '../schemas';
import { deviceUri, scanSettingsSchema } from './scanners';

const draftState = z.enum(['scanning', 'ready', 'failed', 'cancelled']);
const documentKind = z.enum(['component', 'result']);
const draftId = z.string().regex(/^[a-f0-9-]{36}$/);
const dossierCode = z.string().min(5).max(60);

export const draftPageSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['jpeg', 'bilevel', 'pdf']),
  width: z.number().int(),
  height: z.number().int(),
  dpi: z.number().int(),
  inkCoverage: z.number(),
  /** Flagged as blank; blank pages are shown, not silently dropped. */
  blank: z.boolean(),
  /** Counted and filed only when kept (a page = one scanned side that is kept). */
  keep: z.boolean(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  skew: z.number(),
});

export const draftSchema = z.object({
  id: z.string(),
  dossierCode: z.string().nullable(),
  deviceUri: z.string(),
  settings: scanSettingsSchema,
  state: draftState,
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  pages: z.array(draftPageSchema),
  keptPages: z.number().int(),
});
export type ScanDraft = z.infer<typeof draftSchema>;

export const documentSchema = z.object({
  id: z.number().int(),
  dossierCode: z.string(),
  kind: documentKind,
  componentType: z.string(),
  title: z.string(),
  pages: z.number().int(),
  blankPagesLeftOut: z.number().int(),
  dpi: z.number().int(),
  colorMode: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  sourceDevice: z.string(),
  reusedFrom: z.number().int().nullable(),
  createdAt: z.string(),
});
export type DigitizedDocument = z.infer<typeof documentSchema>;

const kindCounts = z.object({ documents: z.number().int(), pages: z.number().int() });

export const digitizationDossierSchema = z.object({
  code: z.string(),
  procedureKey: z.string(),
  procedureName: z.string(),
  citizenName: z.string().nullable(),
  citizenIdMasked: z.string().nullable(),
  status: dossierStatus,
  receivedDay: isoDay,
  components: kindCounts,
  results: kindCounts,
  reused: z.number().int(),
  openDrafts: z.number().int(),
});
export type DigitizationDossier = z.infer<typeof digitizationDossierSchema>;

export const dailySummarySchema = z.object({
  day: isoDay,
  procedureKey: z.string(),
  received: z.number().int(),
  receivedWithComponents: z.number().int(),
  receivedWithReuse: z.number().int(),
  completed: z.number().int(),
  completedWithResult: z.number().int(),
  componentDocuments: z.number().int(),
  componentPages: z.number().int(),
  resultDocuments: z.number().int(),
  resultPages: z.number().int(),
  reusedDocuments: z.number().int(),
  reusedPages: z.number().int(),
});
export type DailySummary = z.infer<typeof dailySummarySchema>;

const rate = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.number().nullable(),
});
export const digitizationReportSchema = z.object({
  from: isoDay,
  to: isoDay,
  days: z.array(dailySummarySchema),
  totals: dailySummarySchema.omit({ day: true, procedureKey: true }),
  /** regulations.md §4 (QĐ 766): components, results, reuse. */
  rates: z.object({ components: rate, results: rate, reuse: rate }),
});
export type DigitizationReport = z.infer<typeof digitizationReportSchema>;

const SCAN_ERRORS = [
  'DOSSIER_NOT_FOUND',
  'SCANNER_PROFILE_NOT_FOUND',
  'SCAN_DRAFT_NOT_FOUND',
  'SCAN_IN_PROGRESS',
  'SCANNER_BUSY',
  'SCANNER_GONE',
  'SCANNER_URI_INVALID',
  'SCANNER_DRIVER_MISSING',
  'SCAN_SETTINGS_UNSUPPORTED',
] as const;

export const digitizationCalls = {
  'digitization.listDossiers': defineCall({
    summary: 'Dossiers with what has been digitized for each (newest first; ID numbers masked).',
    input: z
      .object({
        search: z.string().trim().max(60).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .optional(),
    output: z.array(digitizationDossierSchema),
    errors: [],
  }),
  'digitization.componentTypes': defineCall({
    summary:
      "The procedure's list of dossier components and results, for naming a scanned document.",
    input: z.object({ procedureKey: z.string().min(1).max(80) }),
    output: z.object({
      components: z.array(z.object({ key: z.string(), label: z.string() })),
      results: z.array(z.object({ key: z.string(), label: z.string() })),
    }),
    errors: ['PROCEDURE_NOT_FOUND'],
  }),
  'digitization.startScan': defineCall({
    summary:
      'Start scanning into a dossier (new draft) or continue a draft. Pages arrive as digitization.page events; the call returns at once.',
    input: z.object({
      dossierCode: dossierCode.optional(),
      draftId: draftId.optional(),
      profileId: z.number().int().positive().optional(),
      /** A device and settings instead of a profile (Devices page test scan, CLI). */
      device: z.object({ uri: deviceUri, settings: scanSettingsSchema }).optional(),
      maxPages: z.number().int().min(1).max(500).optional(),
    }),
    output: draftSchema,
    errors: [...SCAN_ERRORS],
  }),
  'digitization.cancelScan': defineCall({
    summary: 'Stop a running scan; pages already received stay in the draft.',
    input: z.object({ draftId }),
    output: draftSchema,
    errors: ['SCAN_DRAFT_NOT_FOUND'],
  }),
  'digitization.getDraft': defineCall({
    summary: 'A draft with its pages (blank flags, kept or not, rotation).',
    input: z.object({ draftId }),
    output: draftSchema,
    errors: ['SCAN_DRAFT_NOT_FOUND'],
  }),
  'digitization.listDrafts': defineCall({
    summary: "A dossier's unfinished drafts (a failed scan keeps its pages here).",
    input: z.object({ dossierCode }),
    output: z.array(draftSchema),
    errors: [],
  }),
  'digitization.pageImage': defineCall({
    summary: 'A draft page as a small thumbnail or a screen-sized preview (JPEG, base64).',
    input: z.object({
      draftId,
      seq: z.number().int().positive(),
      size: z.enum(['thumb', 'preview']).default('thumb'),
    }),
    output: z.object({ mime: z.string(), dataBase64: z.string() }),
    errors: ['SCAN_DRAFT_NOT_FOUND', 'SCAN_FILE_MISSING'],
  }),
  'digitization.updatePage': defineCall({
    summary: 'Keep or leave out a page, or rotate it by 90° steps.',
    input: z.object({
      draftId,
      seq: z.number().int().positive(),
      keep: z.boolean(),
      rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    }),
    output: draftSchema,
    errors: ['SCAN_DRAFT_NOT_FOUND', 'SCAN_IN_PROGRESS'],
  }),
  'digitization.saveDocument': defineCall({
    summary:
      "File the draft's kept pages as one PDF in the dossier (component or result) and count it in the digitization log.",
    input: z.object({
      draftId,
      kind: documentKind,
      componentType: z.string().trim().min(1).max(80),
      title: z.string().trim().min(1).max(200),
    }),
    output: documentSchema,
    errors: [
      'SCAN_DRAFT_NOT_FOUND',
      'SCAN_IN_PROGRESS',
      'SCAN_NO_PAGES',
      'DISK_FULL',
      'SCAN_FILE_MISSING',
      'DOSSIER_NOT_FOUND',
    ],
  }),
  'digitization.discardDraft': defineCall({
    summary: 'Throw a draft away with its page files (nothing was counted yet).',
    input: z.object({ draftId }),
    output: z.object({ discarded: z.literal(true) }),
    errors: ['SCAN_DRAFT_NOT_FOUND', 'SCAN_IN_PROGRESS'],
  }),
  'digitization.documents': defineCall({
    summary: "A dossier's digitized documents.",
    input: z.object({ dossierCode }),
    output: z.array(documentSchema),
    errors: ['DOSSIER_NOT_FOUND'],
  }),
  'digitization.documentPdf': defineCall({
    summary:
      'The PDF of a digitized document (base64) for the in-app viewer; its sha256 is checked first.',
    input: z.object({ documentId: z.number().int().positive() }),
    output: z.object({ fileName: z.string(), dataBase64: z.string(), pages: z.number().int() }),
    errors: ['DOCUMENT_NOT_FOUND', 'SCAN_FILE_MISSING'],
  }),
  'digitization.reuseCandidates': defineCall({
    summary:
      "The dossier holder's earlier digitized documents (looked up by ID number; audit-logged).",
    input: z.object({ dossierCode }),
    output: z.array(documentSchema.extend({ procedureName: z.string(), receivedDay: isoDay })),
    errors: ['DOSSIER_NOT_FOUND', 'REUSE_NO_CITIZEN'],
  }),
  'digitization.reuse': defineCall({
    summary:
      'Use an earlier digitized document as a component of this dossier (tái sử dụng), and count it.',
    input: z.object({
      dossierCode,
      documentId: z.number().int().positive(),
      componentType: z.string().trim().min(1).max(80),
    }),
    output: documentSchema,
    errors: [
      'DOSSIER_NOT_FOUND',
      'DOCUMENT_NOT_FOUND',
      'REUSE_NO_CITIZEN',
      'REUSE_NOT_ALLOWED',
      'SCAN_FILE_MISSING',
    ],
  }),
  'digitization.summary': defineCall({
    summary:
      'Daily per-procedure digitization summaries and the §4 rates for a period (Asia/Ho_Chi_Minh days). Counts only, no personal data.',
    input: z.object({ from: isoDay, to: isoDay }).refine((v) => v.from <= v.to, 'from ≤ to'),
    output: digitizationReportSchema,
    errors: [],
  }),
};
