import type { CitizensRepository } from '../../../db/repositories/citizens-repository';
import type { DossiersRepository } from '../../../db/repositories/dossiers-repository';
import {
  templateDraftSchema,
  type AutofillSource,
  type Template,
} from '../../api/autofill-schemas';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import { toDossier } from '../dossiers/dossiers-service';
import type { Clock } from '../shared/clock';
import { vnDay } from '../shared/vn-time';
import { SAMPLE_CITIZEN, SAMPLE_DOSSIER, type AutofillRecord } from './autofill-record';
import type { AutofillService } from './autofill-service';
import type { TemplatesService } from './templates-service';

export interface AutofillHandlersDeps {
  templates: TemplatesService;
  runs: AutofillService;
  citizens: CitizensRepository;
  dossiers: DossiersRepository;
  clock: Clock;
  /** Whether the clerk revealed this ID on a citizen card recently (audit-logged by intake). */
  wasRevealed: (idNumber: string) => boolean;
}

/**
 * "Never types the masked ID unless the clerk revealed it": the caller's claim is checked. A
 * citizen passed as a record counts as revealed only after an audited reveal on the citizen card;
 * a caller that supplied the full ID number itself (the CLI's --citizen) already knows it.
 */
function idRevealedFor(
  deps: AutofillHandlersDeps,
  source: AutofillSource,
  claimed: boolean,
): boolean {
  if (!claimed) return false;
  if (source.citizenId !== undefined || source.sample === true) return true;
  return source.citizen !== undefined && deps.wasRevealed(source.citizen.idNumber);
}

type AutofillCall =
  | 'autofill.listTemplates'
  | 'autofill.saveTemplate'
  | 'autofill.deleteTemplate'
  | 'autofill.exportTemplates'
  | 'autofill.importTemplates'
  | 'autofill.preview'
  | 'autofill.start'
  | 'autofill.abort'
  | 'autofill.status';

/** The record a source names: the card on screen, a stored citizen (CLI) or the editor's sample. */
export function resolveRecord(deps: AutofillHandlersDeps, source: AutofillSource): AutofillRecord {
  const today = vnDay(deps.clock.now());
  if (source.sample) return { citizen: SAMPLE_CITIZEN, dossier: SAMPLE_DOSSIER, today };
  let citizen = source.citizen;
  if (!citizen) {
    const stored = deps.citizens.get(source.citizenId!);
    if (!stored) throw new AppError('AUTOFILL_CITIZEN_NOT_FOUND');
    citizen = stored;
  }
  let dossier: AutofillRecord['dossier'] = null;
  if (source.dossierCode) {
    const row = deps.dossiers.get(source.dossierCode);
    if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code: source.dossierCode });
    const view = toDossier(row, deps.clock.now());
    dossier = { code: view.code, procedureName: view.procedureName, receivedDay: view.receivedDay };
  }
  return { citizen, dossier, today };
}

export function createAutofillHandlers(deps: AutofillHandlersDeps): Pick<Handlers, AutofillCall> {
  const { templates, runs } = deps;
  return {
    'autofill.listTemplates': () => templates.list(),
    'autofill.saveTemplate': (draft) => templates.save(draft),
    'autofill.deleteTemplate': ({ id }) => templates.delete(id),
    'autofill.exportTemplates': (input) => templates.export(input?.ids),
    'autofill.importTemplates': ({ json }) => templates.import(json),
    'autofill.preview': ({ template, templateId, source, idRevealed }) => {
      const chosen: Omit<Template, 'id' | 'name' | 'builtin' | 'updatedAt'> = template
        ? templateDraftSchema.parse(template)
        : templates.get(templateId ?? '');
      const compiled = runs.compile(chosen, resolveRecord(deps, source), {
        idRevealed: idRevealedFor(deps, source, idRevealed),
      });
      return { steps: compiled.preview, problems: compiled.problems, fields: compiled.fields };
    },
    'autofill.start': ({ templateId, source, idRevealed, countdownMs }) =>
      runs.start({
        template: templates.findByIdOrName(templateId),
        record: resolveRecord(deps, source),
        idRevealed: idRevealedFor(deps, source, idRevealed),
        countdownMs,
        ...(source.dossierCode ? { dossierCode: source.dossierCode } : {}),
      }),
    'autofill.abort': () => runs.abort(),
    'autofill.status': () => runs.status(),
  };
}
