import { z } from 'zod';
import { isoDay } from './schemas';

/**
 * Events pushed from services to the UI on one subscription (webContents.send in Electron,
 * Server-Sent Events in the headless host). `at` is epoch ms, so the UI can measure latency.
 */
export const appEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dossier.created'),
    at: z.number(),
    code: z.string(),
    procedureKey: z.string(),
    day: isoDay,
  }),
  z.object({
    type: z.literal('settings.changed'),
    at: z.number(),
  }),
  // Upward sync, while it runs: one event when a recipient's run starts, one per acknowledged
  // batch, one when it ends (finished or failed, with the error code and the next try).
  z.object({
    type: z.literal('sync.progress'),
    at: z.number(),
    recipientId: z.number().int(),
    phase: z.enum(['started', 'batch', 'finished', 'failed']),
    acknowledged: z.number().int(),
    backlog: z.number().int(),
    errorCode: z.string().nullable(),
    nextAttemptAt: z.number().nullable(),
  }),
]);

export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
