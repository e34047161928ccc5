import { useTranslation } from 'react-i18next';
import { motcua } from '../api/motcua';
import { useApiQuery } from '../api/use-api';
import { formatDay, formatNumber, formatTime } from '../format';
import { ErrorNotice } from './ErrorNotice';

export const TODAY_KEY = ['dossiers.todayCounts'] as const;
export const RECENT_KEY = ['dossiers.listRecent'] as const;

/** Today's counts per procedure and the latest dossiers; refreshed by `dossier.created` events. */
export function TodayPanel() {
  const { t } = useTranslation();
  const counts = useApiQuery(TODAY_KEY, () => motcua().dossiers.todayCounts());
  const recent = useApiQuery(RECENT_KEY, () => motcua().dossiers.listRecent({ limit: 10 }));

  if (counts.error) return <ErrorNotice error={counts.error.apiError} />;
  if (!counts.data) return <p className="muted">{t('app.loading')}</p>;
  const rows = counts.data.byProcedure.filter((p) => p.count > 0);
  return (
    <section className="card today" data-testid="today-panel">
      <header className="card-header">
        <h2>{t('today.title', { day: formatDay(counts.data.day) })}</h2>
        <span className="big-number" data-testid="today-total" title={t('today.total')}>
          {formatNumber(counts.data.total)}
        </span>
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('today.empty')}</p>
      ) : (
        <table className="table" data-testid="today-table">
          <thead>
            <tr>
              <th>{t('today.procedure')}</th>
              <th className="num">{t('today.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.procedureKey} data-testid={`today-row-${p.procedureKey}`}>
                <td>{p.name}</td>
                <td className="num" data-testid="today-count">
                  {formatNumber(p.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recent.data && recent.data.length > 0 && (
        <>
          <h3>{t('today.recent')}</h3>
          <table className="table compact" data-testid="recent-table">
            <thead>
              <tr>
                <th>{t('today.time')}</th>
                <th>{t('today.code')}</th>
                <th>{t('today.citizen')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.data.map((d) => (
                <tr key={d.code}>
                  <td>{formatTime(d.receivedAt)}</td>
                  <td>
                    <code>{d.code}</code>
                  </td>
                  <td>{d.citizenName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
