import { z } from 'zod';
import { defineCall } from '../contract-kit';
import {
  reportDueSchema,
  reportFiguresSchema,
  reportNoteSchema,
  reportPeriodSpec,
  reportProfileSchema,
  reportProfileViewSchema,
} from '../report-schemas';
import { noInput } from '../schemas';

const profileId = z.number().int().positive();
/** "Số" of the document (NĐ 30/2020 Phụ lục I §II.3): 1–99999; left blank for the văn thư. */
const documentNumber = z.number().int().min(1).max(99_999);
const PERIOD_ERRORS = [
  'PERIOD_INVALID',
  'REPORT_PERIOD_FUTURE',
  'REPORT_PERIOD_EMPTY',
  'REPORT_PROFILE_NOT_FOUND',
] as const;

export const reportsCalls = {
  'reports.listProfiles': defineCall({
    summary: 'Report profiles (one per recipient), the default first.',
    input: noInput,
    output: z.array(reportProfileViewSchema),
    errors: [],
  }),
  'reports.saveProfile': defineCall({
    summary:
      'Create a report profile, or replace the one with this id; optionally make it the default.',
    input: z.object({
      id: profileId.optional(),
      profile: reportProfileSchema,
      makeDefault: z.boolean().default(false),
    }),
    output: reportProfileViewSchema,
    errors: ['REPORT_PROFILE_NOT_FOUND', 'REPORT_PROFILE_NAME_TAKEN'],
  }),
  'reports.deleteProfile': defineCall({
    summary:
      'Remove a profile (its issued reports stay in the log); the default cannot be removed.',
    input: z.object({ id: profileId }),
    output: z.object({ id: z.number().int() }),
    errors: ['REPORT_PROFILE_NOT_FOUND', 'REPORT_PROFILE_IS_DEFAULT'],
  }),
  'reports.figures': defineCall({
    summary:
      'The figures of a report (the dashboard’s and the digitization summaries’ own functions), its comparison and commentary.',
    input: z.object({ period: reportPeriodSpec, profileId: profileId.optional() }),
    output: reportFiguresSchema,
    errors: [...PERIOD_ERRORS],
  }),
  'reports.render': defineCall({
    summary:
      'The report as PDF (NĐ 30/2020 layout) or Excel. A preview is not logged; save and print count as issued.',
    input: z.object({
      period: reportPeriodSpec,
      profileId: profileId.optional(),
      format: z.enum(['pdf', 'xlsx']),
      purpose: z.enum(['preview', 'save', 'print']).default('preview'),
      number: documentNumber.optional(),
    }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      dataBase64: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      pages: z.number().int().nullable(),
    }),
    errors: [...PERIOD_ERRORS, 'REPORT_FONT_MISSING'],
  }),
  'reports.notes': defineCall({
    summary: 'The texts written into a template’s editable cells for one period.',
    input: z.object({ profileId, period: reportPeriodSpec }),
    output: z.array(reportNoteSchema),
    errors: ['REPORT_PROFILE_NOT_FOUND', 'PERIOD_INVALID'],
  }),
  'reports.saveNotes': defineCall({
    summary: 'Save editable cells (an empty text clears one).',
    input: z.object({
      profileId,
      period: reportPeriodSpec,
      notes: z.array(reportNoteSchema).max(200),
    }),
    output: z.array(reportNoteSchema),
    errors: ['REPORT_PROFILE_NOT_FOUND', 'PERIOD_INVALID', 'PROCEDURE_NOT_FOUND'],
  }),
  'reports.due': defineCall({
    summary:
      'Reports due or overdue (profiles with a deadline whose closed period has no issued report).',
    input: noInput,
    output: z.array(reportDueSchema),
    errors: [],
  }),
};
