import { useTranslation } from 'react-i18next';
import { motcua } from '../../api/motcua';
import { useApiQuery, useServiceEvents } from '../../api/use-api';
import { formatDay } from '../../format';
import { navigate } from '../../navigation';

const DUE_KEY = ['reports.due'] as const;
const EVENT_KEYS = { 'reports.changed': [DUE_KEY], 'settings.changed': [DUE_KEY] } as const;

/** Dashboard reminder: each recipient's report on the closed period, until it is issued. */
export function ReportsDueBanner() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  // Reports are issued on the Reports page, where this banner is not mounted to hear the event:
  // read the (cheap) answer afresh each time the dashboard opens.
  const due = useApiQuery(DUE_KEY, () => motcua().reports.due(), { staleTime: 0 });
  if (!due.data || due.data.length === 0) return null;
  const overdue = due.data.some((d) => d.overdue);
  return (
    <section
      className={`notice ${overdue ? 'notice-error' : 'notice-warn'} reports-due`}
      data-testid="reports-due"
    >
      <strong>{t('reports.due.title')}</strong>
      <ul>
        {due.data.map((d) => (
          <li key={d.profileId} data-testid="reports-due-item" data-profile={d.profileId}>
            {t('reports.due.item', {
              profile: d.profileName,
              period: d.periodLabel,
              deadline: formatDay(d.deadline),
            })}{' '}
            <span className="muted">
              (
              {d.overdue
                ? t('reports.due.overdue', { count: -d.daysLeft })
                : d.daysLeft === 0
                  ? t('reports.due.today')
                  : t('reports.due.daysLeft', { count: d.daysLeft })}
              )
            </span>{' '}
            <button
              type="button"
              className="link-button"
              data-testid="reports-due-open"
              onClick={() => navigate(`reports?profile=${d.profileId}&period=${d.period}`)}
            >
              {t('reports.due.make')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
