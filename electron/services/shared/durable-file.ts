import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files first (DESIGN.md): temp name, fsync, rename, so a crash or a failed write never leaves
 * half a file under the final name, and the temporary file is removed whatever fails.
 * `createDirectories: false` refuses a missing folder (a user-chosen path) instead of making it.
 * `mode` is given to the file at creation (a private key: 0600); the temporary name is fresh and
 * opened exclusively, so a leftover from a crash can never lend its permissions to the new file.
 */
export function writeFileDurablySync(
  path: string,
  bytes: Uint8Array,
  options: { createDirectories?: boolean; mode?: number } = {},
): void {
  if (options.createDirectories !== false) mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', options.mode ?? 0o666);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
