import { z } from 'zod';
import {
  autofillSourceSchema,
  previewStepSchema,
  runStateSchema,
  templateDraftSchema,
  templateProblemSchema,
  templateSchema,
} from '../autofill-schemas';
import { defineCall } from '../contract-kit';
import { noInput } from '../schemas';

const TEMPLATE_ERRORS = ['AUTOFILL_TEMPLATE_INVALID', 'AUTOFILL_TEMPLATE_NAME_TAKEN'] as const;
const SOURCE_ERRORS = ['AUTOFILL_CITIZEN_NOT_FOUND', 'DOSSIER_NOT_FOUND'] as const;

export const autofillCalls = {
  'autofill.listTemplates': defineCall({
    summary: 'Autofill templates, by name.',
    input: noInput,
    output: z.array(templateSchema),
    errors: [],
  }),
  'autofill.saveTemplate': defineCall({
    summary: 'Create a template, or replace the one with this id.',
    input: templateDraftSchema,
    output: templateSchema,
    errors: [...TEMPLATE_ERRORS, 'AUTOFILL_TEMPLATE_NOT_FOUND'],
  }),
  'autofill.deleteTemplate': defineCall({
    summary: 'Delete a template.',
    input: z.object({ id: z.string().max(64) }),
    output: z.object({ id: z.string() }),
    errors: ['AUTOFILL_TEMPLATE_NOT_FOUND'],
  }),
  'autofill.exportTemplates': defineCall({
    summary: 'Templates as one JSON document a province can share (all, or the given ids).',
    input: z.object({ ids: z.array(z.string().max(64)).max(500).optional() }).optional(),
    output: z.object({ json: z.string(), fileName: z.string(), count: z.number().int() }),
    errors: ['AUTOFILL_TEMPLATE_NOT_FOUND'],
  }),
  'autofill.importTemplates': defineCall({
    summary: 'Add templates from an exported JSON document; all or nothing, names kept unique.',
    input: z.object({ json: z.string().max(2_000_000) }),
    output: z.object({
      imported: z.array(z.object({ id: z.string(), name: z.string() })),
      renamed: z.array(z.object({ from: z.string(), to: z.string() })),
    }),
    errors: ['AUTOFILL_IMPORT_INVALID', 'AUTOFILL_TEMPLATE_INVALID'],
  }),
  'autofill.preview': defineCall({
    summary: 'Dry run: exactly what a template would send for a record, without typing.',
    input: z.object({
      template: templateDraftSchema.optional(),
      templateId: z.string().max(64).optional(),
      source: autofillSourceSchema,
      idRevealed: z.boolean().default(false),
    }),
    output: z.object({
      steps: z.array(previewStepSchema),
      problems: z.array(templateProblemSchema),
      fields: z.number().int(),
    }),
    errors: ['AUTOFILL_TEMPLATE_NOT_FOUND', ...SOURCE_ERRORS],
  }),
  'autofill.start': defineCall({
    summary:
      'Fill the focused window of another app after a countdown. Refuses before typing anything when a check fails.',
    input: z.object({
      templateId: z.string().max(64),
      source: autofillSourceSchema,
      /** Whether the clerk revealed the ID number on screen (audit-logged by the intake page). */
      idRevealed: z.boolean().default(false),
      countdownMs: z.number().int().min(0).max(30_000).default(3000),
    }),
    output: runStateSchema,
    errors: [
      'AUTOFILL_TEMPLATE_NOT_FOUND',
      ...SOURCE_ERRORS,
      'AUTOFILL_TEMPLATE_INVALID',
      'AUTOFILL_FIELD_MISSING',
      'AUTOFILL_ID_NOT_REVEALED',
      'AUTOFILL_CANNOT_TYPE',
      'AUTOFILL_BUSY',
      'AUTOFILL_NO_DISPLAY',
      'AUTOFILL_UNAVAILABLE',
      'AUTOFILL_ESC_UNAVAILABLE',
      'AUTOFILL_CLIPBOARD_FAILED',
    ],
  }),
  'autofill.abort': defineCall({
    summary: 'Stop the current run (same effect as Esc).',
    input: noInput,
    output: runStateSchema.nullable(),
    errors: [],
  }),
  'autofill.status': defineCall({
    summary: 'The current or last run.',
    input: noInput,
    output: runStateSchema.nullable(),
    errors: [],
  }),
};
