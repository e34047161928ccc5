/**
 * The parts of an administrative document after the heading (pdf-basics.ts), as NĐ 30/2020/NĐ-CP
 * Phụ lục I prescribes them: the title (ô 5a), the body (ô 6), the signature (ô 7) with the
 * recipients beside it (ô 9b), page numbers, and appendices (§III.1). Sizes are in points.
 */
import { A4_MARGINS, contentWidth, FONT, mm, rule, type PdfDoc } from './pdf-basics';

/** Body text: 13 pt (13–14), first line indented 1 cm, ≥ 6 pt between paragraphs (§II.6.e). */
export const BODY = { size: 13, indent: mm(10), paragraphGap: 6, lineGap: 2 } as const;

const bottomLimit = (doc: PdfDoc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left (keeps a block together). */
export function ensureSpace(
  doc: PdfDoc,
  height: number,
  addPage: () => void = () => doc.addPage(),
) {
  if (doc.y + height > bottomLimit(doc)) addPage();
}

/**
 * Ô 5a (§II.5.b): the kind of document in upper case bold 14 pt, the summary under it in bold
 * 14 pt, and a rule 1/3–1/2 as long as the summary's line, centred.
 */
export function drawTitle(doc: PdfDoc, kind: string, summary: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(14);
  doc.text(kind.toLocaleUpperCase('vi'), left, doc.y, { width, align: 'center' });
  doc.text(summary, left, doc.y, { width, align: 'center', lineGap: 1 });
  const line = Math.min(doc.widthOfString(summary), width);
  const centre = left + width / 2;
  rule(doc, centre - line * 0.2, centre + line * 0.2, doc.y + 2);
  doc.y += mm(5);
  doc.x = left;
}

/** A heading of the body: "I. KẾT QUẢ …" in upper case bold (Mục V, 6.b). */
export function drawHeading(doc: PdfDoc, text: string): void {
  ensureSpace(doc, 60);
  doc.font(FONT.bold).fontSize(BODY.size);
  doc.text(text.toLocaleUpperCase('vi'), doc.page.margins.left + BODY.indent, doc.y, {
    width: contentWidth(doc) - BODY.indent,
    paragraphGap: BODY.paragraphGap,
  });
}

/** A numbered point with a title: "1. Tiếp nhận hồ sơ" in bold (Mục V, 6.b, khoản có tiêu đề). */
export function drawSubheading(doc: PdfDoc, text: string): void {
  ensureSpace(doc, 40);
  doc.font(FONT.bold).fontSize(BODY.size);
  doc.text(text, doc.page.margins.left + BODY.indent, doc.y, {
    width: contentWidth(doc) - BODY.indent,
    paragraphGap: BODY.paragraphGap,
  });
}

/** A body paragraph: justified, first line indented (§II.6.e). */
export function drawParagraph(doc: PdfDoc, text: string, font: string = FONT.regular): void {
  doc.font(font).fontSize(BODY.size);
  doc.text(text, doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
    align: 'justify',
    indent: BODY.indent,
    lineGap: BODY.lineGap,
    paragraphGap: BODY.paragraphGap,
  });
}

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN" (§II.7.b), may be empty. */
  authority: string;
  title: string;
  name: string;
}

/**
 * Ô 7a–7b at the right: authority and title in upper case bold 13 pt, room for the signature and
 * seal, the signer's name in bold. Ô 9b at the left on the same line: "Nơi nhận:" bold italic
 * 12 pt, then one recipient per line in 11 pt, "- …;" and the filing line "- Lưu: VT, ….".
 */
export function drawSignatureBlock(
  doc: PdfDoc,
  signature: Signature,
  recipients: readonly string[],
  filing: string,
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftWidth = width * 0.45;
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  const lines = [...recipients.map((r) => `- ${r};`), `- Lưu: ${filing || 'VT'}.`];
  doc.font(FONT.regular).fontSize(11);
  const listHeight = lines.reduce((h, l) => h + doc.heightOfString(l, { width: leftWidth }), 16);
  const signHeight = 3 * 16 + mm(28);
  ensureSpace(doc, Math.max(listHeight, signHeight) + mm(4));
  const top = doc.y + mm(4);

  doc.font(FONT.boldItalic).fontSize(12).text('Nơi nhận:', left, top, { width: leftWidth });
  doc.font(FONT.regular).fontSize(11);
  for (const line of lines) doc.text(line, left, doc.y, { width: leftWidth });
  const listBottom = doc.y;

  doc.font(FONT.bold).fontSize(BODY.size);
  let y = top;
  for (const line of [signature.authority, signature.title].filter(Boolean)) {
    doc.text(line.toLocaleUpperCase('vi'), rightX, y, { width: rightWidth, align: 'center' });
    y = doc.y;
  }
  y += mm(28); // signature and seal
  if (signature.name) doc.text(signature.name, rightX, y, { width: rightWidth, align: 'center' });
  doc.x = left;
  doc.y = Math.max(listBottom, doc.y);
}

/**
 * Page numbers (§I.7): Arabic, 13 pt, centred in the top margin, none on the first page. Each
 * appendix is numbered on its own (§III.1.đ). `groups` are the page indexes of each part.
 */
export function drawPageNumbers(doc: PdfDoc, groups: readonly number[][]): void {
  for (const pages of groups) {
    pages.forEach((index, n) => {
      if (n === 0) return;
      doc.switchToPage(index);
      doc.font(FONT.regular).fontSize(13);
      doc.text(String(n + 1), doc.page.margins.left, mm(9), {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    });
  }
}

/** A new A4 page for an appendix table: landscape, the same margins turned with the page. */
export function addLandscapePage(doc: PdfDoc): void {
  doc.addPage({ size: 'A4', layout: 'landscape', margins: A4_MARGINS });
}

/**
 * §III.1.b–c: "Phụ lục I" bold 14 pt, its name in upper case bold, and the line tying it to the
 * document, in italics: "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)".
 */
export function drawAppendixHeader(doc: PdfDoc, label: string, name: string, attachedTo: string) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .font(FONT.bold)
    .fontSize(14)
    .text(label, left, doc.page.margins.top, { width, align: 'center' });
  doc
    .font(FONT.bold)
    .fontSize(13)
    .text(name.toLocaleUpperCase('vi'), left, doc.y, { width, align: 'center' });
  doc.font(FONT.italic).fontSize(13).text(attachedTo, left, doc.y, { width, align: 'center' });
  const centre = left + width / 2;
  rule(doc, centre - mm(15), centre + mm(15), doc.y + 6);
  doc.y += mm(6);
  doc.x = left;
}
