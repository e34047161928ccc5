import { describe, expect, it } from 'vitest';
import type { RunningHub } from '../../../electron/host/hub/start-hub';
import { fixedClock } from '../../../electron/services/shared/clock';
import { encodeJson, MAX_BODY_BYTES } from '../../../native/sync/protocol';
import { signBody } from '../../../native/sync/signing';
import { DIALECTS, startTestHub, useHubDatabases } from '../../support/hub-harness';
import { postRaw, row, signedBatch, testIdentity } from '../../support/hub-client';
import { TEST_NOW } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

const OFFICE = '000.00.15.H33';

describe.each(DIALECTS)('a %s hub refuses bad requests with 4xx and a stable code', (dialect) => {
  const hubDb = useHubDatabases(dialect, tempDir);

  async function setup(options: { readToken?: string } = {}) {
    const hub: RunningHub = await startTestHub(await hubDb(), {
      clock: fixedClock(TEST_NOW),
      ...options,
    });
    cleanups.push(() => hub.close());
    const me = testIdentity(OFFICE);
    await hub.admin.importKey(OFFICE, 'Văn phòng thử', me.publicKey);
    const send = (body: Buffer | string, headers: Record<string, string>) =>
      postRaw(hub.url, '/v1/batches', body, headers);
    return { hub, me, send };
  }

  it('accepts a signed batch, then refuses forgeries, strangers, replays and rollbacks', async () => {
    const { hub, me, send } = await setup();
    const first = signedBatch(
      me,
      [row('2026-11-20', 'dang-ky-khai-sinh', 5, { completed: 3 })],
      TEST_NOW,
    );
    const ok = await send(first.body, first.headers);
    expect(ok).toMatchObject({ status: 200, json: { ok: true, acks: [{ status: 'applied' }] } });

    // Replay: the same bytes again.
    expect(await send(first.body, first.headers)).toMatchObject({
      status: 409,
      json: { error: { code: 'HUB_BATCH_REPLAYED' } },
    });

    // Forged: signed by a key the hub does not hold for this office; or altered after signing.
    const mallory = { ...testIdentity(OFFICE), keyId: me.keyId };
    const forged = signedBatch(
      mallory,
      [row('2026-11-20', 'dang-ky-khai-sinh', 9, { completed: 99 })],
      TEST_NOW,
    );
    expect(await send(forged.body, forged.headers)).toMatchObject({
      status: 401,
      json: { error: { code: 'HUB_BAD_SIGNATURE' } },
    });
    const honest = signedBatch(
      me,
      [row('2026-11-20', 'dang-ky-khai-sinh', 9, { completed: 4 })],
      TEST_NOW,
    );
    const tampered = Buffer.from(honest.body.toString().replace('"completed":4', '"completed":40'));
    expect(await send(tampered, honest.headers)).toMatchObject({
      status: 401,
      json: { error: { code: 'HUB_BAD_SIGNATURE' } },
    });
    expect(await send(honest.body, {})).toMatchObject({
      status: 401,
      json: { error: { code: 'HUB_BAD_SIGNATURE' } },
    });

    // Unknown office; unknown key of a known office.
    const stranger = testIdentity('000.00.99.Z99');
    const strangerBatch = signedBatch(stranger, [], TEST_NOW);
    expect(await send(strangerBatch.body, strangerBatch.headers)).toMatchObject({
      status: 403,
      json: { error: { code: 'HUB_UNKNOWN_OFFICE' } },
    });
    const other = signedBatch(testIdentity(OFFICE), [], TEST_NOW);
    expect(await send(other.body, other.headers)).toMatchObject({
      status: 401,
      json: { error: { code: 'HUB_UNKNOWN_KEY' } },
    });

    // Revision rollback: an older revision, or the same revision with other figures.
    for (const [revision, completed] of [
      [3, 1],
      [5, 7],
    ] as const) {
      const back = signedBatch(
        me,
        [row('2026-11-20', 'dang-ky-khai-sinh', revision, { completed })],
        TEST_NOW,
      );
      expect(await send(back.body, back.headers)).toMatchObject({
        status: 409,
        json: {
          error: {
            code: 'HUB_REVISION_ROLLBACK',
            details: {
              rows: [
                { day: '2026-11-20', procedure: 'dang-ky-khai-sinh', revision, hubRevision: 5 },
              ],
            },
          },
        },
      });
    }
    // The same revision with the same figures is a harmless duplicate.
    const again = signedBatch(
      me,
      [row('2026-11-20', 'dang-ky-khai-sinh', 5, { completed: 3 })],
      TEST_NOW,
    );
    expect(await send(again.body, again.headers)).toMatchObject({
      status: 200,
      json: { acks: [{ status: 'duplicate' }] },
    });
    const totals = await hub.admin.totals('2026-11-01', '2026-11-30', [], null);
    expect(totals[0]).toMatchObject({ completed: 3, rows: 1 });
  });

  it('refuses oversized, malformed, mistyped, skewed, revoked and other-version requests', async () => {
    const { hub, me, send } = await setup();
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x20);
    expect(await send(big, {})).toMatchObject({
      status: 413,
      json: { error: { code: 'HUB_BODY_TOO_LARGE' } },
    });
    expect(await send('{"protocol": "motcua-sync/1", ', {})).toMatchObject({
      status: 400,
      json: { error: { code: 'HUB_MALFORMED_JSON' } },
    });
    expect(await send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), {})).toMatchObject({
      status: 400,
      json: { error: { code: 'HUB_MALFORMED_JSON' } },
    });
    const good = signedBatch(me, [row('2026-11-20', 'dang-ky-tam-tru', 1)], TEST_NOW);
    expect(
      await postRaw(hub.url, '/v1/batches', good.body, {
        ...good.headers,
        'Content-Type': 'text/plain',
      }),
    ).toMatchObject({
      status: 415,
      json: { error: { code: 'HUB_UNSUPPORTED_MEDIA_TYPE' } },
    });
    const late = signedBatch(me, [], TEST_NOW - 3 * 3600_000);
    expect(await send(late.body, late.headers)).toMatchObject({
      status: 400,
      json: { error: { code: 'HUB_CLOCK_SKEW', details: { skewMs: -3 * 3600_000 } } },
    });
    const v2 = { ...JSON.parse(good.body.toString()), schemaVersion: 2 };
    const v2Body = encodeJson(v2);
    expect(
      await send(v2Body, { 'x-motcua-signature': signBody('batch', v2Body, me.privateKey) }),
    ).toMatchObject({
      status: 400,
      json: { error: { code: 'HUB_UNSUPPORTED_VERSION' } },
    });
    const extra = encodeJson({ ...JSON.parse(good.body.toString()), citizenName: 'Nguyễn Văn A' });
    expect(
      await send(extra, { 'x-motcua-signature': signBody('batch', extra, me.privateKey) }),
    ).toMatchObject({
      status: 400,
      json: { error: { code: 'HUB_INVALID_BATCH' } },
    });
    await hub.admin.revoke(OFFICE, null);
    expect(await send(good.body, good.headers)).toMatchObject({
      status: 403,
      json: { error: { code: 'HUB_KEY_REVOKED' } },
    });
    expect((await fetch(new URL('/v1/batches', hub.url))).status).toBe(405);
    expect((await fetch(new URL('/nope', hub.url))).status).toBe(404);
  });

  it('one-time codes: wrong, used, expired, for another office', async () => {
    const clock = fixedClock(TEST_NOW);
    const hub = await startTestHub(await hubDb(), { clock });
    cleanups.push(() => hub.close());
    const enroll = (code: string, office = OFFICE) => {
      const me = testIdentity(office);
      const body = encodeJson({
        protocol: 'motcua-sync/1',
        office,
        code,
        publicKey: me.publicKey,
        sentAt: new Date(clock.now()).toISOString(),
        label: '',
      });
      return postRaw(hub.url, '/v1/enroll', body, {
        'x-motcua-signature': signBody('enroll', body, me.privateKey),
      });
    };
    const { code } = await hub.admin.issueCode(OFFICE, '', 1);
    expect(await enroll('AAAA-BBBB-CCCC')).toMatchObject({
      status: 403,
      json: { error: { code: 'HUB_ENROLL_CODE_INVALID' } },
    });
    expect(await enroll(code, '000.00.99.Z99')).toMatchObject({
      status: 403,
      json: { error: { code: 'HUB_ENROLL_OFFICE_MISMATCH' } },
    });
    expect(await enroll(code.toLowerCase().replace(/-/g, ' '))).toMatchObject({
      status: 200,
      json: { ok: true, office: OFFICE },
    });
    expect(await enroll(code)).toMatchObject({
      status: 409,
      json: { error: { code: 'HUB_ENROLL_CODE_USED' } },
    });
    const { code: later } = await hub.admin.issueCode(OFFICE, '', 1);
    clock.advance(2 * 3600_000);
    expect(await enroll(later)).toMatchObject({
      status: 410,
      json: { error: { code: 'HUB_ENROLL_CODE_EXPIRED' } },
    });
  });

  it('the read API and page need the read token when one is set', async () => {
    const { hub } = await setup({ readToken: 'doc-so-lieu' });
    const url = new URL('/v1/totals?from=2026-11-01&to=2026-11-30&groupBy=office', hub.url);
    expect((await fetch(url)).status).toBe(401);
    const page = await fetch(new URL('/', hub.url));
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toContain('Basic');
    const ok = await fetch(url, { headers: { Authorization: 'Bearer doc-so-lieu' } });
    expect(ok.status).toBe(200);
    const basic = Buffer.from('tinh:doc-so-lieu').toString('base64');
    expect(
      (await fetch(new URL('/', hub.url), { headers: { Authorization: `Basic ${basic}` } })).status,
    ).toBe(200);
    const bad = new URL('/v1/totals?from=2026-13-01&to=2026-11-30', hub.url);
    expect((await fetch(bad, { headers: { Authorization: 'Bearer doc-so-lieu' } })).status).toBe(
      400,
    );
  });
});
