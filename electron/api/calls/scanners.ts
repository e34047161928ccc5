import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { noInput } from '../schemas';

export const colorMode = z.enum(['color', 'gray', 'bw']);
export const scanSource = z.enum(['flatbed', 'feeder']);
/** `sane:…`, `escl:http(s)://…`, `folder:/…`, `wia:…`, `naps2:twain|wia:…` */
export const deviceUri = z
  .string()
  .trim()
  .min(6)
  .max(500)
  .regex(/^(sane|escl|folder|wia|naps2):\S/, 'sane:|escl:|folder:|wia:|naps2:');

/** What the clerk scans with; regulations.md §3 requires ≥ 200 dpi. */
export const scanSettingsSchema = z.object({
  source: scanSource,
  duplex: z.boolean(),
  dpi: z.number().int().min(200).max(1200),
  colorMode,
  deskew: z.boolean().default(false),
});
export type ScanSettingsInput = z.input<typeof scanSettingsSchema>;

export const scannerDeviceSchema = z.object({
  uri: z.string(),
  driver: z.enum(['escl', 'sane', 'wia', 'naps2', 'folder']),
  name: z.string(),
  foundBy: z.enum(['mdns', 'list', 'manual']),
  detail: z.string().optional(),
});

export const capabilitiesSchema = z.object({
  uri: z.string(),
  makeAndModel: z.string(),
  sources: z.array(
    z.object({
      source: scanSource,
      duplex: z.boolean(),
      resolutions: z.array(z.number().int()),
      colorModes: z.array(colorMode),
      formats: z.array(z.string()),
      nativeName: z.string().optional(),
      maxWidthMm: z.number().optional(),
      maxHeightMm: z.number().optional(),
    }),
  ),
});
export type ScannerCapabilitiesView = z.infer<typeof capabilitiesSchema>;

export const scannerProfileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  deviceUri: z.string(),
  source: scanSource,
  duplex: z.boolean(),
  dpi: z.number().int(),
  colorMode,
  deskew: z.boolean(),
  isDefault: z.boolean(),
});
export type ScannerProfile = z.infer<typeof scannerProfileSchema>;

const DEVICE_ERRORS = [
  'SCANNER_BUSY',
  'SCANNER_GONE',
  'SCANNER_IO_ERROR',
  'SCANNER_DRIVER_MISSING',
  'SCANNER_URI_INVALID',
] as const;

export const scannersCalls = {
  'scanners.discover': defineCall({
    summary:
      'Scanners found on this computer and the network (SANE list, eSCL over mDNS, WIA/NAPS2).',
    input: noInput,
    output: z.object({
      devices: z.array(scannerDeviceSchema),
      /** Routes that could not be searched (e.g. scanimage missing), with their code. */
      unavailable: z.array(z.object({ driver: z.string(), code: z.string() })),
    }),
    errors: [],
  }),
  'scanners.capabilities': defineCall({
    summary: 'Sources, resolutions, colour modes and formats a device offers.',
    input: z.object({ uri: deviceUri }),
    output: capabilitiesSchema,
    errors: [...DEVICE_ERRORS],
  }),
  'scanners.listProfiles': defineCall({
    summary: "The office's scanner profiles (device + source, duplex, dpi, colour), default first.",
    input: noInput,
    output: z.array(scannerProfileSchema),
    errors: [],
  }),
  'scanners.saveProfile': defineCall({
    summary: 'Create or change a scanner profile (IT staff).',
    input: scanSettingsSchema.extend({
      id: z.number().int().positive().optional(),
      name: z.string().trim().min(1).max(80),
      deviceUri,
      isDefault: z.boolean().default(false),
    }),
    output: scannerProfileSchema,
    errors: ['SCANNER_PROFILE_NOT_FOUND', 'SCANNER_URI_INVALID'],
  }),
  'scanners.archiveProfile': defineCall({
    summary: 'Retire a profile (kept for the record, no longer offered).',
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ archived: z.literal(true) }),
    errors: ['SCANNER_PROFILE_NOT_FOUND'],
  }),
};
