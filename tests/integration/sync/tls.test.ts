/**
 * A province hub behind TLS: a real HTTPS hub with a certificate made by openssl in the test.
 * Trusted through a configured CA or a pinned fingerprint; refused (and nothing sent) otherwise.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestHub, useHubDatabases } from '../../support/hub-harness';
import { openTestOffice, seedDossiers } from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

function selfSignedCert(dir: string, name: string) {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const fingerprint = execFileSync('openssl', [
    'x509',
    '-noout',
    '-fingerprint',
    '-sha256',
    '-in',
    certFile,
  ])
    .toString()
    .split('=')[1]!
    .trim();
  return { certFile, keyFile, fingerprint };
}

describe('HTTPS hubs', () => {
  const hubDb = useHubDatabases('sqlite', tempDir);

  it('trusts a pinned or CA-configured certificate, refuses an unknown one, and notices a swap', async () => {
    const dir = tempDir();
    const first = selfSignedCert(dir, 'first');
    const db = await hubDb();
    let hub = await startTestHub(db, { tls: first });
    cleanups.push(() => hub.close());
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const office = await openTestOffice(tempDir(), '000.00.15.H33', Date.now());
    cleanups.push(() => office.services.close());
    seedDossiers(office, { lastDay: vnDay(Date.now()), days: 5 });
    const code = async () => (await hub.admin.issueCode(office.agencyCode, '', 1)).code;

    const untrusted = await office.dispatcher.dispatch('sync.enroll', {
      hubUrl: hub.url,
      code: await code(),
    });
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'SYNC_TLS_UNTRUSTED' } });
    const wrongPin = await office.dispatcher.dispatch('sync.enroll', {
      hubUrl: hub.url,
      code: await code(),
      tlsPinSha256: 'AA:'.repeat(31) + 'AA',
    });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'SYNC_TLS_PIN_MISMATCH' } });

    const viaCa = await office.dispatcher.dispatch('sync.enroll', {
      hubUrl: hub.url,
      code: await code(),
      level: 'province',
      tlsCaPem: readFileSync(first.certFile, 'utf8'),
    });
    expect(viaCa).toMatchObject({ ok: true, value: { level: 'province', tlsPinned: false } });
    const pinned = await office.dispatcher.dispatch('sync.enroll', {
      hubUrl: hub.url,
      code: await code(),
      tlsPinSha256: first.fingerprint.toLowerCase(),
    });
    expect(pinned).toMatchObject({ ok: true, value: { tlsPinned: true } });
    const run = await office.dispatcher.dispatch('sync.now');
    expect(run).toMatchObject({ ok: true, value: { results: [{ ok: true, backlog: 0 }] } });

    // The hub comes back with another certificate: nothing is sent, the reason is shown.
    await hub.close();
    hub = await startTestHub(db, { tls: selfSignedCert(dir, 'second'), port: hub.port });
    office.services.database.db
      .prepare(
        "UPDATE dossiers SET status = 'done', completed_at = received_at WHERE id IN (SELECT id FROM dossiers LIMIT 5)",
      )
      .run();
    const swapped = await office.dispatcher.dispatch('sync.now');
    expect(swapped).toMatchObject({
      ok: true,
      value: { results: [{ ok: false, error: { code: 'SYNC_TLS_PIN_MISMATCH' } }] },
    });
    expect(swapped.ok && swapped.value.status.backlog).toBeGreaterThan(0);
  }, 60_000);
});
