import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file under `root`, or null when it would escape it (`..`, encoded
 * separators, NUL). Pure, so both hosts share it and it is tested on its own.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Any `..` segment is refused outright rather than normalised away: no legitimate asset URL
  // has one, so its presence means a probe.
  if (decoded.split('/').includes('..')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative === '' || relative === '.' ? 'index.html' : relative);
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return full === root || full.startsWith(rootWithSep) ? full : null;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a built renderer file. Unknown paths without an extension fall back to index.html (the
 * UI's own navigation), so a reload on any page works.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (path === null) return null;
  const candidates = extname(path) === '' ? [path, join(root, 'index.html')] : [path];
  for (const candidate of candidates) {
    try {
      if ((await stat(candidate)).isFile()) {
        return { body: await readFile(candidate), contentType: mimeTypeOf(candidate) };
      }
    } catch {
      // try the next candidate
    }
  }
  return null;
}
