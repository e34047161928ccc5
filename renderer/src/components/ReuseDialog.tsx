import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { formatDay } from '../format';
import { ErrorNotice } from './ErrorNotice';

/** Tái sử dụng: pick one of the same citizen's earlier digitized documents (linked by ID number). */
export function ReuseDialog({
  dossierCode,
  procedureKey,
  onClose,
}: {
  dossierCode: string;
  procedureKey: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const candidates = useApiQuery(['digitization.reuseCandidates', dossierCode], () =>
    motcua().digitization.reuseCandidates({ dossierCode }),
  );
  const types = useApiQuery(['digitization.componentTypes', procedureKey], () =>
    motcua().digitization.componentTypes({ procedureKey }),
  );
  const [typeKey, setTypeKey] = useState('');
  const chosenType = typeKey || types.data?.components[0]?.key || '';
  const reuse = useApiMutation(
    (documentId: number) =>
      motcua().digitization.reuse({ dossierCode, documentId, componentType: chosenType }),
    () => {
      void client.invalidateQueries({ queryKey: ['digitization.documents', dossierCode] });
      void client.invalidateQueries({ queryKey: ['digitization.listDossiers'] });
      onClose();
    },
  );
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="reuse-dialog">
      <div className="modal">
        <header className="card-header">
          <h2>{t('digitization.reuseTitle')}</h2>
          <button type="button" className="button" onClick={onClose}>
            {t('digitization.close')}
          </button>
        </header>
        <p className="muted small">{t('digitization.reuseHint')}</p>
        {candidates.error && <ErrorNotice error={candidates.error.apiError} testId="reuse-error" />}
        {reuse.error && <ErrorNotice error={reuse.error.apiError} testId="reuse-error" />}
        <div className="form-row">
          <label htmlFor="reuse-type">{t('digitization.reuseAs')}</label>
          <select
            id="reuse-type"
            data-testid="reuse-type"
            value={chosenType}
            onChange={(e) => setTypeKey(e.target.value)}
          >
            {types.data?.components.map((e) => (
              <option key={e.key} value={e.key}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        {candidates.data?.length === 0 && (
          <p className="muted" data-testid="reuse-none">
            {t('digitization.noCandidates')}
          </p>
        )}
        <ul className="doc-list">
          {candidates.data?.map((c) => (
            <li key={c.id} data-testid="reuse-candidate">
              <div>
                <strong>{c.title}</strong> · {t('digitization.pages', { count: c.pages })}
                <div className="muted small">
                  {t('digitization.fromDossier', {
                    code: c.dossierCode,
                    procedure: c.procedureName,
                    day: formatDay(c.receivedDay),
                  })}
                </div>
              </div>
              <button
                type="button"
                className="button"
                data-testid="reuse-pick"
                disabled={reuse.isPending || chosenType === ''}
                onClick={() => reuse.mutate(c.id)}
              >
                {t('digitization.reuseDo')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
