/**
 * The sync wire protocol, version `motcua-sync/1` (docs/sync-protocol.md). Everything a hub
 * accepts is described here and nothing else passes: bounded numbers, real calendar days, closed
 * objects. Parsing never throws; it answers a stable code the hub turns into a 4xx.
 */
import { z } from 'zod';
import { MAX_COUNT, SUMMARY_FIELDS, type SummaryField } from './summary-row';

export const PROTOCOL = 'motcua-sync/1';
export const SCHEMA_VERSION = 1;
/** Largest request body a hub reads (bytes). A full batch of 1000 rows is about 330 KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_ROWS_PER_BATCH = 1000;
/** How far the sender's clock may differ from the hub's (ms) before a batch is refused. */
export const DEFAULT_CLOCK_TOLERANCE_MS = 15 * 60_000;
export const SIGNATURE_HEADER = 'x-motcua-signature';
export const NEW_KEY_SIGNATURE_HEADER = 'x-motcua-new-key-signature';

export const PATHS = {
  batches: '/v1/batches',
  enroll: '/v1/enroll',
  rotate: '/v1/keys/rotate',
  health: '/v1/health',
  totals: '/v1/totals',
  offices: '/v1/offices',
} as const;

const knownDays = new Set<string>();

/** Days from 2000-01-01 to 2099-12-31 that exist on the calendar. */
export function isCalendarDay(text: string): boolean {
  if (knownDays.has(text)) return true;
  if (!/^20\d{2}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  // At most 36,525 real days exist in the range: the memo cannot grow without bound.
  if (real) knownDays.add(text);
  return real;
}

// One pattern per identifier, shared by the zod schemas and the hub's fast path below.
const PROCEDURE_RE = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Agency codes (TT 10/2016/TT-BTTTT, e.g. 000.00.15.H33) and administrative unit codes. */
const OFFICE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const KEY_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
const BATCH_ID_RE = /^[A-Za-z0-9_-]{16,64}$/;

export const dayText = z.string().refine(isCalendarDay, 'YYYY-MM-DD, a real day 2000–2099');
export const procedureKey = z.string().regex(PROCEDURE_RE, 'catalogue key');
export const officeCode = z.string().regex(OFFICE_RE, 'office code');
export const keyId = z.string().regex(KEY_ID_RE, 'key id');
export const batchId = z.string().regex(BATCH_ID_RE, 'batch id');
export const publicKeyText = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 Ed25519 key');
const isoInstant = z.iso.datetime({ offset: false });
const count = z.number().int().min(0).max(MAX_COUNT);
export const revision = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const countsSchema = z
  .object(
    Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, count])) as Record<SummaryField, typeof count>,
  )
  .strict();

export const wireRowSchema = z
  .object({ day: dayText, procedure: procedureKey, revision, counts: countsSchema })
  .strict();
export type WireRow = z.infer<typeof wireRowSchema>;

const envelope = {
  protocol: z.literal(PROTOCOL),
  schemaVersion: z.literal(SCHEMA_VERSION),
  office: officeCode,
  keyId,
  sentAt: isoInstant,
};

export const batchSchema = z
  .object({
    ...envelope,
    batchId,
    /** True when this batch empties the sender's backlog: the office's figures are complete. */
    final: z.boolean(),
    rows: z.array(wireRowSchema).max(MAX_ROWS_PER_BATCH),
  })
  .strict()
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.rows.forEach((row, index) => {
      const key = `${row.day}|${row.procedure}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['rows', index], message: 'duplicate day+procedure' });
      seen.add(key);
    });
  });
export type Batch = z.infer<typeof batchSchema>;

export const enrollRequestSchema = z
  .object({
    protocol: z.literal(PROTOCOL),
    office: officeCode,
    code: z.string().min(1).max(40),
    publicKey: publicKeyText,
    sentAt: isoInstant,
    /** Shown to the hub admin, e.g. "UBND phường Hồng Gai — quầy 1". */
    label: z.string().max(200).default(''),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const rotateRequestSchema = z
  .object({
    ...envelope,
    requestId: batchId,
    newPublicKey: publicKeyText,
  })
  .strict();
export type RotateRequest = z.infer<typeof rotateRequestSchema>;

// --- responses -------------------------------------------------------------------------------

export const ackSchema = z
  .object({
    day: dayText,
    procedure: procedureKey,
    revision,
    status: z.enum(['applied', 'duplicate']),
  })
  .strict();
export type Ack = z.infer<typeof ackSchema>;

export const batchResponseSchema = z.object({
  ok: z.literal(true),
  batchId,
  hubTime: isoInstant,
  acks: z.array(ackSchema),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

export const enrollResponseSchema = z.object({
  ok: z.literal(true),
  office: officeCode,
  keyId,
  hubName: z.string().max(200),
  hubTime: isoInstant,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const rotateResponseSchema = z.object({
  ok: z.literal(true),
  office: officeCode,
  keyId,
  hubTime: isoInstant,
});

export const errorResponseSchema = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
    message: z.string().max(2000),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  hubTime: isoInstant.optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** One offending row of a HUB_REVISION_ROLLBACK answer: the hub already holds `hubRevision`. */
export const rollbackRowSchema = z.object({
  day: dayText,
  procedure: procedureKey,
  revision,
  hubRevision: revision,
});

// --- parsing ---------------------------------------------------------------------------------

export type ParseFailure = {
  ok: false;
  code: 'HUB_MALFORMED_JSON' | 'HUB_UNSUPPORTED_VERSION' | 'HUB_INVALID_BATCH';
  details: Record<string, unknown>;
};

/** JSON text → value, or null. Refuses a BOM-less non-UTF-8 body instead of guessing. */
export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | ParseFailure {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'HUB_MALFORMED_JSON', details: { reason: 'not UTF-8' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'HUB_MALFORMED_JSON', details: { reason: 'not JSON' } };
  }
}

/**
 * The checks both validators make first: an object at all, then this protocol (and, for signed
 * envelopes, this schema version) before any field is looked at.
 */
function envelopeFailure(value: unknown, schemaVersion: boolean): ParseFailure | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'HUB_INVALID_BATCH', details: { reason: 'not an object' } };
  }
  const record = value as Record<string, unknown>;
  if (record.protocol !== PROTOCOL) {
    return {
      ok: false,
      code: 'HUB_UNSUPPORTED_VERSION',
      details: { expected: PROTOCOL, received: String(record.protocol).slice(0, 40) },
    };
  }
  if (schemaVersion && record.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      code: 'HUB_UNSUPPORTED_VERSION',
      details: { expected: SCHEMA_VERSION, received: String(record.schemaVersion).slice(0, 20) },
    };
  }
  return null;
}

/**
 * Validates a request against `schema`, first answering HUB_UNSUPPORTED_VERSION for a document
 * of another protocol or schema version (a newer client, or something else entirely).
 */
export function validateRequest<T>(
  value: unknown,
  schema: z.ZodType<T>,
  options: { schemaVersion?: boolean } = {},
): { ok: true; value: T } | ParseFailure {
  const refused = envelopeFailure(value, options.schemaVersion ?? false);
  if (refused) return refused;
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    code: 'HUB_INVALID_BATCH',
    details: {
      issues: parsed.error.issues.slice(0, 10).map((issue) => ({
        path: issue.path.map(String).join('.').slice(0, 100),
        message: issue.message.slice(0, 200),
      })),
    },
  };
}

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

// --- the hub's fast path ---------------------------------------------------------------------

const BATCH_KEYS = [
  'protocol',
  'schemaVersion',
  'office',
  'keyId',
  'batchId',
  'sentAt',
  'final',
  'rows',
];
const ROW_KEYS = ['day', 'procedure', 'revision', 'counts'];
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function exactKeys(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const own = Object.keys(value);
  return (
    own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k))
  );
}

const isCount = (v: unknown) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT;
const isRevision = (v: unknown) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= Number.MAX_SAFE_INTEGER;

/**
 * The same rules as `batchSchema`, written out by hand: a hub ingests tens of thousands of rows a
 * second and a generic validator spends more time than the database. A property test keeps the
 * two in agreement.
 */
export function validateBatchFast(value: unknown): { ok: true; value: Batch } | ParseFailure {
  const invalid = (path: string, message: string): ParseFailure => ({
    ok: false,
    code: 'HUB_INVALID_BATCH',
    details: { issues: [{ path, message }] },
  });
  const refused = envelopeFailure(value, true);
  if (refused) return refused;
  const b = value as Record<string, unknown>;
  if (!exactKeys(b, BATCH_KEYS)) return invalid('', 'unexpected or missing fields');
  if (typeof b.office !== 'string' || !OFFICE_RE.test(b.office))
    return invalid('office', 'office code');
  if (typeof b.keyId !== 'string' || !KEY_ID_RE.test(b.keyId)) return invalid('keyId', 'key id');
  if (typeof b.batchId !== 'string' || !BATCH_ID_RE.test(b.batchId))
    return invalid('batchId', 'batch id');
  if (
    typeof b.sentAt !== 'string' ||
    !INSTANT_RE.test(b.sentAt) ||
    Number.isNaN(Date.parse(b.sentAt))
  )
    return invalid('sentAt', 'ISO 8601 UTC instant');
  if (typeof b.final !== 'boolean') return invalid('final', 'boolean');
  if (!Array.isArray(b.rows) || b.rows.length > MAX_ROWS_PER_BATCH)
    return invalid('rows', `array of at most ${MAX_ROWS_PER_BATCH}`);
  const seen = new Set<string>();
  for (let i = 0; i < b.rows.length; i++) {
    const r = b.rows[i] as unknown;
    if (!exactKeys(r, ROW_KEYS)) return invalid(`rows.${i}`, 'unexpected or missing fields');
    if (typeof r.day !== 'string' || !isCalendarDay(r.day))
      return invalid(`rows.${i}.day`, 'YYYY-MM-DD');
    if (typeof r.procedure !== 'string' || !PROCEDURE_RE.test(r.procedure))
      return invalid(`rows.${i}.procedure`, 'catalogue key');
    if (!isRevision(r.revision)) return invalid(`rows.${i}.revision`, 'revision');
    if (!exactKeys(r.counts, SUMMARY_FIELDS))
      return invalid(`rows.${i}.counts`, 'unexpected or missing fields');
    for (const f of SUMMARY_FIELDS)
      if (!isCount(r.counts[f])) return invalid(`rows.${i}.counts.${f}`, 'count');
    const key = `${r.day}|${r.procedure}`;
    if (seen.has(key)) return invalid(`rows.${i}`, 'duplicate day+procedure');
    seen.add(key);
  }
  return { ok: true, value: b as unknown as Batch };
}
