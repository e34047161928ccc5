import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/calls/indicators';
import { formatDay, formatNumber } from '../../format';
import { navigate } from '../../navigation';

const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

/** Overdue and stuck files, listed before anything else on the dashboard (QĐ 766 satisfaction). */
export function AlertsPanel({
  alerts,
  stuckAfterDays,
}: {
  alerts: Dashboard['alerts'];
  stuckAfterDays: number;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="alerts-panel">
      <header className="card-header">
        <h2>{t('dashboard.alertsTitle')}</h2>
        <span className="muted small" data-testid="alerts-summary">
          {t('dashboard.alertsSummary', {
            overdue: formatNumber(alerts.overdueCount),
            stuck: formatNumber(alerts.stuckCount),
            days: stuckAfterDays,
          })}
        </span>
      </header>
      {alerts.items.length === 0 ? (
        <p className="muted">{t('dashboard.alertsNone')}</p>
      ) : (
        <>
          <p className="muted small">{t('dashboard.alertsHint')}</p>
          <div className="table-scroll" style={{ maxHeight: 260, overflowY: 'auto' }}>
            <table className="table compact" data-testid="alerts-table">
              <thead>
                <tr>
                  <th>{t('dashboard.code')}</th>
                  <th>{t('dashboard.procedure')}</th>
                  <th>{t('dashboard.status')}</th>
                  <th>{t('dashboard.due')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {alerts.items.map((a) => (
                  <tr
                    key={a.code}
                    className={`clickable alert-row ${a.overdue ? 'overdue' : 'stuck'}`}
                    data-testid="alert-row"
                    onClick={() => navigate(`dossiers?code=${encodeURIComponent(a.code)}`)}
                  >
                    <td>
                      <code>{a.code}</code>
                    </td>
                    <td>{a.procedureName}</td>
                    <td>{t(`dossierStatus.${a.status}`)}</td>
                    <td>{a.dueAt ? formatDay(vnDay(a.dueAt)) : '—'}</td>
                    <td className="small">
                      {a.overdue && (
                        <span className="badge badge-error">
                          {t('dashboard.overdueDays', { count: a.overdueDays ?? 0 })}
                        </span>
                      )}{' '}
                      {a.stuck && (
                        <span className="badge badge-warn">
                          {t('dashboard.idleDays', { count: a.idleDays })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
