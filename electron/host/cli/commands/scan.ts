import { join, resolve } from 'node:path';
import type { ScanDraft } from '../../../api/calls/digitization';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  positiveInt,
  printJson,
  UsageError,
  writeLine,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

const SOURCES = ['flatbed', 'feeder'] as const;
const MODES = ['color', 'gray', 'bw'] as const;
const KINDS = ['component', 'result'] as const;

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} phải là ${allowed.join('|')} (nhận được "${value}")`);
  return value as T;
}

/**
 * `scan`: the same pipeline as the Scan button — pages from the device, blank pages flagged,
 * one PDF filed into the dossier (and counted), or written to --out for a quick check.
 */
export const scanCommand: Command = {
  name: 'scan',
  summary: 'Quét tài liệu từ máy quét vào hồ sơ (--dossier) hoặc ra một tệp PDF (--out)',
  usage:
    'scan --device sane:test|escl:http://host:port/eSCL|folder:/path [--source feeder|flatbed] [--duplex] [--dpi 300] [--mode color|gray|bw] [--deskew] [--pages N] [--dossier CODE [--kind component|result] [--component KEY] [--title TEXT]] [--out DIR] [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      device: { type: 'string' },
      source: { type: 'string' },
      duplex: { type: 'boolean', default: false },
      dpi: { type: 'string' },
      mode: { type: 'string' },
      deskew: { type: 'boolean', default: false },
      pages: { type: 'string' },
      dossier: { type: 'string' },
      kind: { type: 'string' },
      component: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string' },
    });
    if (!values.device) throw new UsageError('Thiếu --device');
    if (!values.dossier && !values.out) throw new UsageError('Cần --dossier CODE hoặc --out DIR');
    const dpi = positiveInt('dpi', values.dpi, 300);
    if (dpi < 200)
      throw new UsageError('--dpi tối thiểu 200 (NĐ 30/2020 Phụ lục I: bản số hóa ≥ 200 dpi)');
    const settings = {
      source: oneOf('source', values.source, SOURCES, 'feeder'),
      duplex: values.duplex,
      dpi,
      colorMode: oneOf('mode', values.mode, MODES, 'color'),
      deskew: values.deskew,
    };
    const kind = oneOf('kind', values.kind, KINDS, 'component');
    const maxPages = values.pages === undefined ? undefined : positiveInt('pages', values.pages, 1);
    return withCliServices(
      io,
      values['data-dir'],
      values.json,
      async ({ services, dispatcher, call }) => {
        const stop = () => void dispatcher.dispatch('digitization.cancelScan', { draftId });
        let draftId = '';
        try {
          const started = (await call('digitization.startScan', {
            ...(values.dossier ? { dossierCode: values.dossier } : {}),
            device: { uri: values.device, settings },
            ...(maxPages !== undefined ? { maxPages } : {}),
          })) as ScanDraft;
          draftId = started.id;
          process.once('SIGINT', stop);
          const off = services.events.subscribe((e) => {
            if (!values.json && e.type === 'digitization.page' && e.draftId === draftId) {
              writeLine(
                io.stderr,
                `  … trang ${e.seq}${e.blank ? ' (trang trắng, không tính)' : ''}`,
              );
            }
          });
          const draft = await services.digitization.whenDone(draftId);
          off();
          process.removeListener('SIGINT', stop);
          const result: Record<string, unknown> = {
            draftId,
            state: draft.state,
            pages: draft.pages.length,
            keptPages: draft.keptPages,
            blankPages: draft.pages.filter((p) => p.blank).length,
          };
          if (draft.state !== 'ready') {
            // The pages received stay in the draft: the clerk can finish or discard it in the app.
            throw Object.assign(new Error(draft.errorCode ?? 'SCAN_FAILED'), {
              code: draft.errorCode ?? 'INTERNAL',
              details: result,
            });
          }
          if (values.out) {
            const file = join(resolve(values.out), `scan-${draftId.slice(0, 8)}.pdf`);
            const written = await services.digitization.exportDraftPdf(draftId, file);
            result.out = { file: written.path, sha256: written.sha256, bytes: written.bytes };
          }
          if (values.dossier) {
            const doc = await call('digitization.saveDocument', {
              draftId,
              kind,
              componentType: values.component ?? 'khac',
              title:
                values.title ?? (kind === 'component' ? 'Thành phần hồ sơ' : 'Kết quả giải quyết'),
            });
            result.document = doc;
          } else {
            await services.digitization.discardDraft(draftId);
          }
          if (values.json) printJson(io, { ok: true, ...result });
          else {
            writeLine(
              io.stdout,
              `Đã quét ${draft.pages.length} trang, giữ ${draft.keptPages} trang (trang trắng được đánh dấu, không tính).`,
            );
            if (result.out)
              writeLine(io.stdout, `Tệp PDF: ${(result.out as { file: string }).file}`);
            if (result.document)
              writeLine(
                io.stdout,
                `Đã lưu vào hồ sơ ${values.dossier} (tài liệu #${(result.document as { id: number }).id}).`,
              );
          }
          return EXIT.ok;
        } finally {
          process.removeListener('SIGINT', stop);
        }
      },
    );
  },
};
