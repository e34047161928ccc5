import { useTranslation } from 'react-i18next';
import {
  AUTOFILL_DATE_FIELDS,
  AUTOFILL_FIELDS,
  AUTOFILL_KEYS,
  type AutofillField,
  type TemplateStep,
} from '../../../electron/api/autofill-schemas';

const DATE_FORMATS = ['dd/MM/yyyy', 'yyyy-MM-dd', 'dd-MM-yyyy', 'ddMMyyyy', 'dd', 'MM', 'yyyy'];
const TAB: TemplateStep = { kind: 'key', key: 'Tab' };

/** The step list of a template: one row per step, with the value editor its kind needs. */
export function TemplateStepsEditor({
  steps,
  onChange,
}: {
  steps: TemplateStep[];
  onChange: (steps: TemplateStep[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, step: TemplateStep) =>
    onChange(steps.map((s, i) => (i === index ? step : s)));
  const move = (index: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    next.splice(index + by, 0, step!);
    onChange(next);
  };
  const add = (...more: TemplateStep[]) => onChange([...steps, ...more]);

  return (
    <fieldset className="steps" data-testid="template-steps">
      <legend>{t('autofill.steps')}</legend>
      <table className="table compact">
        <tbody>
          {steps.map((step, i) => (
            <tr key={i} data-testid={`step-${i + 1}`}>
              <td className="num">{i + 1}</td>
              <td>{t(`autofill.kinds.${step.kind}`)}</td>
              <td>
                {step.kind === 'field' && (
                  <>
                    <select
                      aria-label={t('autofill.value')}
                      data-testid="step-field"
                      value={step.field}
                      onChange={(e) => set(i, { ...step, field: e.target.value })}
                    >
                      {AUTOFILL_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`autofill.fields.${f}`)}
                        </option>
                      ))}
                    </select>
                    {AUTOFILL_DATE_FIELDS.includes(step.field as AutofillField) && (
                      <select
                        aria-label={t('autofill.format')}
                        data-testid="step-format"
                        value={step.format ?? 'dd/MM/yyyy'}
                        onChange={(e) => set(i, { ...step, format: e.target.value })}
                      >
                        {DATE_FORMATS.map((f) => (
                          <option key={f}>{f}</option>
                        ))}
                      </select>
                    )}
                    <label className="small">
                      <input
                        type="checkbox"
                        checked={step.optional ?? false}
                        onChange={(e) => set(i, { ...step, optional: e.target.checked })}
                      />{' '}
                      {t('autofill.optional')}
                    </label>
                  </>
                )}
                {step.kind === 'text' && (
                  <input
                    aria-label={t('autofill.value')}
                    data-testid="step-text"
                    value={step.text}
                    onChange={(e) => set(i, { ...step, text: e.target.value })}
                  />
                )}
                {step.kind === 'key' && (
                  <select
                    aria-label={t('autofill.value')}
                    data-testid="step-key"
                    value={step.key}
                    onChange={(e) => set(i, { ...step, key: e.target.value })}
                  >
                    {AUTOFILL_KEYS.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                )}
                {step.kind === 'wait' && (
                  <input
                    type="number"
                    min={0}
                    max={10000}
                    aria-label={t('autofill.value')}
                    value={step.ms}
                    onChange={(e) => set(i, { ...step, ms: Number(e.target.value) })}
                  />
                )}
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  {t('autofill.up')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={i === steps.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('autofill.down')}
                </button>
                <button
                  type="button"
                  className="button"
                  data-testid="step-remove"
                  onClick={() => onChange(steps.filter((_, j) => j !== i))}
                >
                  {t('autofill.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="add-field"
          onClick={() => add({ kind: 'field', field: 'fullName' })}
        >
          {t('autofill.addField')}
        </button>
        <button type="button" className="button" data-testid="add-tab" onClick={() => add(TAB)}>
          {t('autofill.addTab')}
        </button>
        <button type="button" className="button" onClick={() => add({ kind: 'text', text: '' })}>
          {t('autofill.addText')}
        </button>
        <button type="button" className="button" onClick={() => add({ kind: 'wait', ms: 200 })}>
          {t('autofill.addWait')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="add-date-split"
          onClick={() =>
            add(
              { kind: 'field', field: 'dateOfBirth', format: 'dd' },
              TAB,
              { kind: 'field', field: 'dateOfBirth', format: 'MM' },
              TAB,
              { kind: 'field', field: 'dateOfBirth', format: 'yyyy' },
            )
          }
        >
          {t('autofill.addDateSplit')}
        </button>
      </div>
    </fieldset>
  );
}
