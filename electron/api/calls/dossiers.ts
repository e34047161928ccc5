import { z } from 'zod';
import { defineCall } from '../contract-kit';
import {
  citizenSchema,
  dossierChannel,
  dossierStatus,
  isoDay,
  noInput,
  serviceLevel,
} from '../schemas';

export const applicantKind = z.enum(['individual', 'organization']);
export const intakeMethod = z.enum(['qr', 'chip', 'manual']);
export const assistedOutcome = z.enum(['submitted', 'failed']);
export type AssistedOutcome = z.infer<typeof assistedOutcome>;

/**
 * How a file stands against its due time: open files are in time or overdue (QĐ 766 counts an
 * overdue file as a dissatisfied citizen), finished ones were on time or late.
 */
export const dossierTimeliness = z.enum([
  'in_time',
  'overdue',
  'on_time',
  'late',
  'no_deadline',
  'cancelled',
]);
export type DossierTimeliness = z.infer<typeof dossierTimeliness>;

export const dossierSchema = z.object({
  code: z.string(),
  procedureKey: z.string(),
  procedureName: z.string(),
  citizenIdMasked: z.string().nullable(),
  citizenName: z.string().nullable(),
  channel: dossierChannel,
  status: dossierStatus,
  receivedAt: z.string(), // ISO 8601 UTC
  receivedDay: isoDay, // Asia/Ho_Chi_Minh
  applicantKind,
  organizationName: z.string().nullable(),
  intakeMethod: intakeMethod.nullable(),
  dueAt: z.string().nullable(),
  dueDay: isoDay.nullable(),
  processingAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  statusChangedAt: z.string(),
  statusNote: z.string(),
  levelAtReceipt: serviceLevel.nullable(),
  assistedOutcome: assistedOutcome.nullable(),
  assistedFailureReason: z.string().nullable(),
  onlineReference: z.string().nullable(),
  timeliness: dossierTimeliness,
  /** Whole days since the last status change, for open files (stuck detection). */
  idleDays: z.number().int().nullable(),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const todayCountsSchema = z.object({
  day: isoDay,
  total: z.number().int(),
  byProcedure: z.array(
    z.object({ procedureKey: z.string(), name: z.string(), count: z.number().int() }),
  ),
});
export type TodayCounts = z.infer<typeof todayCountsSchema>;

export const assistedFilingSchema = z.object({
  outcome: assistedOutcome,
  reason: z.string().trim().max(500).optional(),
  /** The dossier code DVCQG / VNeID gave the online filing. */
  reference: z.string().trim().max(80).optional(),
});

export const dossierSettingsSchema = z.object({
  /**
   * Reserved leading digit(s) of the daily number for this workstation, so two desks of one
   * office that keep separate databases never hand out the same code (desk 2 → …-2001).
   */
  workstationPrefix: z
    .string()
    .regex(/^[1-9]\d?$/, '1–2 chữ số, không bắt đầu bằng 0')
    .nullable(),
  /** An open file with no status change for this many days is listed as stuck. */
  stuckAfterDays: z.number().int().min(1).max(90),
  /** 2-digit province code (QĐ 19/2025) choosing provincial mã thủ tục; null = national codes. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh 2 chữ số (QĐ 19/2025)')
    .nullable(),
});
export type DossierSettings = z.infer<typeof dossierSettingsSchema>;

export const dossierListView = z.enum(['all', 'open', 'overdue', 'stuck']);

export const dossiersCalls = {
  'dossiers.create': defineCall({
    summary:
      'Receive a dossier: code, due time in working days, channel and assisted online filing.',
    input: z.object({
      procedureKey: z.string().min(1).max(80),
      channel: dossierChannel.default('in_person'),
      applicantKind: applicantKind.default('individual'),
      /** Mandatory for an individual; for an organisation, its representative (optional). */
      citizen: citizenSchema.optional(),
      organizationName: z.string().trim().max(300).optional(),
      intakeMethod: intakeMethod.optional(),
      assistedFiling: assistedFilingSchema.optional(),
      note: z.string().max(1000).optional(),
    }),
    output: dossierSchema,
    errors: [
      'PROCEDURE_NOT_FOUND',
      'OFFICE_NOT_CONFIGURED',
      'DB_BUSY',
      'APPLICANT_ID_REQUIRED',
      'ORGANIZATION_NAME_REQUIRED',
      'PAPER_NOT_ACCEPTED',
      'ASSISTED_FILING_CHANNEL',
      'ASSISTED_REASON_REQUIRED',
      'DOSSIER_SEQUENCE_EXHAUSTED',
    ],
  }),
  'dossiers.todayCounts': defineCall({
    summary: "Today's received dossiers per procedure (Asia/Ho_Chi_Minh day).",
    input: noInput,
    output: todayCountsSchema,
    errors: [],
  }),
  'dossiers.listRecent': defineCall({
    summary: 'The most recently received dossiers, newest first (ID numbers masked).',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).optional(),
    output: z.array(dossierSchema),
    errors: [],
  }),
  'dossiers.list': defineCall({
    summary: 'Dossiers received between two days (newest first), filtered; a cursor pages on.',
    input: z.object({
      from: isoDay,
      to: isoDay,
      procedureKey: z.string().max(80).optional(),
      status: dossierStatus.optional(),
      channel: dossierChannel.optional(),
      view: dossierListView.default('all'),
      code: z.string().trim().max(80).optional(),
      limit: z.number().int().min(1).max(1000).default(50),
      cursor: z.string().max(40).optional(),
    }),
    output: z.object({
      total: z.number().int(),
      items: z.array(dossierSchema),
      nextCursor: z.string().nullable(),
    }),
    errors: ['PERIOD_INVALID'],
  }),
  'dossiers.get': defineCall({
    summary: 'One dossier with its status timeline (who changed what, when, why).',
    input: z.object({ code: z.string().trim().min(1).max(80) }),
    output: dossierSchema.extend({
      events: z.array(
        z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.string() }),
      ),
    }),
    errors: ['DOSSIER_NOT_FOUND'],
  }),
  'dossiers.setStatus': defineCall({
    summary: 'Move a dossier along received → processing → done / returned / cancelled.',
    input: z.object({
      code: z.string().trim().min(1).max(80),
      status: dossierStatus,
      note: z.string().trim().max(1000).optional(),
    }),
    output: dossierSchema,
    errors: ['DOSSIER_NOT_FOUND', 'DOSSIER_TRANSITION_INVALID', 'DOSSIER_REASON_REQUIRED'],
  }),
  'dossiers.recordAssistedFiling': defineCall({
    summary:
      'Record the outcome of the online filing the desk assisted (submitted / failed + why).',
    input: assistedFilingSchema.extend({ code: z.string().trim().min(1).max(80) }),
    output: dossierSchema,
    errors: ['DOSSIER_NOT_FOUND', 'ASSISTED_FILING_CHANNEL', 'ASSISTED_REASON_REQUIRED'],
  }),
  'dossiers.getSettings': defineCall({
    summary: 'This workstation’s code prefix and the stuck-file threshold.',
    input: noInput,
    output: dossierSettingsSchema,
    errors: [],
  }),
  'dossiers.updateSettings': defineCall({
    summary: 'Set this workstation’s code prefix and the stuck-file threshold.',
    input: dossierSettingsSchema,
    output: dossierSettingsSchema,
    errors: [],
  }),
};
