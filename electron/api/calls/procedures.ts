import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { isoDay, legacyLevel, noInput, procedureGroup, serviceLevel } from '../schemas';

export const procedureSummarySchema = z.object({
  key: z.string(),
  seq: z.number().int(),
  name: z.string(),
  group: procedureGroup,
  ownerAgency: z.string(),
  executingUnit: z.string(),
  codes: z.array(z.string()),
  currentLevel: serviceLevel.nullable(),
  targetLevel: serviceLevel.nullable(),
  currentLegacyLevel: legacyLevel.nullable(),
  targetLegacyLevel: legacyLevel.nullable(),
  deadline: isoDay.nullable(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const proceduresCalls = {
  'procedures.list': defineCall({
    summary: 'The 25 essential procedures of the active catalogue, in catalogue order.',
    input: noInput,
    output: z.array(procedureSummarySchema),
    errors: [],
  }),
};
