/**
 * Template + record → the plan the engine types, and the dry-run preview of exactly what will be
 * sent. Pure. Every problem is collected with its step number, so the editor can show them all
 * and a run refuses before typing anything (issue "Autofill", Bad input).
 */
import { formatDay, isDatePattern } from '../../../native/autofill/date-format';
import { maskIdNumber } from '../../../native/cccd/id-number';
import {
  DEFAULT_TIMING,
  fieldCount,
  PLAN_KEYS,
  PLAN_MODIFIERS,
  type Plan,
  type PlanAction,
  type PlanKey,
  type PlanModifier,
} from '../../../native/autofill/plan';
import {
  AUTOFILL_DATE_FIELDS,
  AUTOFILL_FIELDS,
  type AutofillField,
  type AutofillKey,
  type PreviewStep,
  type TemplateProblem,
  type TemplateStep,
} from '../../api/autofill-schemas';
import { fieldValue, type AutofillRecord } from './autofill-record';

// The UI's key list (api) and the engine's (native) must stay the same list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const KEYS_AGREE: Same<AutofillKey, PlanKey> = true;
void KEYS_AGREE;

export const DEFAULT_DATE_FORMAT = 'dd/MM/yyyy';
const DEFAULT_SEX_TEXT = { male: 'Nam', female: 'Nữ' } as const;

/** What compile needs of a template (a stored one or an editor draft). */
export interface CompilableTemplate {
  input: 'paste' | 'type';
  replaceExisting: boolean;
  afterActionMs: number;
  perCharMs: number;
  steps: readonly TemplateStep[];
}

export interface Compiled {
  plan: Plan;
  preview: PreviewStep[];
  problems: TemplateProblem[];
  fields: number;
  typesIdNumber: boolean;
}

const isField = (name: string): name is AutofillField =>
  (AUTOFILL_FIELDS as readonly string[]).includes(name);
const isKey = (name: string): name is PlanKey => (PLAN_KEYS as readonly string[]).includes(name);
const isModifier = (name: string): name is PlanModifier =>
  (PLAN_MODIFIERS as readonly string[]).includes(name);

/** Structural checks that need no record: unknown fields, keys, modifiers, date patterns. */
export function templateProblems(steps: readonly TemplateStep[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  steps.forEach((step, index) => {
    const at = index + 1;
    if (step.kind === 'field') {
      if (!isField(step.field)) {
        problems.push({ code: 'UNKNOWN_FIELD', step: at, detail: step.field });
        return;
      }
      const isDate = AUTOFILL_DATE_FIELDS.includes(step.field);
      if (step.format !== undefined && (!isDate || !isDatePattern(step.format))) {
        problems.push({ code: 'BAD_DATE_FORMAT', step: at, detail: step.format });
      }
      if (step.values !== undefined && step.field !== 'sex') {
        problems.push({ code: 'VALUES_NOT_SEX', step: at, detail: step.field });
      }
    } else if (step.kind === 'key') {
      if (!isKey(step.key)) problems.push({ code: 'UNKNOWN_KEY', step: at, detail: step.key });
      for (const m of step.modifiers ?? []) {
        if (!isModifier(m)) problems.push({ code: 'UNKNOWN_MODIFIER', step: at, detail: m });
      }
    }
  });
  return problems;
}

function keyLabel(key: string, modifiers: readonly string[], times: number): string {
  const chord = [...modifiers.map((m) => m[0]!.toUpperCase() + m.slice(1)), key].join('+');
  return times > 1 ? `${chord} ×${times}` : chord;
}

function fieldText(step: Extract<TemplateStep, { kind: 'field' }>, raw: string): string {
  const field = step.field as AutofillField;
  if (AUTOFILL_DATE_FIELDS.includes(field))
    return formatDay(raw, step.format ?? DEFAULT_DATE_FORMAT);
  if (field === 'sex') return (step.values ?? DEFAULT_SEX_TEXT)[raw as 'male' | 'female'];
  // NFC: what the card and the portal both expect; a decomposed "ễ" would not match searches.
  return raw.normalize('NFC');
}

export function compileTemplate(
  template: CompilableTemplate,
  record: AutofillRecord,
  options: { idRevealed: boolean },
): Compiled {
  const problems = templateProblems(template.steps);
  const actions: PlanAction[] = [];
  const preview: PreviewStep[] = [];
  let typesIdNumber = false;

  template.steps.forEach((step, index) => {
    const at = index + 1;
    if (step.kind === 'wait') {
      actions.push({ kind: 'wait', step: at, ms: step.ms });
      preview.push({
        step: at,
        kind: 'wait',
        label: `${step.ms} ms`,
        sent: '',
        input: null,
        masked: false,
        skipped: false,
      });
      return;
    }
    if (step.kind === 'key') {
      const modifiers = (step.modifiers ?? []).filter(isModifier);
      const times = step.times ?? 1;
      const label = keyLabel(step.key, modifiers, times);
      if (isKey(step.key)) actions.push({ kind: 'key', step: at, key: step.key, modifiers, times });
      preview.push({
        step: at,
        kind: 'key',
        label,
        sent: label,
        input: null,
        masked: false,
        skipped: false,
      });
      return;
    }
    const method = step.input ?? template.input;
    const replace = step.replace ?? template.replaceExisting;
    if (step.kind === 'text') {
      actions.push({
        kind: 'input',
        step: at,
        text: step.text.normalize('NFC'),
        method,
        replace,
        sensitive: false,
      });
      preview.push({
        step: at,
        kind: 'text',
        label: step.text,
        sent: step.text.normalize('NFC'),
        input: method,
        masked: false,
        skipped: false,
      });
      return;
    }
    if (!isField(step.field)) return; // reported by templateProblems
    const raw = fieldValue(record, step.field);
    if (raw === null) {
      if (!step.optional) problems.push({ code: 'FIELD_MISSING', step: at, detail: step.field });
      preview.push({
        step: at,
        kind: 'field',
        label: step.field,
        sent: '',
        input: method,
        masked: false,
        skipped: true,
      });
      return;
    }
    const sensitive = step.field === 'idNumber';
    if (sensitive) {
      typesIdNumber = true;
      if (!options.idRevealed)
        problems.push({ code: 'ID_NOT_REVEALED', step: at, detail: step.field });
    }
    let text: string;
    try {
      text = fieldText(step, raw);
    } catch {
      return; // a bad date pattern, already reported
    }
    actions.push({ kind: 'input', step: at, text, method, replace, sensitive });
    const masked = sensitive && !options.idRevealed;
    preview.push({
      step: at,
      kind: 'field',
      label: step.field,
      sent: masked ? maskIdNumber(text) : text,
      input: method,
      masked,
      skipped: false,
    });
  });

  const plan: Plan = {
    actions,
    timing: {
      afterActionMs: template.afterActionMs,
      perCharMs: template.perCharMs,
      pasteTimeoutMs: DEFAULT_TIMING.pasteTimeoutMs,
    },
  };
  return { plan, preview, problems, fields: fieldCount(plan), typesIdNumber };
}
