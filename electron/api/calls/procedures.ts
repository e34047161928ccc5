import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { isoDay, legacyLevel, noInput, procedureGroup, serviceLevel } from '../schemas';

/** Where a procedure stands against its target (levelStatus in services/procedures). */
export const procedureLevelStatus = z.enum(['met', 'on_track', 'overdue']);
export type ProcedureLevelStatus = z.infer<typeof procedureLevelStatus>;

export const procedureSummarySchema = z.object({
  key: z.string(),
  seq: z.number().int(),
  name: z.string(),
  group: procedureGroup,
  ownerAgency: z.string(),
  ministry: z.string(),
  executingUnit: z.string(),
  /** Mã thủ tục in force for this office: its province's override when the catalogue has one. */
  codes: z.array(z.string()),
  currentLevel: serviceLevel.nullable(),
  targetLevel: serviceLevel.nullable(),
  currentLegacyLevel: legacyLevel.nullable(),
  targetLegacyLevel: legacyLevel.nullable(),
  deadline: isoDay.nullable(),
  status: procedureLevelStatus,
  processingDays: z.number().int().nullable(),
  cutoff15h: z.boolean(),
  onlineOnlyFrom: isoDay.nullable(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const levelHistoryEntrySchema = z.object({
  id: z.number().int(),
  changedAt: z.string(), // ISO 8601 UTC
  effectiveFrom: isoDay,
  actor: z.string(),
  origin: z.enum(['catalog', 'manual']),
  catalogVersion: z.string().nullable(),
  currentLevel: serviceLevel.nullable(),
  targetLevel: serviceLevel.nullable(),
  deadline: isoDay.nullable(),
  previousCurrentLevel: serviceLevel.nullable(),
  previousTargetLevel: serviceLevel.nullable(),
  previousDeadline: isoDay.nullable(),
  note: z.string(),
});
export type LevelHistoryEntry = z.infer<typeof levelHistoryEntrySchema>;

export const procedureDetailSchema = procedureSummarySchema.extend({
  allCodes: z.array(
    z.object({
      code: z.string(),
      scope: z.enum(['commune', 'province', 'central']),
      note: z.string(),
    }),
  ),
  provinceCodes: z.record(z.string(), z.array(z.string())),
  currentState: z.string(),
  notes: z.string(),
  source: z.string(),
  processingSource: z.string(),
  effectiveFrom: isoDay.nullable(),
  catalogVersion: z.string(),
  history: z.array(levelHistoryEntrySchema),
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

/** A key (`dang-ky-khai-sinh`) or a mã thủ tục (`1.001193`). */
const procedureRef = z.string().trim().min(1).max(80);

export const proceduresCalls = {
  'procedures.list': defineCall({
    summary: 'The 25 essential procedures of the active catalogue with level vs target status.',
    input: noInput,
    output: z.array(procedureSummarySchema),
    errors: [],
  }),
  'procedures.get': defineCall({
    summary: 'One procedure (by key or mã thủ tục) with its codes, notes and level history.',
    input: z.object({ key: procedureRef }),
    output: procedureDetailSchema,
    errors: ['PROCEDURE_NOT_FOUND'],
  }),
  'procedures.setLevel': defineCall({
    summary:
      'Record a change of current level, target level or deadline as a dated history entry (who, why).',
    input: z.object({
      key: procedureRef,
      // Strings, checked by the service, so a level outside the taxonomy gets its own error code.
      currentLevel: z.string().max(20).optional(),
      targetLevel: z.string().max(20).optional(),
      deadline: isoDay.optional(),
      effectiveFrom: isoDay.optional(),
      note: z.string().trim().max(1000),
    }),
    output: procedureDetailSchema,
    errors: [
      'PROCEDURE_NOT_FOUND',
      'LEVEL_UNKNOWN',
      'DEADLINE_IN_PAST',
      'LEVEL_NOTE_REQUIRED',
      'LEVEL_NO_CHANGE',
    ],
  }),
};
