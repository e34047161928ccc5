import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { CatalogDiff } from '../../../api/calls/catalog';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  printJson,
  UsageError,
  writeLine,
  type CliIo,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

function formatOf(value: string | undefined, file: string): 'json' | 'xlsx' {
  const format = value ?? extname(file).slice(1).toLowerCase();
  if (format !== 'json' && format !== 'xlsx') {
    throw new UsageError(`--format phải là json hoặc xlsx (nhận được "${format}")`);
  }
  return format;
}

function printDiff(io: CliIo, diff: CatalogDiff): void {
  writeLine(
    io.stdout,
    `Danh mục ${diff.fromVersion ?? '—'} → ${diff.toVersion} (${diff.procedureCount} thủ tục, hiệu lực ${diff.effectiveFrom})`,
  );
  for (const p of diff.added) writeLine(io.stdout, `  + ${p.key}: ${p.name}`);
  for (const p of diff.removed) writeLine(io.stdout, `  - ${p.key}: ${p.name}`);
  for (const p of diff.changed) {
    writeLine(io.stdout, `  ~ ${p.key}:`);
    for (const f of p.fields) writeLine(io.stdout, `      ${f.field}: ${f.before} → ${f.after}`);
  }
  writeLine(io.stdout, `  (${diff.unchanged} thủ tục không đổi)`);
}

export const catalogExportCommand: Command = {
  name: 'catalog export',
  summary: 'Xuất danh mục thủ tục đang áp dụng ra tệp JSON hoặc XLSX',
  usage: 'catalog export --out FILE [--format json|xlsx] [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      out: { type: 'string' },
      format: { type: 'string' },
    });
    if (!values.out) throw new UsageError('Cần --out TỆP');
    const format = formatOf(values.format, values.out);
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const file = (await call('catalog.export', { format })) as {
        content: string;
        encoding: 'utf8' | 'base64';
      };
      writeFileSync(values.out!, Buffer.from(file.content, file.encoding));
      if (values.json) printJson(io, { ok: true, file: values.out, format });
      else writeLine(io.stdout, `Đã xuất danh mục ra ${values.out}`);
      return EXIT.ok;
    });
  },
};

export const catalogImportCommand: Command = {
  name: 'catalog import',
  summary: 'Kiểm tra tệp danh mục và in các thay đổi; --apply để áp dụng',
  usage: 'catalog import FILE [--format json|xlsx] [--apply] [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ...COMMON_OPTIONS, format: { type: 'string' }, apply: { type: 'boolean', default: false } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp danh mục');
    const path = positionals[0]!;
    const format = formatOf(values.format, path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new UsageError(`Không đọc được tệp ${path}: ${(error as Error).message}`);
    }
    const content = format === 'json' ? bytes.toString('utf8') : bytes.toString('base64');
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const preview = (await call('catalog.previewImport', { format, content })) as {
        diff: CatalogDiff;
        token: string;
      };
      if (!values.apply) {
        if (values.json) printJson(io, { applied: false, diff: preview.diff });
        else {
          printDiff(io, preview.diff);
          writeLine(io.stdout, 'Chưa áp dụng. Chạy lại với --apply để áp dụng.');
        }
        return EXIT.ok;
      }
      const applied = (await call('catalog.applyImport', {
        format,
        content,
        token: preview.token,
      })) as { diff: CatalogDiff };
      if (values.json) printJson(io, { applied: true, diff: applied.diff });
      else {
        printDiff(io, applied.diff);
        writeLine(io.stdout, `Đã áp dụng danh mục ${applied.diff.toVersion}.`);
      }
      return EXIT.ok;
    });
  },
};
