import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { useApiQuery, useServiceEvents } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { TimelinessBadge } from '../components/lifecycle/badges';
import { DeskSettingsPanel } from '../components/lifecycle/DeskSettingsPanel';
import { DossierDetail } from '../components/lifecycle/DossierDetail';
import { ManualDossierForm } from '../components/lifecycle/ManualDossierForm';
import { formatDay, formatNumber, formatTime } from '../format';
import { useHashParam } from '../hash-params';
import { navigate } from '../navigation';
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
        <label>
          {t('dossiers.procedure')}
          <select
            value={procedureKey}
            data-testid="filter-procedure"
            onChange={(e) => setProcedureKey(e.target.value)}
          >
            <option value="">{t('dossiers.allProcedures')}</option>
            {procedures.data?.map((p) => (
              <option key={p.key} value={p.key}>
                {p.seq}. {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossiers.status')}
          <select
            value={status}
            data-testid="filter-status"
            onChange={(e) => setStatus(e.target.value as DossierStatus | '')}
          >
            <option value="">{t('dossiers.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`dossierStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossiers.view')}
          <select
            value={view}
            data-testid="filter-view"
            onChange={(e) => setView(e.target.value as (typeof VIEWS)[number])}
          >
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(`dossiers.views.${v}`)}
              </option>
            ))}
          </select>
        </label>
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
