/**
 * The report as a PDF in the layout of NĐ 30/2020/NĐ-CP Phụ lục I: heading, number and date,
 * title, numbered sections (totals with their formulas, charts, commentary), closing line,
 * signature and recipients, then the tables as landscape appendices. Text is real text in
 * embedded Liberation Serif subsets, so pdftotext and copy-paste give the exact Vietnamese.
 */
import type { ReportFigures, ReportProfile } from '../../api/report-schemas';
import { drawStackedBars, drawTrend } from '../documents/pdf-charts';
import { drawTable, type TableRow } from '../documents/pdf-table';
import {
  addLandscapePage,
  drawAppendixHeader,
  drawHeading,
  drawPageNumbers,
  drawParagraph,
  drawSignatureBlock,
  drawSubheading,
  drawTitle,
  ensureSpace,
} from '../documents/official-layout';
import {
  contentWidth,
  createA4Document,
  drawNationalHeading,
  FONT,
  mm,
  renderPdf,
  vietnameseLongDate,
  type PdfDoc,
} from '../documents/pdf-basics';
import {
  DE_AN_06_COLUMNS,
  PROCEDURE_COLUMNS,
  summaryRows,
  totalsRow,
  type Cell,
  type Column,
} from './report-rows';
import { roman, viDateTime, viInteger, viPercent, viShortDate } from './vi-format';

export interface PdfOptions {
  appRoot: string;
  /** Document number (Số), or blank for the văn thư to fill in. */
  number: number | null;
  /** Day of issue (YYYY-MM-DD) and creation time (fixed, so equal input gives equal bytes). */
  issuedDay: string;
  createdAt: number;
}

const CHANNELS = [
  { name: 'Trực tiếp', color: '#1f4e79' },
  { name: 'Trực tuyến', color: '#2e75b6' },
  { name: 'Bưu chính', color: '#9dc3e6' },
];

/** "Số: 05/BC-UBND" (numbers below 10 take a leading zero, §II.3.c), or a blank to fill. */
export function numberLine(number: number | null, symbol: string): string {
  const n = number === null ? '      ' : String(number).padStart(2, '0');
  return `Số: ${n}/${symbol || 'BC'}`;
}

export function cellText(cell: Cell, withFraction = false): string {
  if (cell.kind === 'int') return viInteger(cell.value);
  if (cell.kind === 'text') return cell.value;
  const pct = viPercent(cell.percent);
  return withFraction && cell.percent !== null
    ? `${pct} (${viInteger(cell.numerator)}/${viInteger(cell.denominator)})`
    : pct;
}

function tableRows(columns: readonly Column[], f: ReportFigures): TableRow[] {
  const printed = columns.filter((c) => !c.sheetOnly);
  const rows = f.procedures.map((p, i) => ({ cells: printed.map((c) => cellText(c.cell(p, i))) }));
  const totals = totalsRow(columns, f.procedures).filter((_, i) => !columns[i]!.sheetOnly);
  return [...rows, { cells: totals.map((c) => cellText(c)), bold: true }];
}

function summarySection(doc: PdfDoc, f: ReportFigures): void {
  const t = f.current.totals;
  drawSubheading(doc, '1. Tiếp nhận, giải quyết hồ sơ');
  drawParagraph(
    doc,
    `Trong kỳ, bộ phận một cửa tiếp nhận ${viInteger(t.received)} hồ sơ (trực tiếp ${viInteger(t.inPerson)}, trực tuyến ${viInteger(t.onlineAssisted)}, bưu chính ${viInteger(t.postal)}); đã giải quyết xong ${viInteger(t.done)} hồ sơ, tỷ lệ giải quyết đúng hạn ${viPercent(t.onTimeRate)}; ${viInteger(t.open)} hồ sơ đang giải quyết.`,
  );
  drawSubheading(doc, '2. Số hóa hồ sơ, kết quả giải quyết');
  const d = f.current.digitization;
  const r = f.current.digitizationRates;
  drawParagraph(
    doc,
    `Số hóa ${viInteger(d.componentDocuments)} thành phần hồ sơ (${viInteger(d.componentPages)} trang) và ${viInteger(d.resultDocuments)} kết quả giải quyết (${viInteger(d.resultPages)} trang); tái sử dụng ${viInteger(d.reusedDocuments)} lượt dữ liệu đã số hóa. Tỷ lệ số hóa thành phần hồ sơ ${viPercent(r.components.percent)}, kết quả ${viPercent(r.results.percent)}, tái sử dụng ${viPercent(r.reuse.percent)}.`,
  );
  drawSubheading(doc, '3. Các chỉ tiêu và cách tính');
  const width = contentWidth(doc);
  const columns = [
    { header: 'TT', width: 24, align: 'center' as const },
    { header: 'Chỉ tiêu', width: 150, align: 'left' as const },
    { header: 'Kết quả', width: 96, align: 'right' as const },
    { header: 'Cách tính (QĐ 766/QĐ-TTg)', width: width - 270, align: 'left' as const },
  ];
  const rows = summaryRows(f).map((row) => ({
    cells: [row.no, row.label, cellText(row.value, true), row.formula],
  }));
  doc.moveDown(0.2);
  drawTable(doc, columns, rows, { fontSize: 10, headerFontSize: 10, addPage: () => doc.addPage() });
  doc.moveDown(0.8);
}

function chartsSection(doc: PdfDoc, f: ReportFigures): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = [...f.procedures]
    .filter((p) => p.indicators.received > 0)
    .sort((a, b) => b.indicators.received - a.indicators.received || a.seq - b.seq)
    .slice(0, 10);
  ensureSpace(doc, 40 + top.length * 15 + 40);
  let y = drawStackedBars(
    doc,
    { x: left, y: doc.y, width },
    `Hồ sơ tiếp nhận theo thủ tục và hình thức nộp (${top.length} thủ tục nhiều nhất)`,
    top.map((p) => ({
      label: p.name,
      values: [p.indicators.inPerson, p.indicators.onlineAssisted, p.indicators.postal],
    })),
    CHANNELS,
    viInteger,
  );
  doc.y = y + mm(4);
  ensureSpace(doc, 190);
  y = drawTrend(
    doc,
    { x: left, y: doc.y, width, height: 130 },
    'Hồ sơ tiếp nhận và các tỷ lệ trong 12 tháng',
    f.trend.map((p) => ({
      label: `${p.month.slice(5)}/${p.month.slice(2, 4)}`,
      bar: p.received,
      lines: [p.onTimeRate, p.componentsRate],
    })),
    { name: 'Hồ sơ tiếp nhận', color: '#9dc3e6' },
    [
      { name: 'Tỷ lệ đúng hạn (%)', color: '#c00000', dash: false },
      { name: 'Tỷ lệ số hóa thành phần (%)', color: '#548235', dash: true },
    ],
    viInteger,
  );
  doc.x = left;
  doc.y = y + mm(3);
}

function commentarySection(doc: PdfDoc, f: ReportFigures): void {
  for (const line of f.commentary) drawParagraph(doc, line);
}

export async function renderReportPdf(
  f: ReportFigures,
  profile: ReportProfile,
  options: PdfOptions,
): Promise<{ bytes: Buffer; pages: number }> {
  const period = f.current.period;
  const summary = `${profile.title} ${period.label}`;
  const doc = createA4Document(options.appRoot, {
    title: `Báo cáo ${summary}`,
    subject: `${f.office.name} — ${profile.name}`,
    createdAt: options.createdAt,
  });
  drawNationalHeading(doc, {
    ...(profile.parentAgency ? { parentAgency: profile.parentAgency } : {}),
    agency: f.office.name,
    numberLine: numberLine(options.number, profile.numberSymbol),
    placeAndDate: `${f.office.place || '……'}, ${vietnameseLongDate(options.issuedDay)}`,
  });
  drawTitle(doc, 'Báo cáo', summary);
  const appendices = profile.sections.filter((s) => s === 'procedures' || s === 'deAn06');
  const appendixRef = (s: 'procedures' | 'deAn06') => `Phụ lục ${roman(appendices.indexOf(s) + 1)}`;
  drawParagraph(
    doc,
    `Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 và Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, ${f.office.name} báo cáo kết quả tiếp nhận, giải quyết thủ tục hành chính và số hóa hồ sơ ${period.label} (từ ngày ${viShortDate(period.from)} đến ngày ${viShortDate(period.to)}${f.partial ? `, số liệu tính đến ${viDateTime(Date.parse(f.asOf))}` : ''}) như sau:`,
  );
  let section = 0;
  for (const s of profile.sections) {
    if (s === 'summary') {
      drawHeading(doc, `${roman(++section)}. Kết quả thực hiện`);
      summarySection(doc, f);
    } else if (s === 'charts') {
      drawHeading(doc, `${roman(++section)}. Biểu đồ`);
      chartsSection(doc, f);
    } else if (s === 'commentary') {
      drawHeading(doc, `${roman(++section)}. Nhận xét, đánh giá`);
      commentarySection(doc, f);
    }
  }
  if (appendices.length > 0) {
    const refs = appendices.map((s) =>
      s === 'procedures'
        ? `số liệu chi tiết của từng thủ tục tại ${appendixRef(s)}`
        : `kết quả theo từng dịch vụ công thiết yếu (mẫu Đề án 06) tại ${appendixRef(s)}`,
    );
    drawParagraph(doc, `(${refs.join('; ')} kèm theo.)`, FONT.italic);
  }
  drawParagraph(
    doc,
    `Trên đây là báo cáo ${summary.charAt(0).toLocaleLowerCase('vi')}${summary.slice(1)} của ${f.office.name}./.`,
  );
  drawSignatureBlock(
    doc,
    { authority: profile.signerAuthority, title: profile.signerTitle, name: profile.signerName },
    profile.recipients,
    profile.filing,
  );

  const groups: number[][] = [range(0, doc.bufferedPageRange().count)];
  const attached = `(Kèm theo Báo cáo số ${numberLine(options.number, profile.numberSymbol).slice(4)} ${vietnameseLongDate(options.issuedDay)} của ${f.office.name})`;
  for (const s of appendices) {
    const first = doc.bufferedPageRange().count;
    addLandscapePage(doc);
    const name =
      s === 'procedures'
        ? `Kết quả tiếp nhận, giải quyết và số hóa hồ sơ của 25 thủ tục thiết yếu ${period.label}`
        : `Kết quả thực hiện 25 dịch vụ công thiết yếu theo Đề án 06 ${period.label}`;
    drawAppendixHeader(doc, appendixRef(s), name, attached);
    drawTable(
      doc,
      (s === 'procedures' ? PROCEDURE_COLUMNS : DE_AN_06_COLUMNS).filter((c) => !c.sheetOnly),
      tableRows(s === 'procedures' ? PROCEDURE_COLUMNS : DE_AN_06_COLUMNS, f),
      {
        fontSize: 10,
        headerFontSize: 9.5,
        addPage: () => addLandscapePage(doc),
      },
    );
    groups.push(range(first, doc.bufferedPageRange().count));
  }
  drawPageNumbers(doc, groups);
  return renderPdf(doc);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
