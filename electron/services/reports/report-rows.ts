/**
 * What the report's tables contain, once, for both renderings: the PDF prints these cells, the
 * workbook writes the same numbers as numbers and the rates as formulas over them. Pure.
 */
import { DIGITIZATION_FORMULAS } from '../../api/digitization-formulas';
import { INDICATOR_FORMULAS } from '../../api/indicator-formulas';
import type { IndicatorName, IndicatorRow } from '../../api/calls/indicators';
import type { ReportFigures, ReportProcedure } from '../../api/report-schemas';
import { percent } from '../indicators/indicator-math';
import { viInteger } from './vi-format';

export type Cell =
  | { kind: 'int'; value: number }
  | { kind: 'rate'; numerator: number; denominator: number; percent: number | null }
  | { kind: 'text'; value: string };

const int = (value: number): Cell => ({ kind: 'int', value });
const text = (value: string): Cell => ({ kind: 'text', value });
const rate = (numerator: number, denominator: number, percent: number | null): Cell => ({
  kind: 'rate',
  numerator,
  denominator,
  percent,
});
/** An indicator's rate with the counts it came from (totals and per-procedure rows alike). */
const indicatorRate = (row: IndicatorRow, name: IndicatorName): Cell =>
  rate(row.figures[name].numerator, row.figures[name].denominator, row[name]);

export interface SummaryRow {
  no: string;
  label: string;
  value: Cell;
  formula: string;
}

/** The office totals with their rates and formulas (section I of the report). */
export function summaryRows(f: ReportFigures): SummaryRow[] {
  const t = f.current.totals;
  const d = f.current.digitization;
  const r = f.current.digitizationRates;
  const indicator = (name: IndicatorName) => indicatorRate(t, name);
  const digitization = (key: keyof typeof r) =>
    rate(r[key].numerator, r[key].denominator, r[key].percent);
  return [
    {
      no: '1',
      label: 'Hồ sơ tiếp nhận trong kỳ',
      value: int(t.received),
      formula: 'Hồ sơ có ngày tiếp nhận trong kỳ (mọi hình thức nộp)',
    },
    { no: '', label: '– Nộp trực tiếp', value: int(t.inPerson), formula: '' },
    {
      no: '',
      label: '– Nộp trực tuyến (có hỗ trợ của bộ phận một cửa)',
      value: int(t.onlineAssisted),
      formula: '',
    },
    { no: '', label: '– Qua dịch vụ bưu chính', value: int(t.postal), formula: '' },
    {
      no: '2',
      label: 'Hồ sơ đã giải quyết xong',
      value: int(t.done),
      formula: 'Hồ sơ tiếp nhận trong kỳ đã có kết quả',
    },
    {
      no: '3',
      label: 'Hồ sơ trả lại, hủy',
      value: int(t.returned + t.cancelled),
      formula: `Trả lại: ${viInteger(t.returned)}; hủy (rút hồ sơ, nộp trực tuyến không thành công): ${viInteger(t.cancelled)}`,
    },
    {
      no: '4',
      label: 'Hồ sơ đang giải quyết',
      value: int(t.open),
      formula: `Trong đó quá hạn: ${viInteger(t.openOverdue)}`,
    },
    {
      no: '5',
      label: 'Tỷ lệ giải quyết đúng hạn',
      value: indicator('onTimeRate'),
      formula: INDICATOR_FORMULAS.onTimeRate.vi,
    },
    {
      no: '6',
      label: 'Tỷ lệ nộp trực tuyến',
      value: indicator('onlineShare'),
      formula: INDICATOR_FORMULAS.onlineShare.vi,
    },
    {
      no: '7',
      label: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
      value: indicator('fullOnlineShare'),
      formula: INDICATOR_FORMULAS.fullOnlineShare.vi,
    },
    {
      no: '8',
      label: 'Tỷ lệ hỗ trợ nộp trực tuyến thành công',
      value: indicator('assistedSuccessRate'),
      formula: INDICATOR_FORMULAS.assistedSuccessRate.vi,
    },
    {
      no: '9',
      label: 'Thành phần hồ sơ được số hóa (văn bản)',
      value: int(d.componentDocuments),
      formula: `Số trang: ${viInteger(d.componentPages)}`,
    },
    {
      no: '10',
      label: 'Kết quả giải quyết được số hóa (văn bản)',
      value: int(d.resultDocuments),
      formula: `Số trang: ${viInteger(d.resultPages)}`,
    },
    {
      no: '11',
      label: 'Lượt tái sử dụng dữ liệu số hóa',
      value: int(d.reusedDocuments),
      formula: `Số trang: ${viInteger(d.reusedPages)}`,
    },
    {
      no: '12',
      label: 'Tỷ lệ số hóa thành phần hồ sơ',
      value: digitization('components'),
      formula: DIGITIZATION_FORMULAS.components.vi,
    },
    {
      no: '13',
      label: 'Tỷ lệ số hóa kết quả giải quyết',
      value: digitization('results'),
      formula: DIGITIZATION_FORMULAS.results.vi,
    },
    {
      no: '14',
      label: 'Tỷ lệ tái sử dụng dữ liệu số hóa',
      value: digitization('reuse'),
      formula: DIGITIZATION_FORMULAS.reuse.vi,
    },
  ];
}

export interface Column {
  key: string;
  header: string;
  /** Width in points on an A4 landscape page (the appendix tables). */
  width: number;
  align: 'left' | 'center' | 'right';
  cell: (p: ReportProcedure, index: number) => Cell;
  /** The totals row: a sum of the column, a rate over other columns, or nothing. */
  total: 'sum' | 'none' | { rate: (sum: (key: string) => number) => Cell };
  /** Shown in the workbook only (the PDF has no room). */
  sheetOnly?: boolean;
  /** A rate column: the workbook writes numerator ÷ denominator over these columns. */
  ratio?: { numerator: string[]; denominator: string[]; minus?: string[] };
}

const sumOf = (sum: (key: string) => number, keys: string[], minus: string[] = []) =>
  keys.reduce((n, k) => n + sum(k), 0) - minus.reduce((n, k) => n + sum(k), 0);

function ratioColumn(
  key: string,
  header: string,
  width: number,
  ratio: NonNullable<Column['ratio']>,
  cell: (p: ReportProcedure) => Cell,
): Column {
  return {
    key,
    header,
    width,
    align: 'right',
    cell,
    ratio,
    total: {
      rate: (sum) => {
        const n = sumOf(sum, ratio.numerator);
        const d = sumOf(sum, ratio.denominator, ratio.minus);
        return rate(n, d, percent(n, d));
      },
    },
  };
}

const count = (
  key: string,
  header: string,
  width: number,
  value: (p: ReportProcedure) => number,
  sheetOnly = false,
): Column => ({
  key,
  header,
  width,
  align: 'right',
  cell: (p) => int(value(p)),
  total: 'sum',
  ...(sheetOnly ? { sheetOnly } : {}),
});

/** A column of free text (names, the Đề án 06 template's narrative cells): no total. */
const textColumn = (
  key: string,
  header: string,
  width: number,
  value: (p: ReportProcedure) => string,
): Column => ({ key, header, width, align: 'left', cell: (p) => text(value(p)), total: 'none' });

const seqColumn: Column = {
  key: 'seq',
  header: 'TT',
  width: 24,
  align: 'center',
  cell: (_p, i) => int(i + 1),
  total: 'none',
};

/** Appendix: the 25 procedures — receipt by channel, timeliness, digitization. */
export const PROCEDURE_COLUMNS: readonly Column[] = [
  seqColumn,
  textColumn('name', 'Thủ tục hành chính', 196, (p) => p.name),
  count('received', 'Tiếp nhận', 44, (p) => p.indicators.received),
  count('inPerson', 'Trực tiếp', 42, (p) => p.indicators.inPerson),
  count('online', 'Trực tuyến', 44, (p) => p.indicators.onlineAssisted),
  count('postal', 'Bưu chính', 42, (p) => p.indicators.postal),
  count('cancelled', 'Hủy', 36, (p) => p.indicators.cancelled, true),
  count('assisted', 'Hỗ trợ nộp TT thành công', 48, (p) => p.indicators.assistedSubmitted),
  count('onTime', 'Đúng hạn', 42, (p) => p.indicators.figures.onTimeRate.numerator),
  ratioColumn(
    'onTimeRate',
    'Tỷ lệ đúng hạn',
    50,
    { numerator: ['onTime'], denominator: ['received'], minus: ['cancelled'] },
    (p) => indicatorRate(p.indicators, 'onTimeRate'),
  ),
  count('components', 'TP số hóa', 42, (p) => p.digitization.componentDocuments),
  count('results', 'KQ số hóa', 42, (p) => p.digitization.resultDocuments),
  count('reused', 'Tái sử dụng', 42, (p) => p.digitization.reusedDocuments),
  count(
    'pages',
    'Số trang số hóa',
    46,
    (p) => p.digitization.componentPages + p.digitization.resultPages,
  ),
];

/** Appendix: the province's Đề án 06 monthly template, per service. */
export const DE_AN_06_COLUMNS: readonly Column[] = [
  { ...seqColumn, header: 'STT' },
  textColumn('name', 'Tên dịch vụ công', 150, (p) => p.name),
  count('received', 'Tổng số hồ sơ', 50, (p) => p.indicators.received),
  count('online', 'Trực tuyến', 50, (p) => p.indicators.onlineAssisted),
  ratioColumn(
    'onlineShare',
    'Tỷ lệ (%)',
    46,
    { numerator: ['online'], denominator: ['received'] },
    (p) => indicatorRate(p.indicators, 'onlineShare'),
  ),
  textColumn('sources', 'Nguồn dữ liệu kết nối, chia sẻ', 130, (p) => p.dataSources),
  textColumn('beneficiaries', 'Người dân hưởng lợi', 80, (p) => p.beneficiaries),
  textColumn('problems', 'Tồn tại, hạn chế', 90, (p) => p.problems),
  textColumn('solutions', 'Giải pháp', 94, (p) => p.solutions),
];

/** Column totals for the totals row, from the procedures' own cells. */
export function totalsRow(columns: readonly Column[], rows: readonly ReportProcedure[]): Cell[] {
  const sums = new Map<string, number>();
  for (const c of columns) {
    if (c.total !== 'sum') continue;
    sums.set(
      c.key,
      rows.reduce((n, p, i) => {
        const cell = c.cell(p, i);
        return n + (cell.kind === 'int' ? cell.value : 0);
      }, 0),
    );
  }
  const sum = (key: string) => sums.get(key) ?? 0;
  return columns.map((c) =>
    c.total === 'sum'
      ? int(sum(c.key))
      : c.total === 'none'
        ? text(c.key === 'name' ? 'Tổng cộng' : '')
        : c.total.rate(sum),
  );
}

export const TREND_HEADERS = [
  'Tháng',
  'Hồ sơ tiếp nhận',
  'Trực tiếp',
  'Trực tuyến',
  'Bưu chính',
  'Tỷ lệ đúng hạn',
  'Tỷ lệ số hóa thành phần',
] as const;
