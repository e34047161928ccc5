import type { RunState, Template } from '../../../api/autofill-schemas';
import { cliAutofillHost, openDesktop } from '../../../services/autofill/autofill-host';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  printJson,
  UsageError,
  writeLine,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

export const autofillTemplatesListCommand: Command = {
  name: 'autofill templates list',
  summary: 'Các mẫu điền biểu mẫu (tên, số bước, số trường)',
  usage: 'autofill templates list [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const list = (await call('autofill.listTemplates')) as Template[];
      if (values.json) printJson(io, list);
      else
        for (const t of list) {
          const fields = t.steps.filter((s) => s.kind === 'field' || s.kind === 'text').length;
          writeLine(io.stdout, `${t.name} [${t.id}] — ${t.steps.length} bước, ${fields} trường`);
        }
      return EXIT.ok;
    });
  },
};

const RUN_OPTIONS = {
  ...COMMON_OPTIONS,
  template: { type: 'string' },
  citizen: { type: 'string' },
  dossier: { type: 'string' },
  'delay-start': { type: 'string', default: '3000' },
  'dry-run': { type: 'boolean', default: false },
} as const;

function delayOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 30_000)
    throw new UsageError(`--delay-start phải là số mili giây từ 0 đến 30000 (nhận được "${text}")`);
  return n;
}

/**
 * `autofill run`: for IT staff testing a template against the real form. The operator typed the
 * full ID number on the command line, so it counts as revealed; `--citizen sample` uses the
 * synthetic sample. Esc (Linux/X11), Ctrl+C, or clicking any other window stops the run.
 */
export const autofillRunCommand: Command = {
  name: 'autofill run',
  summary: 'Điền mẫu vào cửa sổ đang chọn sau thời gian chờ (thử mẫu); --dry-run chỉ in các bước',
  usage:
    'autofill run --template TÊN|ID --citizen SỐ_ĐỊNH_DANH|sample [--dossier MÃ] [--delay-start 3000] [--dry-run] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, RUN_OPTIONS);
    if (!values.template || !values.citizen) throw new UsageError('Cần --template và --citizen');
    const countdownMs = delayOf(values['delay-start']);
    const source = {
      ...(values.citizen === 'sample' ? { sample: true } : { citizenId: values.citizen }),
      ...(values.dossier ? { dossierCode: values.dossier } : {}),
    };
    const host = cliAutofillHost();
    return withCliServices(
      io,
      values['data-dir'],
      values.json,
      async ({ services, dispatcher, call }) => {
        const templates = (await call('autofill.listTemplates')) as Template[];
        const template = templates.find(
          (t) => t.id === values.template || t.name === values.template,
        );
        const templateId = template?.id ?? values.template;
        // Template and citizen are checked before the desktop is touched.
        const preview = await call('autofill.preview', {
          templateId,
          source,
          idRevealed: true,
        });
        if (values['dry-run']) {
          printJson(io, preview);
          return EXIT.ok;
        }
        // The window with focus now is the terminal this command was typed in: never a target.
        await host.rememberStartWindow(await openDesktop());
        const started = (await call('autofill.start', {
          templateId,
          source,
          idRevealed: true,
          countdownMs,
        })) as RunState;
        const stop = () => void dispatcher.dispatch('autofill.abort');
        process.once('SIGINT', stop);
        if (!values.json) {
          writeLine(
            io.stderr,
            `Sẽ điền "${started.templateName}" (${started.fields} trường) sau ${countdownMs} ms vào cửa sổ đang chọn. ` +
              (started.escToAbort
                ? 'Nhấn Esc để dừng.'
                : 'Nhấn Ctrl+C hoặc bấm sang cửa sổ khác để dừng.'),
          );
        }
        const end = (await services.autofill.finished())!;
        process.off('SIGINT', stop);
        if (values.json) printJson(io, { ok: end.phase === 'done', run: end });
        else if (end.phase === 'done')
          writeLine(
            io.stdout,
            `Đã điền ${end.fields} trường trong ${Math.round(end.durationMs ?? 0)} ms.`,
          );
        else writeLine(io.stderr, `Lỗi [${end.error?.code}]: ${end.error?.message}`);
        return end.phase === 'done' ? EXIT.ok : EXIT.domainError;
      },
      { autofillHost: host },
    );
  },
};
