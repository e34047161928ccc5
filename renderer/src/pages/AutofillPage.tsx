import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template, TemplateDraft, TemplateStep } from '../../../electron/api/autofill-schemas';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { TemplateStepsEditor } from '../components/TemplateStepsEditor';
import { downloadFile } from '../files';

type Draft = TemplateDraft & { steps: TemplateStep[] };

const NEW_DRAFT: Draft = {
  name: '',
  description: '',
  target: '',
  input: 'paste',
  replaceExisting: true,
  afterActionMs: 15,
  perCharMs: 4,
  steps: [{ kind: 'field', field: 'fullName' }],
};

function draftOf(template: Template): Draft {
  const { builtin: _b, updatedAt: _u, ...draft } = template;
  return { ...draft, steps: [...template.steps] };
}

const LIST_KEY = ['autofill.listTemplates'];

/** Cài đặt › Điền biểu mẫu: templates, their editor with a dry run, import/export. */
export function AutofillPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const templates = useApiQuery(LIST_KEY, () => motcua().autofill.listTemplates());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: LIST_KEY });

  const save = useApiMutation(
    (d: Draft) => motcua().autofill.saveTemplate(d),
    (saved) => {
      setDraft(draftOf(saved));
      setNotice(t('autofill.saved'));
      void refresh();
    },
  );
  const remove = useApiMutation(
    (id: string) => motcua().autofill.deleteTemplate({ id }),
    () => {
      setDraft(null);
      setNotice(t('autofill.deleted'));
      void refresh();
    },
  );
  const importer = useApiMutation(
    (json: string) => motcua().autofill.importTemplates({ json }),
    (result) => {
      setNotice(t('autofill.imported', { count: result.imported.length }));
      void refresh();
    },
  );
  const preview = useApiQuery(
    ['autofill.preview', draft],
    () =>
      motcua().autofill.preview({ template: draft!, source: { sample: true }, idRevealed: true }),
    { enabled: draft !== null && draft.name.trim() !== '' && draft.steps.length > 0 },
  );

  async function exportAll() {
    const result = await motcua().autofill.exportTemplates();
    if (!result.ok) return;
    downloadFile({
      fileName: result.value.fileName,
      mimeType: 'application/json',
      encoding: 'utf8',
      content: result.value.json,
    });
  }

  const error = save.error ?? remove.error ?? importer.error;
  return (
    <div className="page autofill-page" data-testid="autofill-page">
      <h1>{t('autofill.title')}</h1>
      <p className="muted">{t('autofill.intro')}</p>
      <div className="columns">
        <section className="card column" data-testid="autofill-templates">
          <h2>{t('autofill.templates')}</h2>
          <ul className="template-list">
            {templates.data?.map((tpl) => (
              <li key={tpl.id}>
                <button
                  type="button"
                  className="link"
                  data-testid={`template-${tpl.id}`}
                  onClick={() => setDraft(draftOf(tpl))}
                >
                  {tpl.name}
                </button>
                {tpl.builtin && <span className="badge"> {t('autofill.builtin')}</span>}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button"
              data-testid="template-new"
              onClick={() => setDraft({ ...NEW_DRAFT })}
            >
              {t('autofill.newTemplate')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="templates-export"
              onClick={() => void exportAll()}
            >
              {t('autofill.export')}
            </button>
            <label className="button">
              {t('autofill.import')}
              <input
                type="file"
                accept="application/json,.json"
                data-testid="templates-import"
                hidden
                onChange={(e) =>
                  void e.target.files?.[0]?.text().then((text) => importer.mutate(text))
                }
              />
            </label>
          </div>
        </section>
        {draft && (
          <section className="card column" data-testid="template-editor">
            <TemplateForm draft={draft} onChange={setDraft} />
            <TemplateStepsEditor
              steps={draft.steps}
              onChange={(steps) => setDraft({ ...draft, steps })}
            />
            <div className="actions">
              <button
                type="button"
                className="button primary"
                data-testid="template-save"
                onClick={() => save.mutate(draft)}
              >
                {t('autofill.save')}
              </button>
              {draft.id && (
                <button
                  type="button"
                  className="button"
                  data-testid="template-delete"
                  onClick={() => remove.mutate(draft.id!)}
                >
                  {t('autofill.delete')}
                </button>
              )}
            </div>
          </section>
        )}
      </div>
      {notice && (
        <p className="notice notice-ok" role="status" data-testid="autofill-notice">
          {notice}
        </p>
      )}
      {error && <ErrorNotice error={error.apiError} testId="autofill-page-error" />}
      {draft && preview.data && (
        <section className="card" data-testid="template-preview">
          <h2>{t('autofill.preview')}</h2>
          {preview.data.problems.length > 0 && (
            <ul className="warnings" data-testid="template-problems">
              {preview.data.problems.map((p, i) => (
                <li key={i} data-code={p.code}>
                  {p.step !== null ? `#${p.step} ` : ''}
                  {p.code}: {p.detail}
                </li>
              ))}
            </ul>
          )}
          <table className="table compact">
            <tbody>
              {preview.data.steps.map((step) => (
                <tr key={step.step} data-testid={`preview-${step.step}`}>
                  <td className="num">{step.step}</td>
                  <td>
                    {step.kind === 'field'
                      ? t(`autofill.fields.${step.label}`, step.label)
                      : t(`autofill.kinds.${step.kind}`)}
                  </td>
                  <td data-testid="preview-sent">
                    <code>{step.skipped ? t('autofill.skipped') : step.sent}</code>
                  </td>
                  <td className="muted small">{step.input ? t(`autofill.${step.input}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function TemplateForm({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const { t } = useTranslation();
  const text = (name: 'name' | 'description' | 'target') => (
    <div className="form-row">
      <label htmlFor={`template-${name}`}>{t(`autofill.${name}`)}</label>
      <input
        id={`template-${name}`}
        data-testid={`template-${name}`}
        value={draft[name] ?? ''}
        onChange={(e) => onChange({ ...draft, [name]: e.target.value })}
      />
    </div>
  );
  const number = (name: 'afterActionMs' | 'perCharMs') => (
    <div className="form-row">
      <label htmlFor={`template-${name}`}>{t(`autofill.${name}`)}</label>
      <input
        id={`template-${name}`}
        type="number"
        min={0}
        value={draft[name] ?? 0}
        onChange={(e) => onChange({ ...draft, [name]: Number(e.target.value) })}
      />
    </div>
  );
  return (
    <>
      {text('name')}
      {text('description')}
      {text('target')}
      <div className="form-row">
        <label htmlFor="template-input">{t('autofill.input')}</label>
        <select
          id="template-input"
          data-testid="template-input"
          value={draft.input ?? 'paste'}
          onChange={(e) => onChange({ ...draft, input: e.target.value as 'paste' | 'type' })}
        >
          <option value="paste">{t('autofill.paste')}</option>
          <option value="type">{t('autofill.type')}</option>
        </select>
      </div>
      <label className="small">
        <input
          type="checkbox"
          checked={draft.replaceExisting ?? true}
          onChange={(e) => onChange({ ...draft, replaceExisting: e.target.checked })}
        />{' '}
        {t('autofill.replaceExisting')}
      </label>
      {number('afterActionMs')}
      {number('perCharMs')}
    </>
  );
}
