/**
 * The office's private signing key on disk: created on first use through the contract, written
 * 0600 in a 0700 folder (POSIX), complete under its final name, with no temporary file left.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS_DIR } from '../../../electron/services/sync/key-store';
import { openTestServices } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let close: (() => void) | undefined;
afterEach(() => close?.());

describe('the sync key file', () => {
  it.skipIf(process.platform === 'win32')(
    'is a whole PEM, 0600 in a 0700 folder, and the only file there',
    async () => {
      const dir = tempDir();
      const { services, dispatcher } = openTestServices(dir);
      close = () => services.close();
      const first = await dispatcher.dispatch('sync.publicKey', undefined);
      if (!first.ok) throw new Error(first.error.code);
      const again = await dispatcher.dispatch('sync.publicKey', undefined);
      expect(again.ok && again.value.keyId).toBe(first.value.keyId);

      const keys = join(dir, KEYS_DIR);
      expect(readdirSync(keys)).toEqual([`sync-${first.value.keyId}.pem`]);
      expect(statSync(keys).mode & 0o777).toBe(0o700);
      const file = join(keys, `sync-${first.value.keyId}.pem`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toMatch(
        /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/,
      );
    },
  );
});
