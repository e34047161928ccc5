import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { parsedCitizenSchema, scanRecordSchema, wedgeStatsSchema } from '../scan-schemas';
import { noInput, warningSchema } from '../schemas';

const QR_ERRORS = [
  'QR_EMPTY',
  'QR_TOO_LONG',
  'QR_NOT_CCCD',
  'QR_VNEID_TOKEN',
  'QR_COVID_PASS',
  'QR_URL',
  'QR_FIELD_COUNT',
  'QR_ID_INVALID',
  'QR_OLD_ID_INVALID',
  'QR_NAME_INVALID',
  'QR_DATE_INVALID',
  'QR_SEX_INVALID',
  'QR_ENCODING',
] as const;

const scanRef = z.object({ scanId: z.string().min(1).max(64) });

export const intakeCalls = {
  'intake.parseQr': defineCall({
    summary: 'Decode the text of a CCCD / thẻ căn cước QR code into a citizen record.',
    input: z.object({ text: z.string().max(8192) }),
    output: z.object({ citizen: parsedCitizenSchema, warnings: z.array(warningSchema) }),
    errors: QR_ERRORS,
  }),
  'intake.submitScan': defineCall({
    summary:
      'A scan captured in the page (keyboard wedge, or pasted text): decoded like HID POS and serial scans, kept in the session list and announced as scan.decoded.',
    input: z.object({
      /** ScanInput.bytes: the captured text's UTF-8 bytes, base64. */
      bytes: z.base64().max(8192),
      source: z.enum(['wedge', 'manual']),
      /** ScanInput.at: epoch ms of the last key (wedge) or of the click (manual). */
      at: z.number(),
      purpose: z.enum(['intake', 'test']).default('intake'),
      wedge: wedgeStatsSchema.optional(),
    }),
    output: scanRecordSchema,
    errors: [],
  }),
  'intake.recentScans': defineCall({
    summary: 'The last 20 scans of this session (newest first), for quick re-use at the counter.',
    input: noInput,
    output: z.array(scanRecordSchema),
    errors: [],
  }),
  'intake.revealId': defineCall({
    summary: 'The full ID number of a scanned card, for the clerk who asked to see it (audited).',
    input: scanRef,
    output: z.object({ idNumber: z.string() }),
    errors: ['SCAN_NOT_FOUND', 'SCAN_NO_CITIZEN'],
  }),
  'intake.oldIdSlip': defineCall({
    summary:
      'One-page PDF confirming the old 9-digit ID number read from the card QR (NĐ 70/2024 Art. 12), saved under the data folder (audited).',
    input: scanRef,
    output: z.object({
      file: z.string(),
      fileName: z.string(),
      pages: z.number().int(),
      pdfBase64: z.string(),
    }),
    errors: ['SCAN_NOT_FOUND', 'SCAN_NO_CITIZEN', 'SCAN_NO_OLD_ID', 'DOCUMENT_WRITE_FAILED'],
  }),
};
