/**
 * PDF basics shared by every printed document (the old-ID slip now, the reports later): A4 pages
 * with the margins and type sizes of NĐ 30/2020/NĐ-CP Phụ lục I, Liberation Serif (metric twin of
 * Times New Roman, SIL OFL 1.1) embedded, the national heading, and a durable file write.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export const FONTS_DIR = join('resources', 'fonts');
export const FONT = { regular: 'serif', bold: 'serif-bold', italic: 'serif-italic' } as const;
const FONT_FILES = {
  [FONT.regular]: 'LiberationSerif-Regular.ttf',
  [FONT.bold]: 'LiberationSerif-Bold.ttf',
  [FONT.italic]: 'LiberationSerif-Italic.ttf',
};

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/** NĐ 30/2020 Phụ lục I §II.2: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const A4_MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };

export interface DocumentMeta {
  title: string;
  subject?: string;
  author?: string;
  /** Fixed creation time (epoch ms), so the same input gives the same file. */
  createdAt: number;
}

/** A new A4 portrait document with the fonts registered; pages are buffered for counting. */
export function createA4Document(appRoot: string, meta: DocumentMeta): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: A4_MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: meta.title,
      Subject: meta.subject ?? '',
      Author: meta.author ?? 'Một Cửa Desk',
      Creator: 'Một Cửa Desk',
      CreationDate: new Date(meta.createdAt),
    },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) {
    doc.registerFont(name, join(appRoot, FONTS_DIR, file));
  }
  return doc.font(FONT.regular).fontSize(13);
}

export interface NationalHeading {
  /** The superior body, upper case regular (may be empty). */
  parentAgency?: string;
  /** The issuing body, upper case bold. */
  agency: string;
  /** "Hạ Long, ngày 24 tháng 11 năm 2026" line (italic), or omitted. */
  placeAndDate?: string;
}

/**
 * The two-column heading of NĐ 30/2020 Phụ lục I: agency at the left; at the right the Quốc hiệu
 * (bold, upper case, 12–13 pt) and the Tiêu ngữ (bold, 13–14 pt) with a rule under it.
 */
export function drawNationalHeading(doc: PdfDoc, heading: NationalHeading): void {
  const { left, right, top } = doc.page.margins;
  const width = doc.page.width - left - right;
  const leftWidth = width * 0.4;
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  let y = top;
  if (heading.parentAgency) {
    doc.font(FONT.regular).fontSize(12);
    doc.text(heading.parentAgency.toLocaleUpperCase('vi'), left, y, {
      width: leftWidth,
      align: 'center',
    });
    y = doc.y;
  }
  doc.font(FONT.bold).fontSize(12);
  doc.text(heading.agency.toLocaleUpperCase('vi'), left, y, { width: leftWidth, align: 'center' });
  const agencyBottom = doc.y;
  rule(doc, left + leftWidth * 0.35, left + leftWidth * 0.65, agencyBottom + 2);

  doc.font(FONT.bold).fontSize(12);
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightWidth,
    align: 'center',
  });
  doc.fontSize(13).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, {
    width: rightWidth,
    align: 'center',
  });
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  const centre = rightX + rightWidth / 2;
  rule(doc, centre - mottoWidth / 2, centre + mottoWidth / 2, doc.y + 1);
  let bottom = Math.max(agencyBottom, doc.y) + mm(4);
  if (heading.placeAndDate) {
    doc.font(FONT.italic).fontSize(13);
    doc.text(heading.placeAndDate, rightX, bottom, { width: rightWidth, align: 'center' });
    bottom = doc.y + mm(4);
  }
  doc.font(FONT.regular).fontSize(13);
  doc.x = left;
  doc.y = bottom;
}

function rule(doc: PdfDoc, x1: number, x2: number, y: number): void {
  doc.save().lineWidth(0.6).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

/** "ngày 24 tháng 11 năm 2026", the date form of administrative documents. */
export function vietnameseLongDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** Ends the document and collects its bytes. */
export function renderPdf(doc: PdfDoc): Promise<{ bytes: Buffer; pages: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const pages = doc.bufferedPageRange().count;
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve({ bytes: Buffer.concat(chunks), pages }));
    doc.on('error', reject);
    doc.end();
  });
}

/** Files first (DESIGN.md): temp name, fsync, rename, so a crash never leaves half a file. */
export function writeFileDurablySync(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}
