/**
 * The catalogue as an Excel workbook, so an office can edit its province's version in a
 * spreadsheet: one sheet of metadata, one row per procedure, one row per mã thủ tục and one per
 * provincial code. Reading gives the raw document object; the zod schema validates it.
 */
import ExcelJS from 'exceljs';
import type { CatalogDocument } from './catalog-document';

export const SHEETS = {
  meta: 'Danh mục',
  procedures: 'Thủ tục',
  codes: 'Mã thủ tục',
  provinceCodes: 'Mã theo tỉnh',
  help: 'Hướng dẫn',
} as const;

const META_FIELDS = ['schema', 'version', 'effectiveFrom', 'title', 'source'] as const;

type ColumnKind =
  'string' | 'optionalString' | 'int' | 'optionalInt' | 'day' | 'optionalDay' | 'bool';
const PROCEDURE_COLUMNS: readonly { key: string; kind: ColumnKind; help: string }[] = [
  {
    key: 'key',
    kind: 'string',
    help: 'Khóa cố định của thủ tục (chữ thường, gạch nối); không đổi giữa các phiên bản',
  },
  { key: 'seq', kind: 'int', help: 'Số thứ tự trong danh mục' },
  { key: 'name', kind: 'string', help: 'Tên thủ tục' },
  { key: 'seedName', kind: 'optionalString', help: 'Tên trong văn bản gốc (nếu khác)' },
  {
    key: 'group',
    kind: 'string',
    help: 'bca (Bộ Công an) | commune (chính quyền cấp xã) | sector (ngành khác)',
  },
  { key: 'ownerAgency', kind: 'string', help: 'Cơ quan chủ trì' },
  { key: 'ministry', kind: 'string', help: 'Bộ, ngành quản lý' },
  { key: 'executingUnit', kind: 'string', help: 'Đơn vị thực hiện' },
  { key: 'currentState', kind: 'string', help: 'Hiện trạng' },
  {
    key: 'currentLevel',
    kind: 'optionalString',
    help: 'Mức hiện tại: full | partial | info_only (NĐ 42/2022)',
  },
  { key: 'targetLevel', kind: 'optionalString', help: 'Mức cần đạt: full | partial | info_only' },
  { key: 'currentLegacyLevel', kind: 'optionalInt', help: 'Mức độ cũ 1–4 (NĐ 43/2011), nếu có' },
  { key: 'targetLegacyLevel', kind: 'optionalInt', help: 'Mức độ cũ cần đạt 1–4, nếu có' },
  {
    key: 'deadline',
    kind: 'optionalDay',
    help: 'Thời hạn đạt mục tiêu (dd/MM/yyyy hoặc YYYY-MM-DD)',
  },
  { key: 'deadlineText', kind: 'optionalString', help: 'Thời hạn như văn bản ghi' },
  { key: 'processingDays', kind: 'optionalInt', help: 'Thời hạn giải quyết (ngày làm việc)' },
  {
    key: 'cutoff15h',
    kind: 'bool',
    help: 'x / true nếu hồ sơ nhận sau 15 giờ tính từ ngày làm việc tiếp theo',
  },
  { key: 'processingSource', kind: 'string', help: 'Căn cứ của thời hạn giải quyết' },
  {
    key: 'onlineOnlyFrom',
    kind: 'optionalDay',
    help: 'Từ ngày này không nhận hồ sơ giấy (Chỉ thị 24/CT-TTg)',
  },
  {
    key: 'effectiveFrom',
    kind: 'optionalDay',
    help: 'Ngày hiệu lực của dòng này (mặc định: ngày hiệu lực danh mục)',
  },
  { key: 'notes', kind: 'string', help: 'Ghi chú' },
  { key: 'source', kind: 'string', help: 'Nguồn; ghi rõ chỗ khác danh mục quốc gia' },
];

type Cell = string | number | boolean | null;

/** exceljs cell values: Date for typed dates, objects for rich text, formulas and links. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return null;
  }
  return value;
}

function text(value: Cell): string {
  return value === null ? '' : String(value).trim();
}

/** dd/MM/yyyy (how a Vietnamese office types a date) or YYYY-MM-DD; anything else left as is. */
function day(value: Cell): string | null {
  const t = text(value);
  if (t === '') return null;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : t;
}

function int(value: Cell): number | string | null {
  const t = text(value);
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function convert(kind: ColumnKind, value: Cell): unknown {
  switch (kind) {
    case 'string':
      return text(value);
    case 'optionalString':
      return text(value) === '' ? undefined : text(value);
    case 'int':
      return int(value) ?? undefined;
    case 'optionalInt':
      return int(value);
    case 'day':
      return day(value) ?? undefined;
    case 'optionalDay':
      return day(value);
    case 'bool': {
      const t = text(value).toLowerCase();
      return ['x', 'true', '1', 'có', 'co', 'yes'].includes(t);
    }
  }
}

export class WorkbookShapeError extends Error {}

function sheetRows(workbook: ExcelJS.Workbook, name: string, required: boolean): Cell[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) {
    if (required) throw new WorkbookShapeError(`thiếu trang tính "${name}"`);
    return [];
  }
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    rows[number - 1] = values.slice(1).map(cellValue);
  });
  return Array.from(rows, (r) => r ?? []);
}

export interface WorkbookDocument {
  document: Record<string, unknown>;
  /** Excel row number of each procedure, to point an error at the line the user edits. */
  procedureRows: number[];
}

/** Reads a workbook into the raw catalogue object (validation is the schema's job). */
export async function catalogFromXlsx(bytes: Buffer): Promise<WorkbookDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings lag Node's Buffer generics; the bytes are passed through unchanged.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookShapeError(`không phải tệp XLSX (${(error as Error).message})`);
  }
  const document: Record<string, unknown> = {};
  for (const [field, value] of sheetRows(workbook, SHEETS.meta, true)) {
    const name = text(field ?? null);
    if (!(META_FIELDS as readonly string[]).includes(name)) continue;
    document[name] =
      name === 'schema'
        ? int(value ?? null)
        : name === 'effectiveFrom'
          ? day(value ?? null)
          : text(value ?? null);
  }
  const [header = [], ...body] = sheetRows(workbook, SHEETS.procedures, true);
  const columnOf = new Map(header.map((h, i) => [text(h), i]));
  const procedures: Record<string, unknown>[] = [];
  const procedureRows: number[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => text(c ?? null) === '')) return;
    const procedure: Record<string, unknown> = { codes: [], provinceCodes: {} };
    for (const column of PROCEDURE_COLUMNS) {
      const at = columnOf.get(column.key);
      const value = convert(column.kind, at === undefined ? null : (cells[at] ?? null));
      if (value !== undefined) procedure[column.key] = value;
    }
    if (procedure.key === '') delete procedure.key;
    procedures.push(procedure);
    procedureRows.push(index + 2);
  });
  const byKey = new Map(procedures.map((p) => [p.key, p]));
  const attach = (sheet: string, add: (p: Record<string, unknown>, cells: Cell[]) => void) => {
    sheetRows(workbook, sheet, false)
      .slice(1)
      .forEach((cells, index) => {
        if (cells.every((c) => text(c ?? null) === '')) return;
        const procedure = byKey.get(text(cells[0] ?? null));
        if (!procedure) {
          throw new WorkbookShapeError(
            `trang "${sheet}" dòng ${index + 2}: khóa "${text(cells[0] ?? null)}" không có trong trang "${SHEETS.procedures}"`,
          );
        }
        add(procedure, cells);
      });
  };
  attach(SHEETS.codes, (p, cells) =>
    (p.codes as unknown[]).push({
      code: text(cells[1] ?? null),
      scope: text(cells[2] ?? null),
      note: text(cells[3] ?? null),
    }),
  );
  attach(SHEETS.provinceCodes, (p, cells) => {
    const byProvince = p.provinceCodes as Record<string, string[]>;
    const province = text(cells[1] ?? null).padStart(2, '0');
    (byProvince[province] ??= []).push(text(cells[2] ?? null));
  });
  document.procedures = procedures;
  return { document, procedureRows };
}

export async function catalogToXlsx(doc: CatalogDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một Cửa Desk';
  const bold = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const meta = workbook.addWorksheet(SHEETS.meta);
  meta.addRow(['field', 'value']);
  for (const field of META_FIELDS) meta.addRow([field, doc[field]]);
  meta.getColumn(1).width = 16;
  meta.getColumn(2).width = 120;
  bold(meta);

  const procedures = workbook.addWorksheet(SHEETS.procedures);
  procedures.addRow(PROCEDURE_COLUMNS.map((c) => c.key));
  for (const p of doc.procedures) {
    const record = p as unknown as Record<string, unknown>;
    procedures.addRow(
      PROCEDURE_COLUMNS.map(({ key, kind }) => {
        const value = record[key];
        if (kind === 'bool') return value ? 'x' : '';
        return value === undefined || value === null ? null : (value as string | number);
      }),
    );
  }
  PROCEDURE_COLUMNS.forEach((c, i) => {
    procedures.getColumn(i + 1).width = c.key === 'name' || c.key === 'source' ? 60 : 18;
  });
  bold(procedures);

  const codes = workbook.addWorksheet(SHEETS.codes);
  codes.addRow(['key', 'code', 'scope', 'note']);
  for (const p of doc.procedures)
    for (const c of p.codes) codes.addRow([p.key, c.code, c.scope, c.note]);
  bold(codes);

  const provinces = workbook.addWorksheet(SHEETS.provinceCodes);
  provinces.addRow(['key', 'province', 'code']);
  for (const p of doc.procedures) {
    for (const [province, list] of Object.entries(p.provinceCodes)) {
      for (const code of list) provinces.addRow([p.key, province, code]);
    }
  }
  bold(provinces);

  const help = workbook.addWorksheet(SHEETS.help);
  help.addRow(['cột', 'ý nghĩa']);
  for (const c of PROCEDURE_COLUMNS) help.addRow([c.key, c.help]);
  help.addRow([
    'Mã thủ tục',
    'Mỗi dòng một mã: key, mã (dạng 1.004222), phạm vi commune | province | central, ghi chú',
  ]);
  help.addRow([
    'Mã theo tỉnh',
    'Mã riêng của tỉnh (mã ĐVHC 2 chữ số, QĐ 19/2025) thay cho mã quốc gia',
  ]);
  help.getColumn(1).width = 20;
  help.getColumn(2).width = 100;
  bold(help);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
