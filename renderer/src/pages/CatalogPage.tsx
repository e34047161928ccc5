import { useTranslation } from 'react-i18next';
import { motcua } from '../api/motcua';
import { useApiQuery, useServiceEvents } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { ProcedureLevelHeaders } from '../components/lifecycle/ProcedureLevelHeaders';
import { CatalogImport } from '../components/lifecycle/CatalogImport';
import { LevelBadge, TargetStatusBadge } from '../components/lifecycle/badges';
import { ProcedureDetailCard } from '../components/lifecycle/ProcedureDetailCard';
import { formatDay } from '../format';
import { useHashParam } from '../navigation';
import { navigate } from '../navigation';

const EVENT_KEYS = {
  'procedures.changed': [['procedures.list'], ['procedures.get'], ['catalog.versions']],
} as const;

/** Danh mục TTHC: the 25 procedures, their levels and history, catalogue import/export. */
export function CatalogPage() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const selected = useHashParam('key');
  const list = useApiQuery(['procedures.list'], () => motcua().procedures.list());
  const versions = useApiQuery(['catalog.versions'], () => motcua().catalog.versions());
  const detail = useApiQuery(
    ['procedures.get', selected],
    () => motcua().procedures.get({ key: selected ?? '' }),
    { enabled: selected !== null },
  );
  const active = versions.data?.find((v) => v.active)?.version ?? null;

  return (
    <div className="page catalog-page" data-testid="catalog-page">
      <h1>{t('catalog.title')}</h1>
      <div className="split">
        <div>
          <section className="card">
            <p className="muted small">{t('catalog.version', { version: active ?? '—' })}</p>
            {list.error && <ErrorNotice error={list.error.apiError} />}
            <table className="table" data-testid="catalog-table">
              <thead>
                <tr>
                  <ProcedureLevelHeaders />
                </tr>
              </thead>
              <tbody>
                {list.data?.map((p) => (
                  <tr
                    key={p.key}
                    data-testid={`catalog-row-${p.key}`}
                    className={`clickable${p.key === selected ? ' selected' : ''}`}
                    onClick={() => navigate(`catalog?key=${encodeURIComponent(p.key)}`)}
                  >
                    <td>{p.seq}</td>
                    <td>
                      {p.name}
                      <div className="muted small">
                        {t(`group.${p.group}`)} · {p.ownerAgency} · {p.codes.join(', ') || '—'}
                      </div>
                    </td>
                    <td>
                      <LevelBadge level={p.currentLevel} />
                    </td>
                    <td>
                      <LevelBadge level={p.targetLevel} />
                    </td>
                    <td>{formatDay(p.deadline)}</td>
                    <td>
                      <TargetStatusBadge status={p.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <CatalogImport version={active} />
          {versions.data && (
            <section className="card">
              <h3>{t('catalog.versions')}</h3>
              <ul className="history" data-testid="catalog-versions">
                {versions.data.map((v) => (
                  <li key={v.version}>
                    <strong>{v.version}</strong>{' '}
                    {v.active && <span className="badge badge-ok">{t('catalog.active')}</span>}
                    <div className="small muted">
                      {v.title} · {formatDay(v.effectiveFrom)}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div>
          {detail.error && <ErrorNotice error={detail.error.apiError} />}
          {selected && detail.data && <ProcedureDetailCard procedure={detail.data} />}
        </div>
      </div>
    </div>
  );
}
