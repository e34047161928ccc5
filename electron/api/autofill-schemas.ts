import { z } from 'zod';
import { citizenSchema, idNumber } from './schemas';

/**
 * Autofill templates: a named list of steps for one target form (the province's one-stop system,
 * the national public-service portal…). A step puts a record field or a literal into the focused
 * field, presses a key, or waits. Field names, keys and date patterns are checked by the service
 * (specific error codes, step numbers), so an imported file with a typo gets a useful message.
 */

/** Fields a template can use. `familyName` is the first word of the name (họ), `givenNames` the rest. */
export const AUTOFILL_FIELDS = [
  'fullName',
  'familyName',
  'givenNames',
  'dateOfBirth',
  'sex',
  'idNumber',
  'oldIdNumber',
  'issueDate',
  'address',
  'dossierCode',
  'procedureName',
  'receivedDate',
  'today',
] as const;
export type AutofillField = (typeof AUTOFILL_FIELDS)[number];
export const AUTOFILL_DATE_FIELDS: readonly AutofillField[] = [
  'dateOfBirth',
  'issueDate',
  'receivedDate',
  'today',
];

/** Keys a step may press (Esc is the clerk's abort key and never part of a template). */
export const AUTOFILL_KEYS = [
  'Tab',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Space',
  'Backspace',
  'Delete',
  'Home',
  'End',
  'PageUp',
  'PageDown',
] as const;
export type AutofillKey = (typeof AUTOFILL_KEYS)[number];

export const inputMethod = z.enum(['paste', 'type']);

const fieldStep = z.object({
  kind: z.literal('field'),
  field: z.string().min(1).max(40),
  /** Date fields: dd/MM/yyyy (default), yyyy-MM-dd, dd, MM, yyyy… */
  format: z.string().max(20).optional(),
  /** `sex` only: the text for each value, e.g. { male: 'Nam', female: 'Nữ' } or '1' / '2'. */
  values: z.object({ male: z.string().max(40), female: z.string().max(40) }).optional(),
  input: inputMethod.optional(),
  replace: z.boolean().optional(),
  /** An empty value is skipped (its keys still run) instead of stopping the run. */
  optional: z.boolean().optional(),
});
const textStep = z.object({
  kind: z.literal('text'),
  text: z.string().min(1).max(500),
  input: inputMethod.optional(),
  replace: z.boolean().optional(),
});
const keyStep = z.object({
  kind: z.literal('key'),
  key: z.string().min(1).max(20),
  modifiers: z.array(z.string().max(10)).max(3).optional(),
  times: z.number().int().min(1).max(50).optional(),
});
const waitStep = z.object({ kind: z.literal('wait'), ms: z.number().int().min(0).max(10_000) });

export const templateStepSchema = z.discriminatedUnion('kind', [
  fieldStep,
  textStep,
  keyStep,
  waitStep,
]);
export type TemplateStep = z.infer<typeof templateStepSchema>;

export const templateDraftSchema = z.object({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  /** Which form this is for (a URL or the system's name), shown to clerks. */
  target: z.string().trim().max(300).default(''),
  input: inputMethod.default('paste'),
  /** Ctrl+A before each value, so a re-run replaces what is already in the field. */
  replaceExisting: z.boolean().default(true),
  afterActionMs: z.number().int().min(0).max(2000).default(15),
  perCharMs: z.number().int().min(0).max(500).default(4),
  steps: z.array(templateStepSchema).min(1).max(200),
});
export type TemplateDraft = z.input<typeof templateDraftSchema>;

export const templateSchema = templateDraftSchema.extend({
  id: z.string(),
  builtin: z.boolean(),
  updatedAt: z.number().int(),
});
export type Template = z.infer<typeof templateSchema>;

/** Whose data: the citizen on screen, a stored citizen (CLI), or the synthetic sample (editor). */
export const autofillSourceSchema = z
  .object({
    citizen: citizenSchema.optional(),
    citizenId: idNumber.optional(),
    sample: z.boolean().optional(),
    dossierCode: z.string().min(1).max(80).optional(),
  })
  .refine(
    (s) =>
      [s.citizen !== undefined, s.citizenId !== undefined, s.sample === true].filter(Boolean)
        .length === 1,
    'Chọn đúng một nguồn: citizen, citizenId hoặc sample',
  );
export type AutofillSource = z.infer<typeof autofillSourceSchema>;

export const previewStepSchema = z.object({
  step: z.number().int(),
  kind: z.enum(['field', 'text', 'key', 'wait']),
  /** The field name, key chord or literal, for the editor's table. */
  label: z.string(),
  /** Exactly what will be sent; the ID number masked unless revealed. */
  sent: z.string(),
  input: inputMethod.nullable(),
  masked: z.boolean(),
  skipped: z.boolean(),
});
export type PreviewStep = z.infer<typeof previewStepSchema>;

export const templateProblemSchema = z.object({
  code: z.string(),
  step: z.number().int().nullable(),
  detail: z.string(),
});
export type TemplateProblem = z.infer<typeof templateProblemSchema>;

export const runPhase = z.enum(['countdown', 'typing', 'done', 'aborted', 'failed']);
export type RunPhase = z.infer<typeof runPhase>;

export const runStateSchema = z.object({
  runId: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  phase: runPhase,
  countdownEndsAt: z.number().int(),
  fields: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  /** Whether a global Esc aborts this run on this host (otherwise: click another window, or the UI). */
  escToAbort: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  durationMs: z.number().nullable(),
  fieldMs: z.array(z.number()),
});
export type RunState = z.infer<typeof runStateSchema>;
