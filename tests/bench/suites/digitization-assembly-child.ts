/**
 * Child process of the digitization benchmark: assembles a PDF from prepared draft pages and
 * reports its time and peak memory (maxRSS of this process alone). Run: tsx this-file DIR N.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftPageRow } from '../../../db/repositories/scan-drafts-repository';
import { assemblePdf } from '../../../electron/services/digitization/pdf-assembly';

const [dir, count, width, height, dpi] = process.argv.slice(2);
const pages: DraftPageRow[] = Array.from({ length: Number(count) }, (_, i) => ({
  draftId: 'bench',
  seq: i + 1,
  kind: 'jpeg',
  file: `pages/page-${String(i + 1).padStart(4, '0')}.jpg`,
  pdfPage: null,
  width: Number(width),
  height: Number(height),
  dpi: Number(dpi),
  components: 3,
  inkCoverage: 0.1,
  blank: 0,
  keep: 1,
  rotation: 0,
  skew: 0,
  thumb: '',
  createdAt: 0,
}));
const started = performance.now();
const file = await assemblePdf(dir!, pages, join(dir!, 'out', 'document.pdf'), {
  title: 'Benchmark',
  createdAt: Date.now(),
});
const ms = performance.now() - started;
// VmHWM is this process image's own peak; getrusage's maxRSS survives exec() on Linux and would
// report the parent's size at fork time.
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(`${JSON.stringify({ ms, bytes: file.bytes, maxRssMb: peakRssMb() })}\n`);
