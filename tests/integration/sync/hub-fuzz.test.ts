/**
 * 10,000 hostile requests per dialect: mutated signed batches, signed batches with wild values,
 * broken headers, random bytes. None may produce a 5xx, every refusal carries a stable code, and
 * a mutated (unsigned) body never changes what the hub holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../../../electron/api/errors';
import { fixedClock } from '../../../electron/services/shared/clock';
import { encodeJson } from '../../../native/sync/protocol';
import { signBody } from '../../../native/sync/signing';
import { DIALECTS, startTestHub, useHubDatabases } from '../../support/hub-harness';
import { row, signedBatch, testIdentity, type TestIdentity } from '../../support/hub-client';
import { TEST_NOW } from '../../support/services';
import { seededRandom } from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

const OFFICE = '000.00.15.H33';
const REQUESTS = 10_000;

interface FuzzRequest {
  kind: string;
  body: Buffer;
  headers: Record<string, string>;
  path: string;
}

function mutateBytes(source: Buffer, random: () => number): Buffer {
  const bytes = Buffer.from(source);
  const op = Math.floor(random() * 4);
  if (op === 0) {
    for (let i = 0; i < 1 + random() * 8; i++) {
      const at = Math.floor(random() * bytes.length);
      bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
    }
    return bytes;
  }
  if (op === 1) return bytes.subarray(0, Math.floor(random() * bytes.length));
  const at = Math.floor(random() * bytes.length);
  const junk = Buffer.from(
    ['"', '}', '{', ',', '\\u0000', '9e999', '-1', 'null', '[', '🙂', '\0'][
      Math.floor(random() * 11)
    ]!,
  );
  return op === 2
    ? Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)])
    : Buffer.concat([
        bytes.subarray(0, at),
        junk,
        bytes.subarray(at + 1 + Math.floor(random() * 20)),
      ]);
}

/** Structurally plausible batches with hostile values, correctly signed (so they pass auth). */
function wildBatchArbitrary(me: TestIdentity) {
  const value = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(2 ** 31, 2 ** 53, 1e300, -0, 0.5, Number.MAX_SAFE_INTEGER),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(null, true, [], {}),
  );
  const wildRow = fc.record(
    {
      day: fc.oneof(
        fc.constantFrom('2026-11-20', '2026-02-30', '1999-12-31', '2026-11-2', ''),
        fc.string({ maxLength: 12 }),
      ),
      procedure: fc.oneof(
        fc.constantFrom(
          'dang-ky-khai-sinh',
          'DANG-KY',
          "x'; DROP TABLE hub_summaries; --",
          'a'.repeat(90),
        ),
        fc.string({ maxLength: 20 }),
      ),
      revision: fc.oneof(fc.integer({ min: 1, max: 1000 }), value),
      counts: fc.oneof(
        fc.record({ completed: value, receivedInPerson: fc.integer({ min: 0, max: 10 }) }),
        fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 5 }),
        value,
      ),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      rows: fc.array(wildRow, { maxLength: 5 }),
      batchId: fc.oneof(
        fc.uuid().map((u) => u.replace(/-/g, '')),
        fc.string({ maxLength: 70 }),
      ),
      sentAt: fc.oneof(
        fc.constant(new Date(TEST_NOW).toISOString()),
        fc.string({ maxLength: 30 }),
        value,
      ),
      final: fc.oneof(fc.boolean(), value),
      extra: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 2 })),
    })
    .map(({ rows, batchId, sentAt, final, extra }) => {
      const body = encodeJson({
        protocol: 'motcua-sync/1',
        schemaVersion: 1,
        office: OFFICE,
        keyId: me.keyId,
        batchId,
        sentAt,
        final,
        rows,
        ...(extra ?? {}),
      });
      return { body, headers: { 'x-motcua-signature': signBody('batch', body, me.privateKey) } };
    });
}

describe.each(DIALECTS)('fuzzing a %s hub', (dialect) => {
  const hubDb = useHubDatabases(dialect, tempDir);

  it(`${REQUESTS.toLocaleString('en')} fuzzed requests produce no 5xx`, async () => {
    const hub = await startTestHub(await hubDb(), {
      clock: fixedClock(TEST_NOW),
      onInternalError: (error) => console.error('[fuzz internal]', error),
    });
    cleanups.push(() => hub.close());
    const me = testIdentity(OFFICE);
    await hub.admin.importKey(OFFICE, '', me.publicKey);
    const seed = signedBatch(
      me,
      [row('2026-11-20', 'dang-ky-khai-sinh', 7, { completed: 2 })],
      TEST_NOW,
    );
    const applied = await fetch(new URL('/v1/batches', hub.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...seed.headers },
      body: seed.body,
    });
    expect(applied.status).toBe(200);
    const before = await hub.admin.totals('2000-01-01', '2099-12-31', ['office'], null);

    const random = seededRandom(dialect === 'sqlite' ? 101 : 202);
    const wild = fc.sample(wildBatchArbitrary(me), { numRuns: 3000, seed: 7 });
    const template = signedBatch(
      me,
      Array.from({ length: 20 }, (_, i) =>
        row(`2026-10-${String(i + 1).padStart(2, '0')}`, 'dang-ky-tam-tru', 9, {
          receivedPostal: i,
        }),
      ),
      TEST_NOW,
    );
    const paths = ['/v1/batches', '/v1/enroll', '/v1/keys/rotate'];
    const requests: FuzzRequest[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const r = random();
      const path = paths[Math.floor(random() * 3)]!;
      if (r < 0.4) {
        requests.push({
          kind: 'mutated',
          body: mutateBytes(template.body, random),
          headers: template.headers,
          path,
        });
      } else if (r < 0.7) {
        const w = wild[i % wild.length]!;
        requests.push({ kind: 'wild', body: w.body, headers: w.headers, path: '/v1/batches' });
      } else if (r < 0.85) {
        const sig = ['', 'abc', template.signature.slice(1), 'A'.repeat(88), '\u00ff'.repeat(10)][
          Math.floor(random() * 5)
        ]!;
        requests.push({
          kind: 'headers',
          body: template.body,
          headers: { 'x-motcua-signature': sig, 'x-motcua-new-key-signature': sig },
          path,
        });
      } else {
        const bytes = Buffer.alloc(Math.floor(random() * 2000));
        for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
        requests.push({ kind: 'random', body: bytes, headers: {}, path });
      }
    }

    const statuses = new Map<number, number>();
    const unknownCodes = new Set<string>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const response = await fetch(new URL(req.path, hub.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...req.headers },
          body: req.body,
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const json = (await response.json()) as { ok: boolean; error?: { code: string } };
        if (response.status >= 500)
          throw new Error(`${response.status} for ${req.kind}: ${JSON.stringify(json)}`);
        if (!json.ok && !isErrorCode(json.error?.code)) unknownCodes.add(String(json.error?.code));
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect([...unknownCodes]).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    // Mutated bodies never passed the signature: the seeded figures are untouched.
    const after = await hub.admin.totals('2026-11-20', '2026-11-20', ['office'], OFFICE);
    expect(after[0]).toMatchObject({ completed: 2 });
    expect(before.length).toBeGreaterThan(0);
  }, 180_000);
});
