/**
 * Autofill templates: stored in `autofill_templates`, checked on every save and import (unknown
 * fields, keys, date patterns get AUTOFILL_TEMPLATE_INVALID with the step numbers), shared
 * between offices as one JSON document.
 */
import { createHash } from 'node:crypto';
import type {
  AutofillTemplateRow,
  AutofillTemplatesRepository,
} from '../../../db/repositories/autofill-templates-repository';
import type { SettingsRepository } from '../../../db/repositories/settings-repository';
import { templateDraftSchema, type Template, type TemplateDraft } from '../../api/autofill-schemas';
import { AppError } from '../../api/errors';
import type { Clock } from '../shared/clock';
import { BUILTIN_TEMPLATES } from './builtin-templates';
import { templateProblems } from './compile-template';

export const EXPORT_FORMAT = 'motcua-desk/autofill-templates';
export const EXPORT_VERSION = 1;
const SEEDED_KEY = 'autofill.builtinsSeeded';

type Body = Omit<Template, 'id' | 'name' | 'builtin' | 'updatedAt'>;

function toTemplate(row: AutofillTemplateRow): Template {
  const body = JSON.parse(row.definition) as Body;
  return { ...body, id: row.id, name: row.name, builtin: row.builtin, updatedAt: row.updatedAt };
}

/** Parses and checks a draft; throws AUTOFILL_TEMPLATE_INVALID naming the bad steps. */
function checkedDraft(draft: TemplateDraft, index?: number) {
  const parsed = templateDraftSchema.parse(draft);
  const problems = templateProblems(parsed.steps);
  if (problems.length > 0) {
    throw new AppError('AUTOFILL_TEMPLATE_INVALID', {
      problems,
      ...(index === undefined ? {} : { index, name: parsed.name }),
    });
  }
  const { id, name, ...body } = parsed;
  return { id, name, body };
}

export function createTemplatesService(
  repo: AutofillTemplatesRepository,
  settings: SettingsRepository,
  clock: Clock,
) {
  const get = (id: string): Template => {
    const row = repo.get(id);
    if (!row) throw new AppError('AUTOFILL_TEMPLATE_NOT_FOUND', { id });
    return toTemplate(row);
  };

  /** Short, stable ids (name + time): readable in exports and logs, unique while names are. */
  function newId(name: string, now: number, reserved: Set<string>): string {
    for (let n = 0; ; n++) {
      const hash = createHash('sha256').update(`${name}\u0000${now}\u0000${n}`).digest('hex');
      const id = `tpl-${hash.slice(0, 12)}`;
      if (!reserved.has(id) && !repo.get(id)) {
        reserved.add(id);
        return id;
      }
    }
  }

  function uniqueName(name: string, taken: Set<string>): string {
    if (!taken.has(name)) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name} (${n})`.slice(0, 80);
      if (!taken.has(candidate)) return candidate;
    }
  }

  return {
    /** Ships the starting templates once; an office that deletes one does not get it back. */
    seedBuiltinsSync(): void {
      if (settings.get(SEEDED_KEY) !== undefined) return;
      const now = clock.now();
      repo.saveAll(
        BUILTIN_TEMPLATES.filter((t) => !repo.getByName(t.name)).map((t) => {
          const { name, body } = checkedDraft(t);
          return { id: t.id, name, definition: JSON.stringify(body), builtin: true };
        }),
        now,
      );
      settings.set(
        SEEDED_KEY,
        BUILTIN_TEMPLATES.map((t) => t.id),
        now,
      );
    },
    list: (): Template[] => repo.list().map(toTemplate),
    get,
    findByIdOrName: (key: string): Template => {
      const row = repo.get(key) ?? repo.getByName(key);
      if (!row) throw new AppError('AUTOFILL_TEMPLATE_NOT_FOUND', { template: key });
      return toTemplate(row);
    },
    save(draft: TemplateDraft): Template {
      const { id, name, body } = checkedDraft(draft);
      const existing = id === undefined ? undefined : repo.get(id);
      if (id !== undefined && !existing) throw new AppError('AUTOFILL_TEMPLATE_NOT_FOUND', { id });
      const clash = repo.getByName(name);
      if (clash && clash.id !== id) throw new AppError('AUTOFILL_TEMPLATE_NAME_TAKEN', { name });
      const now = clock.now();
      const templateId = id ?? newId(name, now, new Set());
      repo.save(
        {
          id: templateId,
          name,
          definition: JSON.stringify(body),
          builtin: existing?.builtin ?? false,
        },
        now,
      );
      return get(templateId);
    },
    delete(id: string): { id: string } {
      if (!repo.delete(id)) throw new AppError('AUTOFILL_TEMPLATE_NOT_FOUND', { id });
      return { id };
    },
    export(ids?: readonly string[]) {
      const templates = ids ? ids.map(get) : repo.list().map(toTemplate);
      const document = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date(clock.now()).toISOString(),
        templates: templates.map(({ id: _id, builtin: _b, updatedAt: _u, ...rest }) => rest),
      };
      return {
        json: `${JSON.stringify(document, null, 2)}\n`,
        fileName: `mau-dien-bieu-mau-${document.exportedAt.slice(0, 10)}.json`,
        count: templates.length,
      };
    },
    /** All or nothing: one bad template and no template is added. Names stay unique. */
    import(json: string) {
      let document: unknown;
      try {
        document = JSON.parse(json);
      } catch {
        throw new AppError('AUTOFILL_IMPORT_INVALID', { reason: 'not JSON' });
      }
      const doc = document as { format?: unknown; version?: unknown; templates?: unknown };
      if (
        doc?.format !== EXPORT_FORMAT ||
        doc.version !== EXPORT_VERSION ||
        !Array.isArray(doc.templates)
      ) {
        throw new AppError('AUTOFILL_IMPORT_INVALID', {
          reason: 'format',
          expected: EXPORT_FORMAT,
        });
      }
      const taken = new Set(repo.list().map((t) => t.name));
      const now = clock.now();
      const ids = new Set<string>();
      const renamed: { from: string; to: string }[] = [];
      const rows = doc.templates.map((item: unknown, index: number) => {
        const parsed = templateDraftSchema.safeParse(item);
        if (!parsed.success) {
          throw new AppError('AUTOFILL_IMPORT_INVALID', {
            index,
            issues: parsed.error.issues
              .slice(0, 10)
              .map((i) => `${i.path.join('.')}: ${i.message}`),
          });
        }
        const { name, body } = checkedDraft({ ...parsed.data, id: undefined }, index);
        const finalName = uniqueName(name, taken);
        taken.add(finalName);
        if (finalName !== name) renamed.push({ from: name, to: finalName });
        return {
          id: newId(finalName, now, ids),
          name: finalName,
          definition: JSON.stringify(body),
          builtin: false,
        };
      });
      repo.saveAll(rows, now);
      return { imported: rows.map((r) => ({ id: r.id, name: r.name })), renamed };
    },
  };
}
export type TemplatesService = ReturnType<typeof createTemplatesService>;
