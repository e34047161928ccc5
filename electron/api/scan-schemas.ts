import { z } from 'zod';
import { citizenSchema, warningSchema } from './schemas';

/**
 * One shape for a barcode scan, whatever path it came through (DESIGN.md, Devices): the keyboard
 * wedge (captured in the renderer), HID POS (node-hid) or a virtual serial port (serialport),
 * plus text a clerk pasted by hand.
 */
export const scanSource = z.enum(['wedge', 'hid_pos', 'serial', 'manual']);
export type ScanSource = z.infer<typeof scanSource>;

export const parsedCitizenSchema = citizenSchema.extend({
  issueDate: citizenSchema.shape.issueDate.unwrap(),
  extraFields: z.array(z.string()),
});
export type ParsedCitizen = z.infer<typeof parsedCitizenSchema>;

/** The issue's output shape, also printed by `qr parse`. */
export const qrResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    citizen: parsedCitizenSchema,
    warnings: z.array(warningSchema),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type QrResult = z.infer<typeof qrResultSchema>;

/** How a wedge burst was typed: what IT staff need to tune the thresholds. */
export const wedgeStatsSchema = z.object({
  keys: z.number().int().min(0),
  durationMs: z.number().min(0),
  meanGapMs: z.number().min(0),
  maxGapMs: z.number().min(0),
  prefix: z.string().nullable(),
  suffix: z.string().nullable(),
});
export type WedgeStats = z.infer<typeof wedgeStatsSchema>;

export const scanRecordSchema = z.object({
  scanId: z.string(),
  /** 'test': a scan made in the Devices page wizard; it never reaches the counter. */
  purpose: z.enum(['intake', 'test']),
  source: scanSource,
  deviceKey: z.string(),
  deviceLabel: z.string(),
  /** Epoch ms when the scan's last byte reached the app (main process, or the page's key). */
  receivedAt: z.number(),
  decodedAt: z.number(),
  /** Identical scans merged into this one (a clerk scanning twice in a few seconds). */
  repeats: z.number().int().min(0),
  byteLength: z.number().int(),
  bytesHex: z.string(),
  /** The bytes as UTF-8 without repair, for showing next to the hex dump. */
  rawText: z.string(),
  idNumberMasked: z.string().nullable(),
  result: qrResultSchema,
  transport: z.object({
    layout: z.string().nullable(),
    aim: z.string().nullable(),
    reports: z.number().int().nullable(),
    wedge: wedgeStatsSchema.nullable(),
  }),
});
export type ScanRecord = z.infer<typeof scanRecordSchema>;
