import { z } from 'zod';
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
]);

export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
