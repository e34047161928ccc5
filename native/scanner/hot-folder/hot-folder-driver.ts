/**
 * Hot folder: a scanner (scan-to-folder/SMB) or its vendor software saves files into a folder and
 * we pick them up. Polling rather than fs.watch, because change events on network shares are
 * unreliable (scanners.md §2.4). Taken files are moved to `da-xu-ly/` (processed), files that are
 * neither images nor PDFs to `khong-hop-le/` (rejected), so nothing is taken twice and nothing
 * the clerk put there is deleted.
 */
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { abortableDelay, cancelledError, ScannerError } from '../errors';
import { sniffFormat } from '../image/sniff';
import type { ScannedPage, ScannerCapabilities, ScannerDriver, ScanSettings } from '../types';
import { isTemporaryName, observe, type Tracked } from './stability';

export const PROCESSED_DIR = 'da-xu-ly';
export const REJECTED_DIR = 'khong-hop-le';

export interface HotFolderOptions {
  pollMs?: number;
  /** How long size and mtime must stay unchanged. */
  quietMs?: number;
  /** Ends the session when nothing new arrived for this long (after ≥1 file); default 60 s. */
  idleMs?: number;
  now?: () => number;
}

export function folderPath(uri: string): string {
  const path = uri.startsWith('folder:') ? uri.slice(7) : '';
  if (!path) throw new ScannerError('SCANNER_URI_INVALID', `Not a folder: ${uri}`, { uri });
  return path;
}

function stamp(at: number): string {
  return new Date(at + 7 * 3600_000).toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

export function createHotFolderDriver(options: HotFolderOptions = {}): ScannerDriver {
  const pollMs = options.pollMs ?? 250;
  const quietMs = options.quietMs ?? 2000;
  const now = options.now ?? Date.now;

  async function listFiles(
    dir: string,
  ): Promise<{ name: string; size: number; mtimeMs: number }[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      throw new ScannerError('SCANNER_GONE', `Hot folder not reachable: ${dir}`, {
        dir,
        cause: (error as NodeJS.ErrnoException).code,
      });
    }
    const files = [];
    for (const name of names) {
      if (name === PROCESSED_DIR || name === REJECTED_DIR || isTemporaryName(name)) continue;
      try {
        const s = await stat(join(dir, name));
        if (s.isFile()) files.push({ name, size: s.size, mtimeMs: s.mtimeMs });
      } catch {
        // vanished between readdir and stat: the writer renamed it; seen next round
      }
    }
    // Oldest first, so pages keep the order in which they were scanned.
    return files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
  }

  async function moveAside(dir: string, sub: string, name: string): Promise<void> {
    await mkdir(join(dir, sub), { recursive: true });
    await rename(join(dir, name), join(dir, sub, `${stamp(now())}-${name}`));
  }

  async function* scan(
    uri: string,
    settings: ScanSettings,
    signal: AbortSignal,
  ): AsyncGenerator<ScannedPage> {
    const dir = folderPath(uri);
    const idleMs = settings.pageTimeoutMs ?? options.idleMs ?? 60_000;
    const tracked = new Map<string, Tracked>();
    let index = 0;
    let lastActivity = now();
    while (true) {
      if (signal.aborted) throw cancelledError();
      if (settings.maxPages !== undefined && index >= settings.maxPages) return;
      const at = now();
      const files = await listFiles(dir);
      const present = new Set(files.map((f) => f.name));
      for (const name of tracked.keys()) if (!present.has(name)) tracked.delete(name);
      for (const file of files) {
        const { tracked: t, complete } = observe(tracked.get(file.name), file, at, quietMs);
        tracked.set(file.name, t);
        if (t.since === at) lastActivity = at; // a file is still growing: the session is alive
        if (!complete) continue;
        tracked.delete(file.name);
        const data = await readFile(join(dir, file.name));
        const format = sniffFormat(data);
        if (format === null || format === 'pnm') {
          await moveAside(dir, REJECTED_DIR, file.name);
          throw new ScannerError(
            'HOT_FOLDER_FILE_UNSUPPORTED',
            `Not an image or PDF: ${file.name}`,
            {
              file: file.name,
              movedTo: REJECTED_DIR,
              pages: index,
            },
          );
        }
        yield {
          index: index++,
          format,
          data,
          dpi: 0,
          colorMode: settings.colorMode,
          origin: file.name,
        };
        await moveAside(dir, PROCESSED_DIR, file.name);
        lastActivity = now();
        if (settings.maxPages !== undefined && index >= settings.maxPages) return;
      }
      if (now() - lastActivity >= idleMs) {
        if (index > 0) return;
        throw new ScannerError('SCAN_TIMEOUT', 'No file arrived in the hot folder', {
          dir,
          waitedMs: idleMs,
        });
      }
      await abortableDelay(pollMs, signal);
    }
  }

  return {
    kind: 'folder',
    discover: async () => [],
    capabilities: async (uri: string): Promise<ScannerCapabilities> => {
      const dir = folderPath(uri);
      await listFiles(dir);
      // The folder takes whatever the device saved: the profile's settings are only a label.
      const all = {
        resolutions: [200, 300, 400, 600],
        colorModes: ['color', 'gray', 'bw'] as const,
        formats: ['image/jpeg', 'image/png', 'image/tiff', 'application/pdf'],
      };
      return {
        uri,
        makeAndModel: `Thư mục ${dir}`,
        sources: [
          { source: 'feeder', duplex: false, ...all, colorModes: [...all.colorModes] },
          { source: 'feeder', duplex: true, ...all, colorModes: [...all.colorModes] },
          { source: 'flatbed', duplex: false, ...all, colorModes: [...all.colorModes] },
        ],
      };
    },
    scan,
  };
}
