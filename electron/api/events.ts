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
  // Digitization (issue 5): a page arrived, a scan changed state, a document was filed.
  z.object({
    type: z.literal('scan.page'),
    at: z.number(),
    draftId: z.string(),
    seq: z.number().int(),
    blank: z.boolean(),
  }),
  z.object({
    type: z.literal('scan.state'),
    at: z.number(),
    draftId: z.string(),
    state: z.enum(['scanning', 'ready', 'failed', 'cancelled']),
    errorCode: z.string().nullable(),
    pages: z.number().int(),
  }),
  z.object({
    type: z.literal('digitization.recorded'),
    at: z.number(),
    dossierCode: z.string(),
    documentId: z.number().int(),
    kind: z.enum(['component', 'result']),
  }),
]);

export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
