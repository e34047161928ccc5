import { z } from 'zod';
import { defineCall } from '../contract-kit';
import {
  deviceKey,
  hidDeviceSchema,
  profileInputSchema,
  profileSchema,
  scannerStateSchema,
  serialPortSchema,
  wedgeSettingsSchema,
} from '../device-schemas';
import { noInput } from '../schemas';

const apiErrorShape = z.object({ code: z.string(), message: z.string() });

export const devicesCalls = {
  'devices.list': defineCall({
    summary:
      'HID devices and serial ports present now, the barcode scanners the app reads and their state, and the saved profiles.',
    input: noInput,
    output: z.object({
      hid: z.array(hidDeviceSchema),
      serialPorts: z.array(serialPortSchema),
      scanners: z.array(scannerStateSchema),
      profiles: z.array(profileSchema),
      /** Set when a listing failed (node-hid not loadable, …); the rest is still answered. */
      problems: z.array(apiErrorShape),
    }),
    errors: [],
  }),
  'devices.saveProfile': defineCall({
    summary: 'Create or update a scanner profile; the reader restarts with the new settings.',
    input: profileInputSchema,
    output: profileSchema,
    errors: [],
  }),
  'devices.deleteProfile': defineCall({
    summary:
      'Forget a scanner profile (a serial port is closed; a HID POS scanner reverts to auto).',
    input: z.object({ deviceKey }),
    output: z.object({ deleted: z.boolean() }),
    errors: [],
  }),
  'devices.wedgeSettings': defineCall({
    summary: 'The keyboard-wedge thresholds in force on this workstation.',
    input: noInput,
    output: wedgeSettingsSchema,
    errors: [],
  }),
  'devices.armTestScan': defineCall({
    summary:
      'The next scan from any scanner is a test (Devices page wizard): shown there, never at the counter.',
    input: z
      .object({ timeoutMs: z.number().int().min(1000).max(300_000).default(60_000) })
      .optional(),
    output: z.object({ armedUntil: z.number() }),
    errors: [],
  }),
  'devices.disarmTestScan': defineCall({
    summary: 'Leave test mode without scanning.',
    input: noInput,
    output: z.object({ armed: z.literal(false) }),
    errors: [],
  }),
};
