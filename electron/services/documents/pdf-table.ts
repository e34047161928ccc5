/**
 * A ruled table for printed documents: a bold header row repeated on every page, rows as tall
 * as their longest wrapped cell, a row never split across pages. Vector lines and real text
 * (selectable, searchable), nothing rasterised.
 */
import { FONT, type PdfDoc } from './pdf-basics';

export interface TableColumn {
  header: string;
  width: number;
  align: 'left' | 'center' | 'right';
}

export interface TableRow {
  cells: readonly string[];
  bold?: boolean;
}

export interface TableOptions {
  fontSize: number;
  headerFontSize?: number;
  padding?: number;
  /** Adds a page of the right size and returns; the header is then drawn again. */
  addPage: () => void;
}

const GRID = 0.5;

function rowHeight(
  doc: PdfDoc,
  columns: readonly TableColumn[],
  cells: readonly string[],
  padding: number,
): number {
  let height = 0;
  columns.forEach((c, i) => {
    const text = cells[i] ?? '';
    if (text === '') return;
    height = Math.max(height, doc.heightOfString(text, { width: c.width - 2 * padding }));
  });
  return Math.ceil(height + 2 * padding);
}

function drawRow(
  doc: PdfDoc,
  columns: readonly TableColumn[],
  cells: readonly string[],
  y: number,
  height: number,
  padding: number,
  shade: boolean,
): void {
  let x = doc.page.margins.left;
  const width = columns.reduce((w, c) => w + c.width, 0);
  if (shade) doc.save().rect(x, y, width, height).fill('#ececec').restore();
  doc.save().lineWidth(GRID).strokeColor('#000');
  for (const c of columns) {
    doc.rect(x, y, c.width, height).stroke();
    x += c.width;
  }
  doc.restore();
  x = doc.page.margins.left;
  columns.forEach((c, i) => {
    const text = cells[i] ?? '';
    if (text !== '') {
      const textHeight = doc.heightOfString(text, { width: c.width - 2 * padding });
      // Numbers and short cells sit in the middle of tall rows, as in a spreadsheet print.
      const top = y + Math.max(padding, (height - textHeight) / 2);
      doc.text(text, x + padding, top, { width: c.width - 2 * padding, align: c.align });
    }
    x += c.width;
  });
}

/** Draws the table from the current y; returns with doc.y under its last row. */
export function drawTable(
  doc: PdfDoc,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  options: TableOptions,
): void {
  const padding = options.padding ?? 3;
  const headerSize = options.headerFontSize ?? options.fontSize;
  const headers = columns.map((c) => c.header);
  const header = () => {
    doc.font(FONT.bold).fontSize(headerSize);
    const h = rowHeight(doc, columns, headers, padding);
    const y = doc.y;
    drawRow(doc, columns, headers, y, h, padding, true);
    doc.y = y + h;
  };
  header();
  for (const row of rows) {
    doc.font(row.bold ? FONT.bold : FONT.regular).fontSize(options.fontSize);
    const h = rowHeight(doc, columns, row.cells, padding);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      options.addPage();
      header();
      doc.font(row.bold ? FONT.bold : FONT.regular).fontSize(options.fontSize);
    }
    const y = doc.y;
    drawRow(doc, columns, row.cells, y, h, padding, false);
    doc.y = y + h;
  }
  doc.x = doc.page.margins.left;
}
