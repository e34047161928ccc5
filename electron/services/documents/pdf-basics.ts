/**
 * PDF basics shared by every printed document (the old-ID slip, the reports): A4 pages with the
 * margins and type sizes of NĐ 30/2020/NĐ-CP Phụ lục I, Liberation Serif (metric twin of Times
 * New Roman, SIL OFL 1.1) embedded as subsets with ToUnicode maps, and the national heading
 * (files are written with shared/durable-file.ts). The rest of the official layout is in official-layout.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export const FONTS_DIR = join('resources', 'fonts');
export const FONT = {
  regular: 'serif',
  bold: 'serif-bold',
  italic: 'serif-italic',
  boldItalic: 'serif-bold-italic',
} as const;
const FONT_FILES = {
  [FONT.regular]: 'LiberationSerif-Regular.ttf',
  [FONT.bold]: 'LiberationSerif-Bold.ttf',
  [FONT.italic]: 'LiberationSerif-Italic.ttf',
  [FONT.boldItalic]: 'LiberationSerif-BoldItalic.ttf',
};

/** Font files absent from the installation (a damaged install), by file name. */
export function missingFontFiles(appRoot: string): string[] {
  return Object.values(FONT_FILES).filter((file) => !existsSync(join(appRoot, FONTS_DIR, file)));
}

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/** NĐ 30/2020 Phụ lục I §II.2: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const A4_MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };

/** The width between the current page's left and right margins (portrait or landscape). */
export const contentWidth = (doc: PdfDoc): number =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;

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
  /** "Số: 15/BC-UBND" (ô 3), centred under the issuing body on the line of the date. */
  numberLine?: string;
  /** "Hạ Long, ngày 24 tháng 11 năm 2026" line (italic), or omitted. */
  placeAndDate?: string;
}

const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The heading of NĐ 30/2020 Phụ lục I (Mục IV, ô 1–4): at the left the superior body (upper case,
 * 12 pt) and the issuing body (upper case bold, 12 pt) over a rule 1/3–1/2 as long as its line
 * (§II.2.b), then "Số: …" (13 pt, §II.3.c); at the right the Quốc hiệu (upper case bold, 12 pt)
 * and the Tiêu ngữ (bold, 13 pt) over a rule as long as the Tiêu ngữ (§II.1), then the place and
 * date in italics (13 pt) on the line of the number (§II.4.c).
 */
export function drawNationalHeading(doc: PdfDoc, heading: NationalHeading): void {
  const { left, top } = doc.page.margins;
  const width = contentWidth(doc);
  const leftWidth = width * 0.42;
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
  const agency = heading.agency.toLocaleUpperCase('vi');
  doc.font(FONT.bold).fontSize(12);
  doc.text(agency, left, y, { width: leftWidth, align: 'center' });
  const agencyLine = Math.min(doc.widthOfString(agency), leftWidth);
  const leftCentre = left + leftWidth / 2;
  const agencyRule = doc.y + 3;
  rule(doc, leftCentre - agencyLine * 0.2, leftCentre + agencyLine * 0.2, agencyRule);

  doc.font(FONT.bold).fontSize(12);
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightWidth,
    align: 'center',
  });
  doc.fontSize(13).text(MOTTO, rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString(MOTTO);
  const centre = rightX + rightWidth / 2;
  const mottoRule = doc.y + 1;
  rule(doc, centre - mottoWidth / 2, centre + mottoWidth / 2, mottoRule);

  const lineY = Math.max(agencyRule, mottoRule) + mm(3);
  let bottom = lineY;
  if (heading.numberLine) {
    doc.font(FONT.regular).fontSize(13);
    doc.text(heading.numberLine, left, lineY, { width: leftWidth, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  }
  if (heading.placeAndDate) {
    doc.font(FONT.italic).fontSize(13);
    doc.text(heading.placeAndDate, rightX, lineY, { width: rightWidth, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  }
  doc.font(FONT.regular).fontSize(13);
  doc.x = left;
  doc.y = bottom + mm(4);
}

/** A solid 0.6 pt rule (the lines under the Tiêu ngữ, the issuer and the title). */
export function rule(doc: PdfDoc, x1: number, x2: number, y: number): void {
  doc.save().lineWidth(0.6).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

/** "ngày 24 tháng 11 năm 2026", "ngày 05 tháng 01 năm 2026", "ngày 09 tháng 3 năm 2026". */
export function vietnameseLongDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-') as [string, string, string];
  // NĐ 30/2020 Phụ lục I §II.4.b: days below 10 and the months 1 and 2 take a leading zero;
  // the other months are written as they are (tháng 3 … tháng 12).
  return `ngày ${d} tháng ${Number(m) <= 2 ? m : String(Number(m))} năm ${y}`;
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
