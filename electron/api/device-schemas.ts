import { z } from 'zod';

/**
 * Barcode-scanner profiles, per workstation (table barcode_scanner_profiles). A device key names
 * one scanner across unplug/replug: `wedge`, `hid:<vid>:<pid>:<serial or interface>`,
 * `serial:<path>`.
 */
export const deviceKey = z
  .string()
  .min(1)
  .max(300)
  .regex(/^(wedge|hid:[0-9a-f]{4}:[0-9a-f]{4}:.+|serial:.+)$/, 'wedge | hid:vid:pid:… | serial:…');

export const scannerMode = z.enum(['wedge', 'hid_pos', 'serial']);
export type ScannerMode = z.infer<typeof scannerMode>;

/** Keyboard-wedge thresholds (onScan.js defaults adapted: scanners.md §1.3). */
export const wedgeSettingsSchema = z.object({
  /** Longest gap between two keys of one scan; humans rarely type two keys this fast. */
  interKeyGapMs: z.number().int().min(5).max(200).default(35),
  /** Shortest burst taken as a scan (an ID card QR is over 60 characters). */
  minLength: z.number().int().min(4).max(200).default(8),
  /** KeyboardEvent.key values the scanner sends before/after the data (configure on the scanner). */
  prefixKeys: z.array(z.string().min(1).max(20)).max(4).default([]),
  suffixKeys: z.array(z.string().min(1).max(20)).max(4).default(['Enter', 'Tab']),
  /**
   * With suffix keys configured, how long a scan may pause before its suffix (a busy PC can
   * deliver a scanner's keys unevenly). Without suffix keys a scan ends after interKeyGapMs.
   */
  suffixWaitMs: z.number().int().min(50).max(2000).default(250),
});
export type WedgeSettings = z.infer<typeof wedgeSettingsSchema>;
export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = wedgeSettingsSchema.parse({});

export const serialSettingsSchema = z.object({
  path: z.string().min(1).max(260),
  baudRate: z.number().int().min(300).max(4_000_000).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  suffix: z.enum(['CR', 'LF', 'CRLF', 'idle']).default('CR'),
  /** Silence that ends a scan when the scanner sends no suffix. */
  idleMs: z.number().int().min(10).max(2000).default(60),
});
export type SerialSettings = z.infer<typeof serialSettingsSchema>;

export const hidSettingsSchema = z.object({
  layout: z.enum(['auto', 'honeywell', 'newland', 'descriptor']).default('auto'),
});
export type HidSettings = z.infer<typeof hidSettingsSchema>;

const profileCommon = {
  deviceKey,
  label: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  vendorId: z.number().int().min(0).max(0xffff).nullable().default(null),
  productId: z.number().int().min(0).max(0xffff).nullable().default(null),
};

const KEY_PREFIX = { wedge: 'wedge', hid_pos: 'hid:', serial: 'serial:' } as const;

export const profileInputSchema = z
  .discriminatedUnion('mode', [
    z.object({ ...profileCommon, mode: z.literal('wedge'), settings: wedgeSettingsSchema }),
    z.object({ ...profileCommon, mode: z.literal('hid_pos'), settings: hidSettingsSchema }),
    z.object({ ...profileCommon, mode: z.literal('serial'), settings: serialSettingsSchema }),
  ])
  .refine((p) => p.deviceKey.startsWith(KEY_PREFIX[p.mode]), {
    message: 'deviceKey does not match mode',
    path: ['deviceKey'],
  })
  .refine((p) => p.mode !== 'serial' || p.deviceKey === `serial:${p.settings.path}`, {
    message: 'a serial profile is keyed by its port: serial:<path>',
    path: ['deviceKey'],
  });
export type ProfileInput = z.input<typeof profileInputSchema>;
export type Profile = z.output<typeof profileInputSchema> & { updatedAt: number };
export const profileSchema = z.intersection(
  profileInputSchema,
  z.object({ updatedAt: z.number() }),
);

export const hidDeviceSchema = z.object({
  vendorId: z.number().int(),
  productId: z.number().int(),
  usagePage: z.number().int().nullable(),
  usage: z.number().int().nullable(),
  product: z.string().nullable(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  interface: z.number().int(),
  path: z.string().nullable(),
  /** HID POS bar code scanner collection (0x8C/0x02): read in the background. */
  barcodePos: z.boolean(),
});
export type HidDevice = z.infer<typeof hidDeviceSchema>;

export const serialPortSchema = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  serialNumber: z.string().nullable(),
});
export type SerialPortEntry = z.infer<typeof serialPortSchema>;

export const scannerStateSchema = z.object({
  deviceKey,
  mode: z.enum(['hid_pos', 'serial']),
  label: z.string(),
  state: z.enum(['connected', 'disconnected', 'failed']),
  path: z.string().nullable(),
  layout: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  since: z.number(),
});
export type ScannerState = z.infer<typeof scannerStateSchema>;
