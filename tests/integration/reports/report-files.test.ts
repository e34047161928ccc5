import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../electron/api/calls/indicators';
import type { ReportFigures } from '../../../electron/api/report-schemas';
import { APP_ROOT } from '../../../electron/host/app-root';
import { cellText } from '../../../electron/services/reports/report-pdf';
import { PROCEDURE_COLUMNS, totalsRow } from '../../../electron/services/reports/report-rows';
import { SHEET_NAMES } from '../../../electron/services/reports/report-xlsx';
import { viInteger, viPercent } from '../../../electron/services/reports/vi-format';
import {
  imageDifference,
  pdfFonts,
  pdfLayoutText,
  pdfPageSizes,
  pdfText,
  renderPage,
  seededReportOffice,
  writeArtifact,
} from '../../support/reports';

/**
 * Reports generated from seeded data and read back the way a recipient would: poppler for the
 * PDF, exceljs for the workbook — and compared with the dashboard's own query, to the unit.
 */
let dir: string;
let office: Awaited<ReturnType<typeof seededReportOffice>>;
let figures: ReportFigures;
let dashboard: Dashboard;
let pdfFile: string;
let text: string;
let pages: number;

const REFERENCE = join(APP_ROOT, 'tests', 'fixtures', 'reports', 'report-page-1.png');

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await office.dispatcher.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  office = await seededReportOffice(dir);
  figures = await call<ReportFigures>('reports.figures', { period: '2026-10' });
  dashboard = await call<Dashboard>('dashboard.get', { period: '2026-10' });
  const pdf = await call<{ dataBase64: string; pages: number }>('reports.render', {
    period: '2026-10',
    format: 'pdf',
    number: 7,
  });
  pdfFile = writeArtifact('report-2026-10.pdf', Buffer.from(pdf.dataBase64, 'base64'));
  pages = pdf.pages;
  text = pdfText(pdfFile);
}, 60_000);

afterAll(() => {
  office.services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the PDF report', () => {
  it('has the national heading, number, place and date, title, recipients and signature', () => {
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND PHƯỜNG THỬ NGHIỆM',
      'Số: 07/BC-UBND',
      'Hạ Long, ngày 24 tháng 11 năm 2026',
      'BÁO CÁO',
      'tháng 10 năm 2026',
      'Nơi nhận:',
      '- Lưu: VT, BPMC.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Phụ lục I',
      '(Kèm theo Báo cáo số 07/BC-UBND ngày 24 tháng 11 năm 2026 của UBND phường Thử Nghiệm)',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('prints every procedure row of the appendix with the same figures, in exact Vietnamese', () => {
    expect(figures.procedures).toHaveLength(25);
    const printed = PROCEDURE_COLUMNS.filter((c) => !c.sheetOnly);
    figures.procedures.forEach((p, i) => {
      const row = printed.map((c) => cellText(c.cell(p, i))).join(' ');
      expect(text, p.name).toContain(row);
    });
    const totals = totalsRow(PROCEDURE_COLUMNS, figures.procedures)
      .filter((_, i) => !PROCEDURE_COLUMNS[i]!.sheetOnly)
      .map((c) => cellText(c))
      .filter(Boolean)
      .join(' ');
    expect(text).toContain(totals);
    // Diacritics survive extraction exactly (ToUnicode maps of the embedded subsets).
    expect(text).toContain('Liên thông đăng ký khai sinh');
    expect(text).toContain('Cấp đổi, cấp lại giấy phép lái xe');
  });

  it('shows the dashboard’s totals and rates, to the unit', () => {
    const t = dashboard.totals;
    expect(figures.current.totals.received).toBe(t.received);
    expect(text).toContain(`tiếp nhận ${viInteger(t.received)} hồ sơ`);
    expect(text).toContain(`tỷ lệ giải quyết đúng hạn ${viPercent(t.onTimeRate)}`);
    const f = t.figures.onTimeRate;
    expect(text).toContain(
      `${viPercent(t.onTimeRate)} (${viInteger(f.numerator)}/${viInteger(f.denominator)})`,
    );
    expect(text).toContain('Tỷ lệ đúng hạn (QĐ 766) = (hồ sơ đã xử lý trước/đúng hạn');
  });

  it('embeds only subset fonts with Unicode maps, on A4 pages, in under 300 KB', () => {
    const fonts = pdfFonts(pdfFile);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+LiberationSerif/);
      expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    }
    const sizes = pdfPageSizes(pdfFile, pages);
    expect(sizes).toHaveLength(pages);
    expect(sizes[0]).toBe('595.28 x 841.89 pts (A4)');
    for (const size of sizes)
      expect(size).toMatch(/^(595\.28 x 841\.89|841\.89 x 595\.28) pts \(A4\)$/);
    expect(statSync(pdfFile).size).toBeLessThan(300 * 1024);
  });

  it('numbers pages from 2 in the top margin, and the appendix on its own', () => {
    const layout = pdfLayoutText(pdfFile).split('\f');
    const topLine = (page: number) =>
      layout[page]!.split('\n')
        .find((l) => l.trim() !== '')!
        .trim();
    expect(topLine(0)).toMatch(/^UBND PHƯỜNG THỬ NGHIỆM\s+CỘNG HÒA/);
    expect(topLine(1)).toBe('2');
    // The appendix starts on the page after the signature, with no number of its own.
    const appendix = layout.findIndex((page) => page.includes('Nơi nhận:')) + 1;
    expect(appendix).toBeGreaterThan(1);
    expect(topLine(appendix)).toBe('Phụ lục I');
    if (appendix + 1 < pages) expect(topLine(appendix + 1)).toBe('2');
  });

  it('renders page 1 as it did when the layout was approved (reference image, with a tolerance)', async () => {
    const png = join(dir, 'page-1.png');
    renderPage(pdfFile, 1, png);
    writeArtifact('report-page-1.png', readFileSync(png));
    // After an intended layout change: UPDATE_REPORT_REFERENCE=1 npx vitest run <this file>,
    // look at the new image, and commit it.
    if (process.env.UPDATE_REPORT_REFERENCE === '1') copyFileSync(png, REFERENCE);
    expect(existsSync(REFERENCE), REFERENCE).toBe(true);
    const diff = await imageDifference(png, REFERENCE);
    expect(diff.sameSize).toBe(true);
    expect(diff.mean).toBeLessThan(1.5);
    expect(diff.changedShare).toBeLessThan(0.005);
  });
});

describe('the Excel report', () => {
  it('has one sheet per section, numbers as numbers, rates as formulas, a frozen header', async () => {
    const xlsx = await call<{ dataBase64: string }>('reports.render', {
      period: '2026-10',
      format: 'xlsx',
    });
    writeArtifact('report-2026-10.xlsx', Buffer.from(xlsx.dataBase64, 'base64'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.summary,
      SHEET_NAMES.charts,
      SHEET_NAMES.commentary,
      SHEET_NAMES.procedures,
    ]);
    const sheet = book.getWorksheet(SHEET_NAMES.procedures)!;
    const view = sheet.views[0] as { state: string; ySplit: number };
    expect(view.state).toBe('frozen');
    const header = view.ySplit;
    const headers = (sheet.getRow(header).values as unknown[]).slice(1);
    expect(headers).toEqual(PROCEDURE_COLUMNS.map((c) => c.header));
    const col = (key: string) => PROCEDURE_COLUMNS.findIndex((c) => c.key === key) + 1;
    figures.procedures.forEach((p, i) => {
      const row = sheet.getRow(header + 1 + i);
      expect(row.getCell(col('name')).value).toBe(p.name);
      expect(row.getCell(col('received')).value).toBe(p.indicators.received);
      expect(row.getCell(col('components')).value).toBe(p.digitization.componentDocuments);
      expect(row.getCell(col('received')).numFmt).toBe('#,##0');
      const rate = row.getCell(col('onTimeRate')).value as { formula: string; result: number | '' };
      expect(rate.formula).toMatch(/^IF\(/);
      if (p.indicators.onTimeRate === null) expect(rate.result).toBe('');
      else expect(Math.round((rate.result as number) * 10_000) / 100).toBe(p.indicators.onTimeRate);
    });
    const totals = sheet.getRow(header + 26);
    const received = totals.getCell(col('received')).value as { formula: string; result: number };
    expect(received.formula).toBe(`SUM(C${header + 1}:C${header + 25})`);
    expect(received.result).toBe(dashboard.totals.received);

    const summary = book.getWorksheet(SHEET_NAMES.summary)!;
    const rows = summary.getRows(1, summary.rowCount)!;
    const find = (label: string) => rows.find((r) => r.getCell(2).value === label)!;
    expect(find('Hồ sơ tiếp nhận trong kỳ').getCell(5).value).toBe(dashboard.totals.received);
    const onTime = find('Tỷ lệ giải quyết đúng hạn');
    expect(onTime.getCell(3).value).toBe(dashboard.totals.figures.onTimeRate.numerator);
    expect(onTime.getCell(4).value).toBe(dashboard.totals.figures.onTimeRate.denominator);
    expect((onTime.getCell(5).value as { formula: string }).formula).toMatch(/^IF\(D\d+=0/);
    expect(onTime.getCell(5).numFmt).toBe('0.00%');
  });
});
