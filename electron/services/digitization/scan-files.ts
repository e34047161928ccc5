/**
 * Where scans live and how they are written. DESIGN.md: scanned files are kept under
 * `<data>/scans/YYYY/MM/<dossier code>/`, written to a temporary name, fsynced and renamed only
 * when complete; the database row is committed after the file is durable.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { AppError } from '../../api/errors';

export const SCANS_DIR = 'scans';
export const DRAFTS_DIR = join(SCANS_DIR, '.drafts');

/** A path stored in the database: relative to the data directory, always with '/'. */
export function toStoredPath(dataDir: string, absolute: string): string {
  return relative(dataDir, absolute).split(sep).join('/');
}

export function fromStoredPath(dataDir: string, stored: string): string {
  return join(dataDir, ...stored.split('/'));
}

/** `<data>/scans/2026/11/000.00.15.H33-261124-0001/` for a document filed on 24/11/2026 (VN). */
export function dossierScanDir(dataDir: string, vnDay: string, dossierCode: string): string {
  const safe = dossierCode.replace(/[^A-Za-z0-9._-]/g, '_');
  return join(dataDir, SCANS_DIR, vnDay.slice(0, 4), vnDay.slice(5, 7), safe);
}

/** Disk full and read-only disks become codes the clerk can act on; the rest stays internal. */
export function fsError(error: unknown, details: Record<string, unknown> = {}): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('DISK_FULL', { ...details, cause: code });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('DATA_DIR_UNWRITABLE', { ...details, cause: code });
  }
  return error;
}

export interface DurableFile {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Streams chunks into `<final>.tmp-*`, fsyncs, links it as `final` and fsyncs the folder, so
 * after a power cut the file is either complete under its name or absent. On any failure the
 * temporary file is removed and nothing under the final name exists.
 */
export async function writeDurably(
  finalPath: string,
  produce: (write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
): Promise<DurableFile> {
  const dir = dirname(finalPath);
  const temp = `${finalPath}.tmp-${randomBytes(4).toString('hex')}`;
  const hash = createHash('sha256');
  let bytes = 0;
  let handle: FileHandle | null = null;
  try {
    await mkdir(dir, { recursive: true });
    handle = await open(temp, 'wx');
    const h = handle;
    await produce(async (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await h.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    });
    await handle.sync();
    await handle.close();
    handle = null;
    // link() fails if the final name exists, so a filed document is never replaced by another.
    await link(temp, finalPath);
    await rm(temp, { force: true });
    await syncDir(dir);
    return { path: finalPath, bytes, sha256: hash.digest('hex') };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw fsError(error, { file: finalPath });
  }
}

async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename durable on Linux; Windows does not allow opening a folder.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(path, 'r');
  try {
    for await (const chunk of handle.createReadStream()) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { sha256: hash.digest('hex'), bytes };
}
