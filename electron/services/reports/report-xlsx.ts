/**
 * The report as an Excel workbook: one sheet per section, the same tables as the PDF with the
 * counts as numbers (never text), every rate as a formula over the counts beside it (with its
 * cached result, so viewers without recalculation show it too), thousands grouped, the header
 * frozen. Separators follow the reader's Excel locale: a Vietnamese Excel shows 12.345 and 95,23%.
 */
import ExcelJS from 'exceljs';
import type { ReportFigures, ReportProfile } from '../../api/report-schemas';
import {
  DE_AN_06_COLUMNS,
  PROCEDURE_COLUMNS,
  summaryRows,
  totalsRow,
  TREND_HEADERS,
  type Cell,
  type Column,
} from './report-rows';
import { viShortDate } from './vi-format';

export const SHEET_NAMES = {
  summary: 'Tổng hợp',
  charts: 'Xu hướng 12 tháng',
  commentary: 'Nhận xét',
  procedures: 'Theo thủ tục',
  deAn06: 'Đề án 06',
} as const;

const INT = '#,##0';
const PCT = '0.00%';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function letter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26))
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Title lines above a table; returns the header row number. */
function heading(sheet: ExcelJS.Worksheet, f: ReportFigures, profile: ReportProfile, span: number) {
  const period = f.current.period;
  const lines = [
    f.office.name.toLocaleUpperCase('vi'),
    `BÁO CÁO ${profile.title.toLocaleUpperCase('vi')} ${period.label.toLocaleUpperCase('vi')}`,
    `Từ ngày ${viShortDate(period.from)} đến ngày ${viShortDate(period.to)}${f.partial ? ` (số liệu tính đến ${f.asOf.slice(0, 10)})` : ''}`,
  ];
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { name: 'Times New Roman', bold: i < 2, size: i < 2 ? 13 : 12 };
    sheet.mergeCells(i + 1, 1, i + 1, span);
  });
  return lines.length + 2;
}

function headerRow(sheet: ExcelJS.Worksheet, at: number, headers: readonly string[]) {
  const row = sheet.getRow(at);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFECECEC' } };
    cell.border = BORDER;
  });
  row.height = 32;
  // Frozen: the header stays in view while scrolling the 25 procedures.
  sheet.views = [{ state: 'frozen', ySplit: at, xSplit: 0 }];
}

function style(cell: ExcelJS.Cell, bold = false) {
  cell.font = { name: 'Times New Roman', size: 11, bold };
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', wrapText: typeof cell.value === 'string' };
}

function ratioFormula(ref: (key: string) => string, ratio: NonNullable<Column['ratio']>): string {
  const numerator = ratio.numerator.map(ref).join('+');
  const denominator = [
    ratio.denominator.map(ref).join('+'),
    ...(ratio.minus ?? []).map((k) => `-${ref(k)}`),
  ].join('');
  return `IF((${denominator})=0,"",(${numerator})/(${denominator}))`;
}

const fraction = (cell: Cell) =>
  cell.kind === 'rate' && cell.denominator > 0 ? cell.numerator / cell.denominator : '';

function proceduresSheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  f: ReportFigures,
  profile: ReportProfile,
) {
  const sheet = book.addWorksheet(name);
  const header = heading(sheet, f, profile, columns.length);
  headerRow(
    sheet,
    header,
    columns.map((c) => c.header),
  );
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, Math.round(c.width / 5));
  });
  const first = header + 1;
  const last = header + f.procedures.length;
  const totals = totalsRow(columns, f.procedures);
  const place = new Map(columns.map((c, i) => [c.key, letter(i + 1)]));
  const write = (rowNumber: number, cells: Cell[], isTotal: boolean) => {
    const row = sheet.getRow(rowNumber);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = cells[i]!;
      const ref = (key: string) => `${place.get(key)}${rowNumber}`;
      if (c.ratio) {
        cell.value = { formula: ratioFormula(ref, c.ratio), result: fraction(value) };
        cell.numFmt = PCT;
      } else if (isTotal && c.total === 'sum') {
        const col = letter(i + 1);
        cell.value = {
          formula: `SUM(${col}${first}:${col}${last})`,
          result: value.kind === 'int' ? value.value : 0,
        };
        cell.numFmt = INT;
      } else if (value.kind === 'int') {
        cell.value = value.value;
        cell.numFmt = INT;
      } else {
        cell.value = value.kind === 'text' ? value.value : '';
      }
      style(cell, isTotal);
    });
  };
  f.procedures.forEach((p, i) =>
    write(
      first + i,
      columns.map((c) => c.cell(p, i)),
      false,
    ),
  );
  write(last + 1, totals, true);
}

function summarySheet(book: ExcelJS.Workbook, f: ReportFigures, profile: ReportProfile) {
  const sheet = book.addWorksheet(SHEET_NAMES.summary);
  const header = heading(sheet, f, profile, 6);
  headerRow(sheet, header, ['TT', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Kết quả', 'Cách tính']);
  [6, 46, 12, 12, 14, 90].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  summaryRows(f).forEach((item, i) => {
    const n = header + 1 + i;
    const row = sheet.getRow(n);
    row.getCell(1).value = item.no;
    row.getCell(2).value = item.label;
    if (item.value.kind === 'rate') {
      row.getCell(3).value = item.value.numerator;
      row.getCell(4).value = item.value.denominator;
      row.getCell(5).value = {
        formula: `IF(D${n}=0,"",C${n}/D${n})`,
        result: fraction(item.value),
      };
      row.getCell(3).numFmt = INT;
      row.getCell(4).numFmt = INT;
      row.getCell(5).numFmt = PCT;
    } else if (item.value.kind === 'int') {
      row.getCell(5).value = item.value.value;
      row.getCell(5).numFmt = INT;
    }
    row.getCell(6).value = item.formula;
    for (let c = 1; c <= 6; c++) style(row.getCell(c));
  });
}

function trendSheet(book: ExcelJS.Workbook, f: ReportFigures, profile: ReportProfile) {
  const sheet = book.addWorksheet(SHEET_NAMES.charts);
  const header = heading(sheet, f, profile, TREND_HEADERS.length);
  headerRow(sheet, header, TREND_HEADERS);
  [12, 16, 12, 12, 12, 16, 20].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  f.trend.forEach((p, i) => {
    const row = sheet.getRow(header + 1 + i);
    const values = [
      `${p.month.slice(5)}/${p.month.slice(0, 4)}`,
      p.received,
      p.inPerson,
      p.onlineAssisted,
      p.postal,
      p.onTimeRate === null ? '' : p.onTimeRate / 100,
      p.componentsRate === null ? '' : p.componentsRate / 100,
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.numFmt = c >= 5 ? PCT : INT;
      style(cell);
    });
  });
}

function commentarySheet(book: ExcelJS.Workbook, f: ReportFigures, profile: ReportProfile) {
  const sheet = book.addWorksheet(SHEET_NAMES.commentary);
  const header = heading(sheet, f, profile, 2);
  headerRow(sheet, header, ['TT', 'Nhận xét']);
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 120;
  f.commentary.forEach((line, i) => {
    const row = sheet.getRow(header + 1 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = line;
    style(row.getCell(1));
    style(row.getCell(2));
  });
}

export async function renderReportXlsx(
  f: ReportFigures,
  profile: ReportProfile,
  createdAt: number,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Một Cửa Desk';
  book.created = new Date(createdAt);
  book.modified = new Date(createdAt);
  for (const s of profile.sections) {
    if (s === 'summary') summarySheet(book, f, profile);
    else if (s === 'charts') trendSheet(book, f, profile);
    else if (s === 'commentary') commentarySheet(book, f, profile);
    else if (s === 'procedures')
      proceduresSheet(book, SHEET_NAMES.procedures, PROCEDURE_COLUMNS, f, profile);
    else proceduresSheet(book, SHEET_NAMES.deAn06, DE_AN_06_COLUMNS, f, profile);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
