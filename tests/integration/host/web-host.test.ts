import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, loadMigrationsSync } from '../../../db/migrate';
import { APP_ROOT } from '../../../electron/host/app-root';
import { MIGRATIONS_DIR } from '../../../electron/services/office-database';
import { startHeadlessHost, stopHeadlessHost } from '../../support/headless-host-process';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

async function call(url: string, name: string, body?: unknown) {
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  const response = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  return response.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
}

describe('headless host process', () => {
  it('starts, serves the UI with the CSP header and the contract with the token', async () => {
    const host = await startHeadlessHost({ dataDir: tempDir() });
    try {
      const page = await fetch(host.origin + '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<div id="root">');
      expect(await call(host.url, 'system.info')).toMatchObject({
        ok: true,
        // The newest migration shipped: merges add migrations, the host must apply them all.
        value: {
          host: 'web',
          schemaVersion: latestVersion(loadMigrationsSync(join(APP_ROOT, MIGRATIONS_DIR))),
        },
      });
    } finally {
      await stopHeadlessHost(host, false);
    }
  });

  it('keeps serving and answers every call with the startup error when the database is unusable', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'motcua.sqlite'), 'not a database, somebody’s notes'.repeat(10));
    const host = await startHeadlessHost({ dataDir: dir });
    try {
      const info = await call(host.url, 'system.info');
      expect(info).toMatchObject({ ok: false, error: { code: 'DB_NOT_SQLITE' } });
      expect(info.error!.message).toContain('không phải là tệp SQLite');
      expect(await call(host.url, 'dossiers.todayCounts')).toMatchObject({
        ok: false,
        error: { code: 'DB_NOT_SQLITE' },
      });
      expect(host.output.join('')).toContain('DB_NOT_SQLITE');
    } finally {
      await stopHeadlessHost(host, false);
    }
  });
});
