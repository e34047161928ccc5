import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { useApiQuery, useServiceEvents } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterSelect } from '../components/lifecycle/FilterSelect';
import { TimelinessBadge } from '../components/lifecycle/badges';
import { DeskSettingsPanel } from '../components/lifecycle/DeskSettingsPanel';
import { DossierDetail } from '../components/lifecycle/DossierDetail';
import { ManualDossierForm } from '../components/lifecycle/ManualDossierForm';
import { formatDay, formatNumber, formatTime } from '../format';
import { navigate, useHashParam } from '../navigation';
import { currentVnMonth } from './DashboardPage';

const STATUSES: DossierStatus[] = ['received', 'processing', 'done', 'returned', 'cancelled'];
const VIEWS = ['all', 'open', 'overdue', 'stuck'] as const;
const EVENT_KEYS = {
  'dossier.created': [['dossiers.list']],
  'dossier.updated': [['dossiers.list'], ['dossiers.get']],
} as const;

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Hồ sơ: every dossier with its due date and status; move it along, record assisted filings. */
export function DossiersPage() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const selected = useHashParam('code');
  const month = currentVnMonth();
  const [from, setFrom] = useState(`${month}-01`);
  const [to, setTo] = useState(lastDay(month));
  const [procedureKey, setProcedureKey] = useState('');
  const [status, setStatus] = useState<DossierStatus | ''>('');
  const [view, setView] = useState<(typeof VIEWS)[number]>('all');
  const [code, setCode] = useState('');
  const [limit, setLimit] = useState(50);
  const procedures = useApiQuery(['procedures.list'], () => motcua().procedures.list());
  const input = {
    from,
    to,
    view,
    limit,
    ...(procedureKey ? { procedureKey } : {}),
    ...(status ? { status } : {}),
    ...(code.trim() ? { code: code.trim() } : {}),
  };
  const list = useApiQuery(['dossiers.list', input], () => motcua().dossiers.list(input), {
    placeholderData: (previous) => previous,
  });

  return (
    <div className="page dossiers-page" data-testid="dossiers-page">
      <h1>{t('dossiers.title')}</h1>
      <div className="toolbar">
        <label>
          {t('dossiers.from')}
          <input
            type="date"
            data-testid="filter-from"
            value={from}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
          />
        </label>
        <label>
          {t('dossiers.to')}
          <input
            type="date"
            data-testid="filter-to"
            value={to}
            onChange={(e) => e.target.value && setTo(e.target.value)}
          />
        </label>
        <FilterSelect
          label={t('dossiers.procedure')}
          value={procedureKey}
          testId="filter-procedure"
          allLabel={t('dossiers.allProcedures')}
          options={(procedures.data ?? []).map((p) => ({
            value: p.key,
            label: `${p.seq}. ${p.name}`,
          }))}
          onChange={setProcedureKey}
        />
        <FilterSelect
          label={t('dossiers.status')}
          value={status}
          testId="filter-status"
          allLabel={t('dossiers.allStatuses')}
          options={STATUSES.map((s) => ({ value: s, label: t(`dossierStatus.${s}`) }))}
          onChange={setStatus}
        />
        <FilterSelect
          label={t('dossiers.view')}
          value={view}
          testId="filter-view"
          options={VIEWS.map((v) => ({ value: v, label: t(`dossiers.views.${v}`) }))}
          onChange={(v) => setView(v || 'all')}
        />
        <label>
          {t('dossiers.search')}
          <input data-testid="filter-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
      </div>
      {list.error && <ErrorNotice error={list.error.apiError} />}
      <div className="split">
        <section className="card">
          {list.data && (
            <p className="muted small" data-testid="dossiers-total">
              {t('dossiers.total', {
                count: list.data.total,
                formatted: formatNumber(list.data.total),
              })}
            </p>
          )}
          {list.data?.items.length === 0 ? (
            <p className="muted">{t('dossiers.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table compact" data-testid="dossiers-table">
                <thead>
                  <tr>
                    <th>{t('dossiers.code')}</th>
                    <th>{t('dossiers.received')}</th>
                    <th>{t('dossiers.procedure')}</th>
                    <th>{t('dossiers.channel')}</th>
                    <th>{t('dossiers.status')}</th>
                    <th>{t('dossiers.due')}</th>
                    <th>{t('dossiers.timeliness')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data?.items.map((d) => (
                    <tr
                      key={d.code}
                      data-testid="dossier-row"
                      data-code={d.code}
                      className={`clickable${d.code === selected ? ' selected' : ''}`}
                      onClick={() => navigate(`dossiers?code=${encodeURIComponent(d.code)}`)}
                    >
                      <td>
                        <code>{d.code}</code>
                      </td>
                      <td>
                        {formatDay(d.receivedDay)} {formatTime(d.receivedAt)}
                      </td>
                      <td>{d.procedureName}</td>
                      <td>{t(`channel.${d.channel}`)}</td>
                      <td>{t(`dossierStatus.${d.status}`)}</td>
                      <td>{formatDay(d.dueDay)}</td>
                      <td>
                        <TimelinessBadge value={d.timeliness} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data?.nextCursor && (
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => setLimit(Math.min(1000, limit + 50))}
              >
                {t('dossiers.more')}
              </button>
            </div>
          )}
        </section>
        <div>
          {selected ? <DossierDetail key={selected} code={selected} /> : <ManualDossierForm />}
          <DeskSettingsPanel />
        </div>
      </div>
    </div>
  );
}
