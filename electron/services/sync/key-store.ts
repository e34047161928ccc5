/**
 * The office's Ed25519 keys. The private key is written to `<data>/keys/` with mode 0600 in a
 * 0700 folder (temp name, fsync, rename, then the row: files first), and never leaves the
 * workstation: the hub only ever sees the public key. On Windows the file inherits the user
 * profile's ACL (%APPDATA% is per-user); POSIX modes are not enforced there.
 */
import { type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncKeyRow, SyncRepository } from '../../../db/repositories/sync-repository';
import { writeFileDurablySync } from '../shared/durable-file';
import {
  generateOfficeKeyPair,
  keyFingerprint,
  keyIdOf,
  privateKeyObject,
} from '../../../native/sync/signing';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';

export const KEYS_DIR = 'keys';

export interface OfficeKey {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  createdAt: number;
}

export interface KeyStore {
  /** The newest key not retired, or null before the first enrollment. */
  current(): OfficeKey | null;
  ensure(): OfficeKey;
  create(): OfficeKey;
  get(keyId: string): OfficeKey | null;
  privateKey(keyId: string): KeyObject;
  /** Retires a key no recipient uses any more and deletes its private key file. */
  retire(keyId: string): void;
}

function toOfficeKey(row: SyncKeyRow): OfficeKey {
  return {
    keyId: row.keyId,
    publicKey: row.publicKey,
    fingerprint: keyFingerprint(row.publicKey),
    createdAt: row.createdAt,
  };
}

/** Temp name, fsync, rename: a crash never leaves half a key; 0600 in a 0700 folder. */
export function writePrivateFileSync(dir: string, name: string, pem: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  writeFileDurablySync(join(dir, name), Buffer.from(pem), {
    createDirectories: false,
    mode: 0o600,
  });
}

export function createKeyStore(repo: SyncRepository, dataDir: string, clock: Clock): KeyStore {
  const cache = new Map<string, KeyObject>();
  const rows = () => repo.keys();
  const store: KeyStore = {
    current() {
      const live = rows().filter((k) => k.retiredAt === null);
      const newest = live[live.length - 1];
      return newest ? toOfficeKey(newest) : null;
    },
    ensure: () => store.current() ?? store.create(),
    create() {
      const pair = generateOfficeKeyPair();
      const keyId = keyIdOf(pair.publicKey);
      const file = `sync-${keyId}.pem`;
      writePrivateFileSync(join(dataDir, KEYS_DIR), file, pair.privateKeyPem);
      repo.insertKey({
        keyId,
        publicKey: pair.publicKey,
        privateKeyFile: `${KEYS_DIR}/${file}`,
        createdAt: clock.now(),
      });
      return store.get(keyId)!;
    },
    get(keyId) {
      const row = rows().find((k) => k.keyId === keyId);
      return row ? toOfficeKey(row) : null;
    },
    privateKey(keyId) {
      const cached = cache.get(keyId);
      if (cached) return cached;
      const row = rows().find((k) => k.keyId === keyId);
      if (!row) throw new AppError('SYNC_KEY_MISSING', { keyId });
      let key: KeyObject;
      try {
        key = privateKeyObject(readFileSync(join(dataDir, row.privateKeyFile), 'utf8'));
      } catch {
        throw new AppError('SYNC_KEY_MISSING', { keyId, file: row.privateKeyFile });
      }
      cache.set(keyId, key);
      return key;
    },
    retire(keyId) {
      const row = rows().find((k) => k.keyId === keyId);
      if (!row) return;
      repo.retireKey(keyId, clock.now());
      cache.delete(keyId);
      rmSync(join(dataDir, row.privateKeyFile), { force: true });
    },
  };
  return store;
}
