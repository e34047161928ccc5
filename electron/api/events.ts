import { z } from 'zod';
import { runStateSchema } from './autofill-schemas';
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
  /** Every phase change and progress step of an autofill run (never the typed values). */
  z.object({
    type: z.literal('autofill.run'),
    at: z.number(),
    run: runStateSchema,
  }),
  /** The desktop app's global autofill hotkey was pressed (the Counter page starts a run). */
  z.object({
    type: z.literal('autofill.hotkey'),
    at: z.number(),
  }),
]);

export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
