import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { APP_ROOT } from '../../electron/host/app-root';
import { seedDemoOffice } from '../../electron/services/demo/demo-service';
import { openTestServices, TEST_OFFICE } from './services';

/**
 * An office with four months of synthetic history (dossiers and digitization), at TEST_NOW
 * (24/11/2026): October 2026 is a whole month with a whole previous month before it.
 */
export async function seededReportOffice(dataDir: string) {
  const opened = openTestServices(dataDir);
  const office = await opened.dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
  if (!office.ok) throw new Error(office.error.code);
  const seeded = seedDemoOffice(opened.services, opened.clock, {
    days: 120,
    perWeekday: 60,
    seed: 3,
  });
  return { ...opened, seeded };
}

/** pdftotext in content order, whitespace collapsed: wrapped table cells read as one line. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

/** pdftotext -layout, as a reader sees the page. */
export function pdfLayoutText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** `pdffonts` rows: name, embedded, subset, ToUnicode. */
export function pdfFonts(file: string): { name: string; emb: string; sub: string; uni: string }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const c = line.trim().split(/\s+/);
      // name type… encoding emb sub uni objectId gen
      return { name: c[0]!, emb: c[c.length - 5]!, sub: c[c.length - 4]!, uni: c[c.length - 3]! };
    });
}

/** Every page's size line from pdfinfo ("595.28 x 841.89 pts (A4)"). */
export function pdfPageSizes(file: string, pages: number): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], {
    encoding: 'utf8',
  });
  return [...out.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1]!.trim());
}

/** Page `page` as a greyscale PNG at `dpi` (poppler's renderer, what a viewer shows). */
export function renderPage(file: string, page: number, png: string, dpi = 72): void {
  mkdirSync(dirname(png), { recursive: true });
  const base = png.replace(/\.png$/, '');
  execFileSync('pdftoppm', [
    '-png',
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    base,
  ]);
}

/**
 * How far two renderings of a page are apart: mean absolute grey difference (0–255) and the share
 * of pixels that differ by more than a quarter of the scale (a moved line of text, not
 * anti-aliasing). Different sizes are a difference in layout.
 */
export async function imageDifference(
  actualPng: string,
  referencePng: string,
): Promise<{ sameSize: boolean; mean: number; changedShare: number }> {
  const load = (path: string) =>
    sharp(readFileSync(path)).greyscale().raw().toBuffer({ resolveWithObject: true });
  const [a, b] = await Promise.all([load(actualPng), load(referencePng)]);
  if (a.info.width !== b.info.width || a.info.height !== b.info.height)
    return { sameSize: false, mean: 255, changedShare: 1 };
  let total = 0;
  let changed = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    total += d;
    if (d > 64) changed += 1;
  }
  return { sameSize: true, mean: total / a.data.length, changedShare: changed / a.data.length };
}

/** Kept after the run (git-ignored), beside the e2e screenshots. */
export const ARTIFACTS = join(APP_ROOT, 'tests', 'e2e', 'artifacts', 'reports');

export function writeArtifact(name: string, bytes: Uint8Array): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, bytes);
  return path;
}
