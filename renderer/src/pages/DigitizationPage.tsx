import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitizationDossier } from '../../../electron/api/calls/digitization';
import { motcua } from '../api/motcua';
import { useApiQuery, useServiceEvents } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { PdfViewer } from '../components/PdfViewer';
import { ReuseDialog } from '../components/ReuseDialog';
import { ScanDialog } from '../components/ScanDialog';
import { formatDay } from '../format';
import '../styles/digitization.css';

const LIST_KEY = ['digitization.listDossiers'] as const;
const EVENT_KEYS = {
  'dossier.created': [LIST_KEY],
  'digitization.recorded': [LIST_KEY],
  'digitization.scanState': [LIST_KEY],
} as const;

type Dialog =
  | { type: 'scan'; kind: 'component' | 'result'; draftId?: string }
  | { type: 'reuse' }
  | { type: 'pdf'; documentId: number; title: string }
  | null;

/** Số hóa: the dossiers, what has been digitized for each, and the scan, reuse and view actions. */
export function DigitizationPage() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const dossiers = useApiQuery([...LIST_KEY, search], () =>
    motcua().digitization.listDossiers({ search, limit: 100 }),
  );
  const current = dossiers.data?.find((d) => d.code === selected) ?? null;

  return (
    <div className="page digitization-page" data-testid="digitization-page">
      <h1>{t('digitization.title')}</h1>
      <div className="columns">
        <div className="column">
          <input
            type="search"
            data-testid="dossier-search"
            placeholder={t('digitization.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {dossiers.error && <ErrorNotice error={dossiers.error.apiError} />}
          {dossiers.data?.length === 0 && <p className="muted">{t('digitization.noDossiers')}</p>}
          {dossiers.data && dossiers.data.length > 0 && (
            <table className="table compact dossier-table" data-testid="dossier-table">
              <thead>
                <tr>
                  <th>{t('digitization.code')}</th>
                  <th>{t('digitization.citizen')}</th>
                  <th className="num">{t('digitization.components')}</th>
                  <th className="num">{t('digitization.results')}</th>
                </tr>
              </thead>
              <tbody>
                {dossiers.data.map((d) => (
                  <tr
                    key={d.code}
                    className={d.code === selected ? 'selected' : undefined}
                    data-testid="dossier-row"
                    data-code={d.code}
                    onClick={() => setSelected(d.code)}
                  >
                    <td>
                      <code>{d.code}</code>
                      <div className="muted small">{d.procedureName}</div>
                    </td>
                    <td>
                      {d.citizenName}
                      <div className="muted small">{d.citizenIdMasked}</div>
                    </td>
                    <td className="num" data-testid="row-component-pages">
                      {d.components.pages}
                    </td>
                    <td className="num" data-testid="row-result-pages">
                      {d.results.pages}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="column">
          {current ? (
            <DossierPanel dossier={current} />
          ) : (
            <p className="muted card">{t('digitization.choose')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

function DossierPanel({ dossier }: { dossier: DigitizationDossier }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [savedText, setSavedText] = useState<string | null>(null);
  const code = dossier.code;
  const documents = useApiQuery(['digitization.documents', code], () =>
    motcua().digitization.documents({ dossierCode: code }),
  );
  const drafts = useApiQuery(['digitization.listDrafts', code], () =>
    motcua().digitization.listDrafts({ dossierCode: code }),
  );
  // A stable map: a new one each render would re-open the event stream and drop events between.
  const eventKeys = useMemo(
    () => ({
      'digitization.recorded': [['digitization.documents', code]],
      'digitization.scanState': [['digitization.listDrafts', code]],
    }),
    [code],
  );
  useServiceEvents(eventKeys);

  return (
    <section className="card" data-testid="dossier-panel" data-code={code}>
      <header>
        <h2>
          <code>{code}</code>
        </h2>
        <p className="muted small">
          {dossier.procedureName} · {dossier.citizenName} · {formatDay(dossier.receivedDay)}
        </p>
      </header>
      <div className="actions wrap">
        <button
          type="button"
          className="button primary"
          data-testid="scan-component"
          onClick={() => setDialog({ type: 'scan', kind: 'component' })}
        >
          {t('digitization.scanComponent')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="scan-result"
          onClick={() => setDialog({ type: 'scan', kind: 'result' })}
        >
          {t('digitization.scanResult')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="reuse-open"
          onClick={() => setDialog({ type: 'reuse' })}
          disabled={!dossier.citizenIdMasked}
        >
          {t('digitization.reuse')}
        </button>
      </div>
      {savedText && (
        <div className="notice notice-ok" role="status" data-testid="document-saved">
          {savedText}
        </div>
      )}
      {drafts.data && drafts.data.length > 0 && (
        <>
          <h3>{t('digitization.openDrafts')}</h3>
          <ul className="doc-list">
            {drafts.data.map((d) => (
              <li key={d.id} data-testid="draft-row" data-state={d.state}>
                <div>
                  {t(`digitization.draftState.${d.state}`)} ·{' '}
                  {t('digitization.pages', { count: d.pages.length })}
                  {d.errorCode && <div className="small error-text">{d.errorMessage}</div>}
                </div>
                <button
                  type="button"
                  className="button"
                  data-testid="draft-open"
                  onClick={() => setDialog({ type: 'scan', kind: 'component', draftId: d.id })}
                >
                  {t('digitization.resume')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('digitization.documents')}</h3>
      {documents.data?.length === 0 && <p className="muted">{t('digitization.noDocuments')}</p>}
      <ul className="doc-list" data-testid="document-list">
        {documents.data?.map((doc) => (
          <li key={doc.id} data-testid="document-row" data-kind={doc.kind}>
            <div>
              <span className={`badge ${doc.kind === 'result' ? 'badge-ok' : ''}`}>
                {t(`digitization.kind.${doc.kind}`)}
              </span>{' '}
              <strong>{doc.title}</strong> ·{' '}
              <span data-testid="document-pages">
                {t('digitization.pages', { count: doc.pages })}
              </span>
              {doc.reusedFrom !== null && (
                <span className="badge badge-warn"> {t('digitization.reusedBadge')}</span>
              )}
              <div className="muted small">
                {doc.dpi} dpi · {doc.sourceDevice}
              </div>
            </div>
            <button
              type="button"
              className="button"
              data-testid="document-view"
              onClick={() => setDialog({ type: 'pdf', documentId: doc.id, title: doc.title })}
            >
              {t('digitization.view')}
            </button>
          </li>
        ))}
      </ul>
      {dialog?.type === 'scan' && (
        <ScanDialog
          dossierCode={code}
          procedureKey={dossier.procedureKey}
          kind={dialog.kind}
          {...(dialog.draftId ? { draftId: dialog.draftId } : {})}
          onClose={() => setDialog(null)}
          onSaved={(doc) => {
            setSavedText(t('digitization.saved', { title: doc.title, pages: doc.pages }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.type === 'reuse' && (
        <ReuseDialog
          dossierCode={code}
          procedureKey={dossier.procedureKey}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'pdf' && (
        <PdfViewer
          documentId={dialog.documentId}
          title={dialog.title}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
