import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../native/sync/backoff';
import {
  enrollmentCodeHash,
  generateEnrollmentCode,
  normalizeEnrollmentCode,
} from '../../../native/sync/enrollment-code';
import {
  batchSchema,
  isCalendarDay,
  parseJsonBytes,
  validateBatchFast,
  validateRequest,
} from '../../../native/sync/protocol';
import {
  decodePublicKey,
  generateOfficeKeyPair,
  keyFingerprint,
  keyIdOf,
  publicKeyOfPrivate,
  signBody,
  verifyBody,
} from '../../../native/sync/signing';
import {
  figuresKey,
  nextRevision,
  SUMMARY_FIELDS,
  zeroCounts,
} from '../../../native/sync/summary-row';

const PAIR = generateOfficeKeyPair();

function batch(overrides: Record<string, unknown> = {}) {
  return {
    protocol: 'motcua-sync/1',
    schemaVersion: 1,
    office: '000.00.15.H33',
    keyId: keyIdOf(PAIR.publicKey),
    batchId: 'AAAAAAAAAAAAAAAAAAAAAA',
    sentAt: '2026-11-24T03:00:00.000Z',
    final: true,
    rows: [
      { day: '2026-11-24', procedure: 'dang-ky-khai-sinh', revision: 1, counts: zeroCounts() },
    ],
    ...overrides,
  };
}

describe('summary rows', () => {
  it('key the figures in wire order: equal figures, equal key; any change, another key', () => {
    const a = { ...zeroCounts(), completed: 3 };
    expect(figuresKey(a)).toBe('0,0,0,0,0,3,0,0,0,0,0');
    expect(figuresKey({ ...a })).toBe(figuresKey(a));
    for (const f of SUMMARY_FIELDS)
      expect(figuresKey({ ...a, [f]: a[f] + 1 })).not.toBe(figuresKey(a));
  });

  it('revisions always rise, and never fall below the clock', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 2 ** 50 })),
        fc.integer({ min: 0, max: 2 ** 50 }),
        (prev, now) => {
          const next = nextRevision(prev, now);
          expect(next).toBeGreaterThan(prev ?? 0);
          expect(next).toBeGreaterThanOrEqual(now);
        },
      ),
    );
  });
});

describe('batch validation', () => {
  it.each([
    ['a valid batch', batch(), null],
    ['another protocol', batch({ protocol: 'motcua-sync/2' }), 'HUB_UNSUPPORTED_VERSION'],
    ['another schema version', batch({ schemaVersion: 2 }), 'HUB_UNSUPPORTED_VERSION'],
    ['an unknown field', batch({ name: 'Nguyễn Văn A' }), 'HUB_INVALID_BATCH'],
    [
      'a field in counts',
      batch({
        rows: [
          {
            day: '2026-11-24',
            procedure: 'x',
            revision: 1,
            counts: { ...zeroCounts(), idNumber: 1 },
          },
        ],
      }),
      'HUB_INVALID_BATCH',
    ],
    [
      '30 February',
      batch({ rows: [{ day: '2026-02-30', procedure: 'x', revision: 1, counts: zeroCounts() }] }),
      'HUB_INVALID_BATCH',
    ],
    [
      'a negative count',
      batch({
        rows: [
          {
            day: '2026-11-24',
            procedure: 'x',
            revision: 1,
            counts: { ...zeroCounts(), pages: -1 },
          },
        ],
      }),
      'HUB_INVALID_BATCH',
    ],
    [
      'a fractional count',
      batch({
        rows: [
          {
            day: '2026-11-24',
            procedure: 'x',
            revision: 1,
            counts: { ...zeroCounts(), pages: 1.5 },
          },
        ],
      }),
      'HUB_INVALID_BATCH',
    ],
    [
      'a revision past 2^53',
      batch({
        rows: [{ day: '2026-11-24', procedure: 'x', revision: 2 ** 53 + 2, counts: zeroCounts() }],
      }),
      'HUB_INVALID_BATCH',
    ],
    [
      'the same row twice',
      batch({
        rows: [0, 1].map(() => ({
          day: '2026-11-24',
          procedure: 'x',
          revision: 1,
          counts: zeroCounts(),
        })),
      }),
      'HUB_INVALID_BATCH',
    ],
    [
      'SQL in a key',
      batch({
        rows: [
          {
            day: '2026-11-24',
            procedure: "x'; DROP TABLE t; --",
            revision: 1,
            counts: zeroCounts(),
          },
        ],
      }),
      'HUB_INVALID_BATCH',
    ],
    ['an array', [], 'HUB_INVALID_BATCH'],
  ])('%s', (_name, value, code) => {
    const result = validateRequest(value, batchSchema, { schemaVersion: true });
    if (code === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const parsed = parseJsonBytes(bytes);
        if (parsed.ok) validateRequest(parsed.value, batchSchema, { schemaVersion: true });
      }),
    );
    fc.assert(
      fc.property(
        fc.anything(),
        (value) => void validateRequest(value, batchSchema, { schemaVersion: true }),
      ),
    );
  });

  it('the hub’s hand-written validator agrees with the schema, valid or not', () => {
    const valid = batch();
    const mutation = fc.oneof(
      fc.constant({}),
      fc.record({ office: fc.oneof(fc.string({ maxLength: 45 }), fc.integer()) }),
      fc.record({
        sentAt: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('2026-11-24T03:00:00Z')),
      }),
      fc.record({ final: fc.anything() }),
      fc.record({ batchId: fc.string({ maxLength: 70 }) }),
      fc.record({
        rows: fc.array(
          fc.record({
            day: fc.oneof(
              fc.constantFrom('2026-11-24', '2026-02-29', '2024-02-29'),
              fc.string({ maxLength: 11 }),
            ),
            procedure: fc.oneof(
              fc.constantFrom('dang-ky-khai-sinh', 'A'),
              fc.string({ maxLength: 5 }),
            ),
            revision: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double()),
            counts: fc.oneof(
              fc.constant(zeroCounts()),
              fc
                .oneof(fc.integer({ min: -1, max: 2 }), fc.double())
                .map((pages) => ({ ...zeroCounts(), pages })),
              fc.dictionary(fc.constantFrom(...SUMMARY_FIELDS, 'x'), fc.nat(3)),
            ),
          }),
          { maxLength: 3 },
        ),
      }),
      fc.record({ extra: fc.anything() }),
    );
    fc.assert(
      fc.property(mutation, (change) => {
        const value = { ...valid, ...change };
        const slow = validateRequest(value, batchSchema, { schemaVersion: true });
        const fast = validateBatchFast(value);
        expect(fast.ok).toBe(slow.ok);
        if (!fast.ok && !slow.ok) expect(fast.code).toBe(slow.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the calendar', () => {
    expect(['2024-02-29', '2026-12-31', '2000-01-01'].every(isCalendarDay)).toBe(true);
    expect(
      ['2025-02-29', '2026-13-01', '2026-11-31', '1999-12-31', '2026-1-01', ' 2026-11-24'].some(
        isCalendarDay,
      ),
    ).toBe(false);
  });
});

describe('signatures', () => {
  it('verify only the exact bytes, under the same context, with the same key', () => {
    const body = Buffer.from('{"a":1}');
    const sig = signBody('batch', body, PAIR.privateKeyPem);
    expect(verifyBody('batch', body, sig, PAIR.publicKey)).toBe(true);
    expect(verifyBody('enroll', body, sig, PAIR.publicKey)).toBe(false);
    expect(verifyBody('batch', Buffer.from('{"a":2}'), sig, PAIR.publicKey)).toBe(false);
    expect(verifyBody('batch', body, sig, generateOfficeKeyPair().publicKey)).toBe(false);
    expect(verifyBody('batch', body, 'not base64!', PAIR.publicKey)).toBe(false);
    expect(verifyBody('batch', body, sig, 'short')).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), (bytes, at) => {
        const s = signBody('batch', bytes, PAIR.privateKeyPem);
        const altered = Buffer.from(bytes);
        altered[at % altered.length] = altered[at % altered.length]! ^ 1;
        expect(verifyBody('batch', altered, s, PAIR.publicKey)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('derives key ids and fingerprints from the public key alone', () => {
    expect(publicKeyOfPrivate(PAIR.privateKeyPem)).toBe(PAIR.publicKey);
    expect(decodePublicKey(PAIR.publicKey)).toHaveLength(32);
    expect(keyIdOf(PAIR.publicKey)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keyFingerprint(PAIR.publicKey)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });
});

describe('enrollment codes', () => {
  it('read the same however they are typed', () => {
    const code = generateEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const normal = normalizeEnrollmentCode(code)!;
    expect(normalizeEnrollmentCode(code.toLowerCase().replace(/-/g, ' '))).toBe(normal);
    expect(normalizeEnrollmentCode('0O1I-L000-0000')).toBe('001110000000');
    expect(normalizeEnrollmentCode('ABCD-EFGH-JKU0')).toBeNull();
    expect(normalizeEnrollmentCode('ABC')).toBeNull();
    expect(enrollmentCodeHash(normal)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('backoff', () => {
  it('doubles up to the cap, with half of each step random', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(4, policy, () => 0)).toBe(4000);
    expect(backoffDelay(50, policy, () => 1)).toBe(60_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const d = backoffDelay(n, policy, () => r);
          expect(d).toBeGreaterThanOrEqual(500);
          expect(d).toBeLessThanOrEqual(60_000);
        },
      ),
    );
  });
});
