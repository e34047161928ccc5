import { z } from 'zod';
import { chipReadResultSchema } from './calls/chip';
import { runStateSchema } from './autofill-schemas';
import { deviceKey, scannerStateSchema } from './device-schemas';
import { scanRecordSchema, scanSource } from './scan-schemas';
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
  z.object({
    type: z.literal('dossier.updated'),
    at: z.number(),
    code: z.string(),
    procedureKey: z.string(),
    day: isoDay,
  }),
  z.object({
    type: z.literal('procedures.changed'),
    at: z.number(),
    /** The procedure whose level changed, or null when a whole catalogue was loaded. */
    key: z.string().nullable(),
  }),
  z.object({
    type: z.literal('chip.readers'),
    at: z.number(),
    service: z.enum(['starting', 'ready', 'unavailable', 'disabled']),
    readers: z.array(
      z.object({ name: z.string(), cardPresent: z.boolean(), extendedLength: z.boolean() }),
    ),
  }),
  z.object({
    type: z.literal('chip.card'),
    at: z.number(),
    reader: z.string(),
    present: z.boolean(),
  }),
  z.object({
    type: z.literal('chip.progress'),
    at: z.number(),
    reader: z.string(),
    step: z.enum(['access', 'files', 'chip-auth', 'active-auth', 'verify', 'done', 'failed']),
    file: z.string().optional(),
    percent: z.number().min(0).max(100),
    apdus: z.number().int(),
  }),
  // A record pushed by a vendor reader's middleware (HTTP push receiver).
  z.object({
    type: z.literal('chip.vendorRecord'),
    at: z.number(),
    result: chipReadResultSchema,
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
  /** A scan was decoded (any path); `scan.receivedAt` is when its last byte reached the app. */
  z.object({
    type: z.literal('scan.decoded'),
    at: z.number(),
    scan: scanRecordSchema,
  }),
  /** A scan has begun arriving (serial chunks, HID reports) and is not complete yet. */
  z.object({
    type: z.literal('scan.receiving'),
    at: z.number(),
    deviceKey,
    deviceLabel: z.string(),
    source: scanSource,
    bytes: z.number().int(),
  }),
  /** A partial scan was dropped (unplugged mid-scan, stalled, oversized); nothing was saved. */
  z.object({
    type: z.literal('scan.discarded'),
    at: z.number(),
    deviceKey,
    deviceLabel: z.string(),
    source: scanSource,
    reason: z.enum(['unplugged', 'timeout', 'too_long', 'closed']),
    bytes: z.number().int(),
  }),
  /** A scanner was plugged in, unplugged, or failed to open. */
  z.object({
    type: z.literal('device.status'),
    at: z.number(),
    scanner: scannerStateSchema,
  }),
  /** Profiles or the test-scan mode changed (Devices page). */
  z.object({
    type: z.literal('devices.changed'),
    at: z.number(),
    testArmedUntil: z.number().nullable(),
  }),
  // Digitization (issue 5): a page arrived, a scan changed state, a document was filed.
  z.object({
    type: z.literal('digitization.page'),
    at: z.number(),
    draftId: z.string(),
    seq: z.number().int(),
    blank: z.boolean(),
  }),
  z.object({
    type: z.literal('digitization.scanState'),
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
  /** Reports (issue 6): a profile or template text changed, or a report was issued. */
  z.object({
    type: z.literal('reports.changed'),
    at: z.number(),
    profileId: z.number().int().nullable(),
  }),
]);

export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
