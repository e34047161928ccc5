import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { citizenSchema, dossierChannel, dossierStatus, isoDay, noInput } from '../schemas';

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

export const dossiersCalls = {
  'dossiers.create': defineCall({
    summary: 'Receive a dossier for a citizen and a procedure; the citizen record is kept locally.',
    input: z.object({
      procedureKey: z.string().min(1).max(80),
      channel: dossierChannel.default('in_person'),
      citizen: citizenSchema,
      note: z.string().max(1000).optional(),
    }),
    output: dossierSchema,
    errors: ['PROCEDURE_NOT_FOUND', 'OFFICE_NOT_CONFIGURED', 'DB_BUSY'],
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
};
