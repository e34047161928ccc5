import { execFileSync } from 'node:child_process';

/** poppler-utils reads our PDFs back: what a user's viewer would see. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export interface PdfImageRow {
  page: number;
  width: number;
  height: number;
  color: string;
  bpc: number;
  enc: string;
  xPpi: number;
  yPpi: number;
}

/** `pdfimages -list`: one row per embedded image, with its encoding and effective resolution. */
export function pdfImages(file: string): PdfImageRow[] {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const c = line.trim().split(/\s+/);
      return {
        page: Number(c[0]),
        width: Number(c[3]),
        height: Number(c[4]),
        color: c[5]!,
        bpc: Number(c[7]),
        enc: c[8]!,
        xPpi: Number(c[12]),
        yPpi: Number(c[13]),
      };
    });
}
