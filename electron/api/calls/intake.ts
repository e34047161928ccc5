import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { qrErrors } from '../error-catalog/qr';
import { parsedCitizenSchema, scanRecordSchema, wedgeStatsSchema } from '../scan-schemas';
import { noInput, warningSchema } from '../schemas';

/** Every code of the QR payload catalogue (cccd-formats.md §1): one list, kept there. */
const QR_ERRORS = Object.keys(qrErrors) as (keyof typeof qrErrors)[];

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
