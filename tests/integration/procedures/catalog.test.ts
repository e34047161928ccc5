import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../electron/host/app-root';
import { openTestServices } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const CATALOG_2025 = readFileSync(
  join(APP_ROOT, 'resources', 'catalog', 'procedures-2025.json'),
  'utf8',
);

function setup() {
  const opened = openTestServices(tempDir());
  const { dispatcher } = opened;
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatcher.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { apiError: result.error });
    return result.value as T;
  };
  const snapshot = () =>
    opened.services.database.db
      .prepare('SELECT * FROM procedures ORDER BY key')
      .all()
      .concat(
        opened.services.database.db.prepare('SELECT version, active FROM catalog_versions').all(),
      );
  return { ...opened, call, snapshot };
}

type ExportFile = { content: string; encoding: 'utf8' | 'base64' };
type Preview = {
  diff: {
    added: unknown[];
    removed: unknown[];
    changed: { key: string; fields: { field: string; after: string }[] }[];
    unchanged: number;
  };
  token: string;
};

describe('catalogue import / export', () => {
  it('round-trips JSON and XLSX exports without a single change', async () => {
    const { call, services } = setup();
    // An office-recorded level must survive the round trip too.
    await call('procedures.setLevel', {
      key: 'dang-ky-khai-sinh',
      currentLevel: 'full',
      note: 'Đã toàn trình',
    });
    for (const format of ['json', 'xlsx'] as const) {
      const file = await call<ExportFile>('catalog.export', { format });
      const preview = await call<Preview>('catalog.previewImport', {
        format,
        content: file.content,
      });
      expect(preview.diff.added, format).toEqual([]);
      expect(preview.diff.removed, format).toEqual([]);
      expect(preview.diff.changed, format).toEqual([]);
      expect(preview.diff.unchanged, format).toBe(25);
    }
    // The XLSX is a real workbook with the sheets an office edits.
    const xlsx = await call<ExportFile>('catalog.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Danh mục',
      'Thủ tục',
      'Mã thủ tục',
      'Mã theo tỉnh',
      'Hướng dẫn',
    ]);
    expect(workbook.getWorksheet('Thủ tục')!.rowCount).toBe(26);
    services.close();
  });

  it('imports an edited workbook after a diff, keeps history, and exports what it imported', async () => {
    const { call, services } = setup();
    const file = await call<ExportFile>('catalog.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Thủ tục')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    sheet.getRow(6).getCell(column('name')).value = 'Khai báo tạm vắng';
    sheet.getRow(6).getCell(column('deadline')).value = '31/12/2027'; // dd/MM/yyyy as offices type
    sheet.getRow(6).getCell(column('targetLevel')).value = 'full';
    workbook.getWorksheet('Danh mục')!.getRow(3).getCell(2).value = '2027.1-quang-ninh';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

    const preview = await call<Preview>('catalog.previewImport', {
      format: 'xlsx',
      content: edited,
    });
    expect(preview.diff.changed).toEqual([
      {
        key: 'khai-bao-tam-vang',
        name: 'Khai báo tạm vắng',
        fields: [
          { field: 'name', before: 'Khai báo tạm trú', after: 'Khai báo tạm vắng' },
          { field: 'deadline', before: '2022-03-31', after: '2027-12-31' },
        ],
      },
    ]);
    // targetLevel "full" equals what mức độ 4 already meant: no change reported.
    await call('catalog.applyImport', { format: 'xlsx', content: edited, token: preview.token });
    const detail = await call<{
      name: string;
      deadline: string;
      history: { origin: string; catalogVersion: string; deadline: string }[];
    }>('procedures.get', { key: 'khai-bao-tam-vang' });
    expect(detail.name).toBe('Khai báo tạm vắng');
    expect(detail.history[0]).toMatchObject({
      origin: 'catalog',
      catalogVersion: '2027.1-quang-ninh',
      deadline: '2027-12-31',
    });
    const again = await call<ExportFile>('catalog.export', { format: 'xlsx' });
    const roundTrip = await call<Preview>('catalog.previewImport', {
      format: 'xlsx',
      content: again.content,
    });
    expect(roundTrip.diff.changed).toEqual([]);
    services.close();
  });

  it('rejects malformed files with a clear code and leaves the active catalogue untouched', async () => {
    const { dispatcher, call, snapshot, services } = setup();
    const before = snapshot();
    const json = JSON.parse(CATALOG_2025) as { procedures: Record<string, unknown>[] };
    const missingKey = structuredClone(json);
    delete missingKey.procedures[3]!.key;
    const duplicated = structuredClone(json);
    duplicated.procedures[4]!.key = duplicated.procedures[3]!.key;
    const badCode = structuredClone(json);
    (badCode.procedures[0]!.codes as { code: string }[])[0]!.code = '1.2.3';
    const cases: [string, string, string, string][] = [
      ['json', 'not json {', 'CATALOG_UNREADABLE', ''],
      ['json', JSON.stringify(missingKey), 'CATALOG_INVALID', 'procedures.3.key'],
      ['json', JSON.stringify(duplicated), 'CATALOG_INVALID', 'procedures.4.key'],
      ['json', JSON.stringify(badCode), 'CATALOG_INVALID', 'procedures.0.codes.0.code'],
      [
        'xlsx',
        Buffer.from('PK this is not a workbook').toString('base64'),
        'CATALOG_UNREADABLE',
        '',
      ],
    ];
    for (const [format, content, code, path] of cases) {
      const result = await dispatcher.dispatch('catalog.previewImport', { format, content });
      expect(result, `${code} ${path}`).toMatchObject({ ok: false, error: { code } });
      if (path && !result.ok) {
        expect(JSON.stringify(result.error.details)).toContain(path);
      }
      // Even with a made-up token, apply validates first and changes nothing.
      const applied = await dispatcher.dispatch('catalog.applyImport', {
        format,
        content,
        token: 'x',
      });
      expect(applied).toMatchObject({ ok: false, error: { code } });
    }
    // A workbook with a missing key points at the sheet row the user edits.
    const file = await call<ExportFile>('catalog.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    workbook.getWorksheet('Thủ tục')!.getRow(9).getCell(1).value = null;
    const noKey = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await dispatcher.dispatch('catalog.previewImport', {
      format: 'xlsx',
      content: noKey,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CATALOG_UNREADABLE' } });
    workbook.removeWorksheet(workbook.getWorksheet('Mã thủ tục')!.id);
    workbook.removeWorksheet(workbook.getWorksheet('Mã theo tỉnh')!.id);
    const noKeyNoCodes = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const rowError = await dispatcher.dispatch('catalog.previewImport', {
      format: 'xlsx',
      content: noKeyNoCodes,
    });
    expect(rowError).toMatchObject({ ok: false, error: { code: 'CATALOG_INVALID' } });
    expect(JSON.stringify(!rowError.ok && rowError.error.details)).toContain(
      'Thủ tục, dòng 9: key',
    );
    expect(snapshot()).toEqual(before);
    services.close();
  });

  it('refuses to apply a preview made against a catalogue that has changed since', async () => {
    const { call, dispatcher, services } = setup();
    const preview = await call<Preview>('catalog.previewImport', {
      format: 'json',
      content: CATALOG_2025,
    });
    await call('procedures.setLevel', {
      key: 'dang-ky-tam-tru',
      currentLevel: 'partial',
      note: 'Lỗi hệ thống',
    });
    expect(
      await dispatcher.dispatch('catalog.applyImport', {
        format: 'json',
        content: CATALOG_2025,
        token: preview.token,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CATALOG_PREVIEW_STALE' } });
    const fresh = await call<Preview>('catalog.previewImport', {
      format: 'json',
      content: CATALOG_2025,
    });
    expect(fresh.diff.changed.length).toBe(25);
    await call('catalog.applyImport', {
      format: 'json',
      content: CATALOG_2025,
      token: fresh.token,
    });
    const versions = await call<{ version: string; active: boolean }[]>('catalog.versions');
    expect(versions.filter((v) => v.active).map((v) => v.version)).toEqual(['2025.10-chi-thi-24']);
    services.close();
  });
});
