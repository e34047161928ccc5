import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteField, ReportFigures, ReportNote } from '../../../../electron/api/report-schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation, useApiQuery } from '../../api/use-api';
import { ErrorNotice } from '../ErrorNotice';

const FIELDS: NoteField[] = ['beneficiaries', 'problems', 'solutions'];
const keyOf = (procedureKey: string, field: NoteField) => `${procedureKey}|${field}`;

/**
 * The Đề án 06 template's editable cells for one period: who benefited, problems, solutions,
 * per service. Kept per profile and period; the figures beside them are computed.
 */
export function TemplateNotes({
  profileId,
  period,
  figures,
}: {
  profileId: number;
  period: string;
  figures: ReportFigures;
}) {
  const { t } = useTranslation();
  const saved = useApiQuery(['reports.notes', profileId, period], () =>
    motcua().reports.notes({ profileId, period }),
  );
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const stored = new Map((saved.data ?? []).map((n) => [keyOf(n.procedureKey, n.field), n.text]));
  const text = (key: string, field: NoteField) =>
    edits[keyOf(key, field)] ?? stored.get(keyOf(key, field)) ?? '';
  const save = useApiMutation(
    (notes: ReportNote[]) => motcua().reports.saveNotes({ profileId, period, notes }),
    () => {
      setEdits({});
      setDone(true);
      void saved.refetch();
    },
  );
  const changed = Object.entries(edits).map(([k, value]) => {
    const [procedureKey, field] = k.split('|') as [string, NoteField];
    return { procedureKey, field, text: value };
  });

  return (
    <section className="card template-notes" data-testid="template-notes">
      <h2>{t('reports.notes.title', { period: figures.current.period.shortLabel })}</h2>
      <p className="muted small">{t('reports.notes.hint')}</p>
      <div className="table-scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('reports.notes.procedure')}</th>
              {FIELDS.map((f) => (
                <th key={f}>{t(`reports.notes.${f}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.procedures.map((p) => (
              <tr key={p.key} data-testid={`notes-row-${p.key}`}>
                <td>{p.name}</td>
                {FIELDS.map((f) => (
                  <td key={f}>
                    <textarea
                      rows={2}
                      value={text(p.key, f)}
                      placeholder={f === 'beneficiaries' ? p.beneficiaries : ''}
                      data-testid={`note-${f}`}
                      onChange={(e) => {
                        setDone(false);
                        setEdits((all) => ({ ...all, [keyOf(p.key, f)]: e.target.value }));
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} />}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={changed.length === 0 || save.isPending}
          data-testid="notes-save"
          onClick={() => save.mutate(changed)}
        >
          {t('reports.notes.save')}
        </button>
        {done && <span className="muted">{t('reports.notes.saved')}</span>}
      </div>
    </section>
  );
}
