import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { noInput } from '../schemas';

export const recipientLevel = z.enum(['commune', 'province', 'national', 'sector']);
export type RecipientLevel = z.infer<typeof recipientLevel>;

const instant = z.string().nullable(); // ISO 8601 UTC

export const syncErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const recipientStatusSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  level: recipientLevel,
  enabled: z.boolean(),
  officeCode: z.string(),
  keyId: z.string(),
  hubName: z.string(),
  tlsPinned: z.boolean(),
  enrolledAt: z.string(),
  lastAttemptAt: instant,
  lastSuccessAt: instant,
  nextAttemptAt: instant,
  failures: z.number().int(),
  lastError: syncErrorSchema.nullable(),
  backlog: z.number().int(),
  rowsAcknowledged: z.number().int(),
  running: z.boolean(),
});
export type RecipientStatus = z.infer<typeof recipientStatusSchema>;

export const syncSettingsSchema = z.object({
  /** Rows per batch: ~330 bytes each, so 200 rows ≈ 65 KB, friendly to a weak 3G link. */
  batchSize: z.number().int().min(1).max(1000).default(200),
  intervalMinutes: z.number().int().min(1).max(1440).default(15),
  timeoutSeconds: z.number().int().min(5).max(300).default(30),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const syncStatusSchema = z.object({
  configured: z.boolean(),
  office: z.string().nullable(),
  key: z.object({ keyId: z.string(), publicKey: z.string(), fingerprint: z.string() }).nullable(),
  /** Summary rows not yet acknowledged, summed over the recipients. */
  backlog: z.number().int(),
  /** Day × procedure changed since the last computation (not yet in the backlog). */
  pendingChanges: z.number().int(),
  lastSuccessAt: instant,
  recipients: z.array(recipientStatusSchema),
  settings: syncSettingsSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncRunSchema = z.object({
  results: z.array(
    z.object({
      recipientId: z.number().int(),
      ok: z.boolean(),
      acknowledged: z.number().int(),
      batches: z.number().int(),
      backlog: z.number().int(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
  status: syncStatusSchema,
});
export type SyncRun = z.infer<typeof syncRunSchema>;

const recipientId = z.object({ recipientId: z.number().int().positive() });

export const syncCalls = {
  'sync.status': defineCall({
    summary: 'Upward sync: recipients, last success, backlog and the last error of each.',
    input: noInput,
    output: syncStatusSchema,
    errors: [],
  }),
  'sync.now': defineCall({
    summary: 'Send the backlog to every enabled recipient now (or one), ignoring the backoff.',
    input: z
      .object({
        recipientId: z.number().int().positive().optional(),
        /** Queue every summary again (after the hub lost its data). */
        resendAll: z.boolean().default(false),
      })
      .optional(),
    output: syncRunSchema,
    errors: ['SYNC_NOT_CONFIGURED', 'SYNC_RECIPIENT_NOT_FOUND', 'SYNC_KEY_MISSING'],
  }),
  'sync.enroll': defineCall({
    summary:
      'Enroll this office at a hub with a one-time code (or, without a code, check a key the hub admin imported).',
    input: z.object({
      hubUrl: z.string().trim().min(1).max(500),
      code: z.string().trim().max(40).optional(),
      name: z.string().trim().max(200).optional(),
      level: recipientLevel.default('commune'),
      /** Defaults to the agency code in Settings. */
      officeCode: z.string().trim().max(40).optional(),
      tlsPinSha256: z.string().trim().max(200).optional(),
      tlsCaPem: z.string().max(20_000).optional(),
    }),
    output: recipientStatusSchema,
    errors: [
      'OFFICE_NOT_CONFIGURED',
      'SYNC_HUB_URL_INVALID',
      'SYNC_HUB_UNREACHABLE',
      'SYNC_HUB_TIMEOUT',
      'SYNC_HUB_GARBAGE',
      'SYNC_TLS_UNTRUSTED',
      'SYNC_TLS_PIN_MISMATCH',
      'HUB_ENROLL_CODE_INVALID',
      'HUB_ENROLL_CODE_USED',
      'HUB_ENROLL_CODE_EXPIRED',
      'HUB_ENROLL_OFFICE_MISMATCH',
      'HUB_UNKNOWN_OFFICE',
      'HUB_UNKNOWN_KEY',
      'HUB_KEY_REVOKED',
      'HUB_CLOCK_SKEW',
    ],
  }),
  'sync.publicKey': defineCall({
    summary: 'This office’s public key (created if needed), for a hub admin to import.',
    input: noInput,
    output: z.object({ keyId: z.string(), publicKey: z.string(), fingerprint: z.string() }),
    errors: [],
  }),
  'sync.rotateKey': defineCall({
    summary: 'Create a new key pair and register it at every recipient (signed by the old key).',
    input: noInput,
    output: z.object({
      keyId: z.string(),
      fingerprint: z.string(),
      results: z.array(
        z.object({
          recipientId: z.number().int(),
          ok: z.boolean(),
          error: z.object({ code: z.string(), message: z.string() }).nullable(),
        }),
      ),
    }),
    errors: ['SYNC_NOT_CONFIGURED', 'SYNC_KEY_MISSING'],
  }),
  'sync.setRecipientEnabled': defineCall({
    summary: 'Pause or resume sending to one recipient (its outbox keeps filling).',
    input: recipientId.extend({ enabled: z.boolean() }),
    output: recipientStatusSchema,
    errors: ['SYNC_RECIPIENT_NOT_FOUND'],
  }),
  'sync.removeRecipient': defineCall({
    summary: 'Stop reporting to a recipient and drop its outbox.',
    input: recipientId,
    output: z.object({ removed: z.boolean() }),
    errors: ['SYNC_RECIPIENT_NOT_FOUND'],
  }),
  'sync.updateSettings': defineCall({
    summary: 'Batch size, interval between runs, request timeout.',
    input: syncSettingsSchema,
    output: syncSettingsSchema,
    errors: [],
  }),
};
