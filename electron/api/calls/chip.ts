import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { citizenSchema, isoDay, noInput, warningSchema } from '../schemas';

/** CAN = last 6 digits of the ID number (cccd-formats.md §3.1); MRZ = the three TD1 lines, or its key fields. */
export const accessKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('can'), can: z.string().regex(/^\d{6}$/, '6 chữ số') }),
  z.object({ kind: z.literal('mrz'), mrz: z.string().min(88).max(100) }),
  z.object({
    kind: z.literal('mrz-fields'),
    documentNumber: z.string().regex(/^[A-Z0-9<]{1,9}$/),
    birthDate: z.string().regex(/^\d{6}$/, 'YYMMDD'),
    expiryDate: z.string().regex(/^\d{6}$/, 'YYMMDD'),
  }),
]);
export type AccessKeyInput = z.infer<typeof accessKeySchema>;

export const readerSchema = z.object({
  name: z.string(),
  cardPresent: z.boolean(),
  /** Extended-length APDUs: used unless the reader refused them once (then short chunks). */
  extendedLength: z.boolean(),
});

export const chipStatusSchema = z.object({
  service: z.enum(['starting', 'ready', 'unavailable', 'disabled']),
  readers: z.array(readerSchema),
  reading: z.string().nullable(),
});

export const checkSchema = z.object({
  id: z.enum([
    'DG_HASHES',
    'SOD_SIGNATURE',
    'ISSUER_TRUST',
    'CERT_VALIDITY',
    'CHIP_AUTH',
    'ACTIVE_AUTH',
  ]),
  status: z.enum(['pass', 'fail', 'warn', 'not_done']),
  reason: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const verdictSchema = z.enum([
  'genuine',
  'issuer_not_verified',
  'clone_not_checked',
  'not_genuine',
  'vendor_reported',
]);

const certificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
});

const nullableText = z.string().nullable();

/** The chip's record (DG13 + DG1), dates as YYYY-MM-DD where they are dates, the text as printed too. */
export const chipCitizenSchema = z.object({
  idNumber: nullableText,
  fullName: nullableText,
  dateOfBirth: isoDay.nullable(),
  dateOfBirthText: nullableText,
  sex: z.enum(['male', 'female']).nullable(),
  nationality: nullableText,
  ethnicity: nullableText,
  religion: nullableText,
  hometown: nullableText,
  residence: nullableText,
  identifyingMarks: nullableText,
  issueDate: isoDay.nullable(),
  expiryDate: isoDay.nullable(),
  expiryText: nullableText,
  fatherName: nullableText,
  motherName: nullableText,
  spouseName: nullableText,
  oldIdNumber: nullableText,
});
export type ChipCitizen = z.infer<typeof chipCitizenSchema>;

export const chipReadResultSchema = z.object({
  readId: z.number().int().nullable(),
  source: z.string(),
  method: z.enum(['pace', 'bac', 'vendor']),
  durationMs: z.number(),
  apduCount: z.number().int(),
  bytesRead: z.number().int(),
  verdict: verdictSchema,
  checks: z.array(checkSchema),
  documentSigner: certificateSchema.nullable(),
  trustAnchor: certificateSchema.nullable(),
  citizen: chipCitizenSchema,
  mrz: z
    .object({
      documentNumber: z.string(),
      birthDate: z.string(),
      expiryDate: z.string(),
      name: z.string(),
    })
    .nullable(),
  photo: z
    .object({
      mime: z.enum(['image/jpeg', 'image/png']),
      dataUrl: z.string(),
      sourceFormat: z.enum(['jpeg', 'jp2']),
    })
    .nullable(),
  disagreements: z.array(z.object({ field: z.string(), qr: nullableText, chip: nullableText })),
  warnings: z.array(warningSchema),
});
export type ChipReadResult = z.infer<typeof chipReadResultSchema>;

export const trustAnchorSchema = z.object({
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  country: z.string(),
  validFrom: z.number(),
  validTo: z.number(),
  source: z.string(),
  importedAt: z.number(),
});

const readErrors = [
  'PCSC_UNAVAILABLE',
  'READER_NOT_FOUND',
  'READER_GONE',
  'READER_BUSY',
  'CARD_ABSENT',
  'CHIP_NO_READER',
  'CHIP_READ_IN_PROGRESS',
  'CHIP_ACCESS_KEY_REJECTED',
  'CHIP_KEY_RETRY_NEEDS_CONFIRMATION',
  'CHIP_ACCESS_KEY_INVALID',
  'CHIP_MRZ_INVALID',
  'CHIP_PACE_UNSUPPORTED',
  'CHIP_NOT_ID_CARD',
  'CHIP_CARD_REMOVED',
  'CHIP_TRANSPORT_FAILED',
  'CHIP_TLV_MALFORMED',
  'CHIP_LENGTH_OVERSIZED',
  'CHIP_RESPONSE_MALFORMED',
  'CHIP_SM_INVALID',
  'CHIP_STATUS_UNEXPECTED',
  'CHIP_ACCESS_DENIED',
  'CHIP_FILE_MISSING',
  'CHIP_DG_MALFORMED',
  'CHIP_SOD_MALFORMED',
  'CHIP_CURVE_UNSUPPORTED',
  'CHIP_CANCELLED',
] as const;

export const chipCalls = {
  'chip.status': defineCall({
    summary: 'PC/SC service state, the readers and whether a card lies on each.',
    input: noInput,
    output: chipStatusSchema,
    errors: [],
  }),
  'chip.read': defineCall({
    summary:
      'Read the ID card chip on a reader (PACE with the CAN or MRZ, else BAC), verify it (SOD hashes, signature, CSCA, CA/AA) and compare it with the QR.',
    input: z.object({
      reader: z.string().max(200).optional(),
      key: accessKeySchema,
      /** The QR record already scanned, to flag disagreements (optional). */
      qr: citizenSchema.optional(),
      /** The clerk confirmed another try after refused keys (the chip may slow down or block). */
      confirmRetry: z.boolean().default(false),
      /** Read the face photo too (DG2, the largest file). */
      photo: z.boolean().default(true),
    }),
    output: chipReadResultSchema,
    errors: [...readErrors],
  }),
  'chip.cancel': defineCall({
    summary: 'Stop the read in progress (the card stays untouched; nothing is saved).',
    input: noInput,
    output: z.object({ cancelled: z.boolean() }),
    errors: [],
  }),
  'chip.trustList': defineCall({
    summary: 'The CSCA certificates this office trusts for chip verification.',
    input: noInput,
    output: z.array(trustAnchorSchema),
    errors: [],
  }),
  'chip.trustImport': defineCall({
    summary:
      'Import CSCA certificates: a PEM/DER certificate, a PEM bundle or an ICAO CSCA master list.',
    input: z.object({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().min(1).max(20_000_000),
    }),
    output: z.object({
      imported: z.number().int(),
      alreadyPresent: z.number().int(),
      anchors: z.array(trustAnchorSchema),
    }),
    errors: ['TRUST_FILE_INVALID', 'TRUST_NOT_CA', 'TRUST_MASTER_LIST_INVALID'],
  }),
  'chip.trustRemove': defineCall({
    summary: 'Remove one CSCA from the trust store.',
    input: z.object({ fingerprint: z.string().regex(/^[0-9A-F]{64}$/) }),
    output: z.object({ removed: z.boolean() }),
    errors: [],
  }),
  'chip.vendorIngest': defineCall({
    summary:
      'Accept a record pushed by a vendor chip reader (HN-212 Socket.IO, CICClient HTTP push, WebSocket kiosks) and map it to the same record.',
    input: z.object({
      format: z.enum(['hn212', 'cicclient', 'websocket']),
      payload: z.unknown(),
      qr: citizenSchema.optional(),
    }),
    output: chipReadResultSchema,
    errors: ['VENDOR_PAYLOAD_INVALID'],
  }),
};
