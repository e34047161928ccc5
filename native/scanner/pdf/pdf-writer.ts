/**
 * A streaming PDF 1.4 writer for scanned pages: one image per page, the page sized so the image
 * keeps the scanner's resolution (regulations.md §3: PDF ≥ 1.4, ≥ 200 dpi, 100 % scale).
 * JPEG bytes are embedded as they are (DCTDecode, no re-encoding); bilevel and other lossless
 * rasters come pre-deflated (FlateDecode). Pure: it returns byte chunks and never touches a file,
 * so a 100-page document is written page by page without holding it all in memory.
 * Object layout follows ISO 32000-1 §7.5 (file structure) and §8.9.5 (image dictionaries).
 */
export type PdfImage =
  | { kind: 'jpeg'; data: Uint8Array; components: 1 | 3 | 4 }
  | {
      kind: 'flate';
      /** zlib-compressed raster, rows padded to whole bytes. */
      data: Uint8Array;
      colorSpace: 'DeviceGray' | 'DeviceRGB';
      bitsPerComponent: 1 | 8;
    };

export interface PdfPage {
  widthPx: number;
  heightPx: number;
  dpi: number;
  image: PdfImage;
  /** Page rotation for viewers, multiples of 90 (ISO 32000-1 §7.7.3.3 /Rotate). */
  rotate?: 0 | 90 | 180 | 270;
}

export interface PdfInfo {
  title?: string;
  producer?: string;
  /** Epoch ms. */
  createdAt?: number;
}

const enc = (text: string) => Buffer.from(text, 'latin1');

/** PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a BOM (§7.9.2.2). */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/([\\()])/g, '\\$1')})`;
  const units = Buffer.from(text, 'utf16le');
  units.swap16();
  return `<FEFF${units.toString('hex').toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSS+07'00' — dates in the document follow the office's zone. */
export function pdfDate(epochMs: number): string {
  const d = new Date(epochMs + 7 * 3600_000).toISOString();
  return `D:${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}+07'00'`;
}

/** Points per pixel at a given resolution: a page 2480 px wide at 300 dpi is 595.2 pt (A4). */
export function pixelsToPoints(px: number, dpi: number): number {
  return Math.round(((px * 72) / dpi) * 1000) / 1000;
}

export class PdfWriter {
  private offset = 0;
  private readonly offsets: number[] = [];
  private readonly pageRefs: number[] = [];
  // 1 = catalog, 2 = page tree (written last, when every kid is known), 3 = info.
  private nextId = 4;
  private finished = false;

  /** Returns the file header; write it first. */
  start(): Buffer {
    // The binary comment line tells transfer tools the file is binary (§7.5.2).
    return this.emit(
      Buffer.concat([enc('%PDF-1.4\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), enc('\n')]),
    );
  }

  get pageCount(): number {
    return this.pageRefs.length;
  }

  /** The bytes of one page (image, content stream, page object). */
  addPage(page: PdfPage): Buffer {
    if (this.finished) throw new Error('PDF already finished');
    const imageId = this.nextId++;
    const contentId = this.nextId++;
    const pageId = this.nextId++;
    const w = pixelsToPoints(page.widthPx, page.dpi);
    const h = pixelsToPoints(page.heightPx, page.dpi);
    const img = page.image;
    const imageDict =
      img.kind === 'jpeg'
        ? `/ColorSpace /${img.components === 1 ? 'DeviceGray' : img.components === 4 ? 'DeviceCMYK' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode`
        : `/ColorSpace /${img.colorSpace} /BitsPerComponent ${img.bitsPerComponent} /Filter /FlateDecode`;
    const content = enc(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`);
    const chunks = [
      this.object(
        imageId,
        `<< /Type /XObject /Subtype /Image /Width ${page.widthPx} /Height ${page.heightPx} ${imageDict} /Length ${img.data.length} >>`,
        img.data,
      ),
      this.object(contentId, `<< /Length ${content.length} >>`, content),
      this.object(
        pageId,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${imageId} 0 R >> /ProcSet [/PDF /ImageB /ImageC] >> /Contents ${contentId} 0 R${page.rotate ? ` /Rotate ${page.rotate}` : ''} >>`,
      ),
    ];
    this.pageRefs.push(pageId);
    return Buffer.concat(chunks);
  }

  /** Page tree, catalog, info, cross-reference table and trailer. */
  finish(info: PdfInfo = {}): Buffer {
    if (this.pageRefs.length === 0) throw new Error('A PDF needs at least one page');
    this.finished = true;
    const kids = this.pageRefs.map((id) => `${id} 0 R`).join(' ');
    const infoEntries = [
      info.title !== undefined ? `/Title ${pdfTextString(info.title)}` : '',
      `/Producer ${pdfTextString(info.producer ?? 'Mot Cua Desk')}`,
      info.createdAt !== undefined ? `/CreationDate (${pdfDate(info.createdAt)})` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const body = Buffer.concat([
      this.object(2, `<< /Type /Pages /Kids [${kids}] /Count ${this.pageRefs.length} >>`),
      this.object(1, '<< /Type /Catalog /Pages 2 0 R >>'),
      this.object(3, `<< ${infoEntries} >>`),
    ]);
    const xrefAt = this.offset;
    const size = this.nextId;
    const rows = ['0000000000 65535 f \n'];
    for (let id = 1; id < size; id++) {
      rows.push(`${String(this.offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`);
    }
    const tail = enc(
      `xref\n0 ${size}\n${rows.join('')}trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    );
    return Buffer.concat([body, this.emit(tail)]);
  }

  private object(id: number, dict: string, stream?: Uint8Array): Buffer {
    const parts = stream
      ? [enc(`${id} 0 obj\n${dict}\nstream\n`), Buffer.from(stream), enc('\nendstream\nendobj\n')]
      : [enc(`${id} 0 obj\n${dict}\nendobj\n`)];
    const bytes = Buffer.concat(parts);
    this.offsets[id] = this.offset;
    return this.emit(bytes);
  }

  private emit(bytes: Buffer): Buffer {
    this.offset += bytes.length;
    return bytes;
  }
}
