import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { noInput } from '../schemas';

/**
 * The office identity. The agency code is the prefix of every dossier code
 * (TT 01/2018/TT-VPCP Art. 19: identifier of the receiving agency, e.g. "000.00.15.H33").
 */
export const officeSettingsSchema = z.object({
  officeName: z.string().trim().min(1).max(200),
  adminUnitCode: z
    .string()
    .trim()
    .regex(
      /^\d{2}(\d{3})?$|^\d{5}$/,
      'Mã ĐVHC: 2 chữ số (tỉnh) hoặc 5 chữ số (xã) theo QĐ 19/2025',
    ),
  agencyCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]+(\.[A-Z0-9]+)*$/, 'Chữ in hoa, chữ số và dấu chấm, ví dụ 000.00.15.H33')
    .max(40),
  place: z.string().trim().max(100).default(''),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const settingsCalls = {
  'settings.getOffice': defineCall({
    summary: 'The office identity, or null before first-run setup.',
    input: noInput,
    output: officeSettingsSchema.nullable(),
    errors: [],
  }),
  'settings.updateOffice': defineCall({
    summary: 'Set the office identity (first-run setup or later correction).',
    input: officeSettingsSchema,
    output: officeSettingsSchema,
    errors: [],
  }),
};
