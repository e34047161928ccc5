import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureGroup } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { useApiQuery, useServiceEvents } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterSelect } from '../components/lifecycle/FilterSelect';
import { ProcedureLevelHeaders } from '../components/lifecycle/ProcedureLevelHeaders';
import { AlertsPanel } from '../components/lifecycle/AlertsPanel';
import { DashboardCharts } from '../components/lifecycle/DashboardCharts';
import { LevelBadge, TargetStatusBadge } from '../components/lifecycle/badges';
import { Figure } from '../components/lifecycle/Figure';
import { Sparkline } from '../components/lifecycle/Sparkline';
import { ReportsDueBanner } from '../components/reports/ReportsDueBanner';
import { formatDay, formatNumber } from '../format';
import { navigate } from '../navigation';

const GROUPS: ProcedureGroup[] = ['bca', 'commune', 'sector'];
export const DASHBOARD_KEY = ['dashboard.get'] as const;
const EVENT_KEYS = {
  'dossier.created': [DASHBOARD_KEY],
  'dossier.updated': [DASHBOARD_KEY],
  'procedures.changed': [DASHBOARD_KEY],
  'settings.changed': [DASHBOARD_KEY],
} as const;

/** The current month in Vietnam, whatever the PC's time zone. */
export function currentVnMonth(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
}

/** Tổng quan: where the office stands on the 25 procedures, overdue and stuck files first. */
export function DashboardPage() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const [kind, setKind] = useState<'month' | 'year'>('month');
  const [month, setMonth] = useState(currentVnMonth());
  const [group, setGroup] = useState<ProcedureGroup | ''>('');
  const [owner, setOwner] = useState('');
  const period = kind === 'month' ? month : month.slice(0, 4);
  const input = { period, ...(group ? { group } : {}), ...(owner ? { owner } : {}) };
  const data = useApiQuery([...DASHBOARD_KEY, input], () => motcua().dashboard.get(input), {
    placeholderData: (previous) => previous,
  });

  const d = data.data;
  return (
    <div className="page dashboard-page" data-testid="dashboard-page">
      <h1>{t('dashboard.title')}</h1>
      <div className="toolbar">
        <label>
          {t('dashboard.period')}
          <select
            value={kind}
            data-testid="dashboard-period-kind"
            onChange={(e) => setKind(e.target.value as 'month' | 'year')}
          >
            <option value="month">{t('dashboard.month')}</option>
            <option value="year">{t('dashboard.year')}</option>
          </select>
        </label>
        <label>
          {kind === 'month' ? t('dashboard.month') : t('dashboard.year')}
          {kind === 'month' ? (
            <input
              type="month"
              value={month}
              data-testid="dashboard-month"
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
          ) : (
            <input
              type="number"
              min={2000}
              max={2100}
              value={month.slice(0, 4)}
              data-testid="dashboard-year"
              onChange={(e) => /^\d{4}$/.test(e.target.value) && setMonth(`${e.target.value}-12`)}
            />
          )}
        </label>
        <FilterSelect
          label={t('dashboard.group')}
          value={group}
          testId="dashboard-group"
          allLabel={t('dashboard.all')}
          options={GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
          onChange={setGroup}
        />
        <FilterSelect
          label={t('dashboard.owner')}
          value={owner}
          testId="dashboard-owner"
          allLabel={t('dashboard.all')}
          options={(d?.owners ?? []).map((o) => ({ value: o, label: o }))}
          onChange={setOwner}
        />
        {d && (
          <span className="muted small">
            {t('dashboard.asOf', {
              time: new Date(d.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
            })}
          </span>
        )}
      </div>
      <ReportsDueBanner />
      {data.error && <ErrorNotice error={data.error.apiError} />}
      {!d ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <AlertsPanel alerts={d.alerts} stuckAfterDays={d.stuckAfterDays} />
          <div className="tiles" data-testid="dashboard-totals">
            <div className="tile">
              <div className="tile-label">{t('dashboard.received')}</div>
              <div className="tile-value" data-testid="total-received">
                {formatNumber(d.totals.received)}
              </div>
            </div>
            {(['onTimeRate', 'onlineShare', 'fullOnlineShare', 'assistedSuccessRate'] as const).map(
              (name) => (
                <div className="tile" key={name}>
                  <div className="tile-label">{t(`indicator.${name}`)}</div>
                  <div className="tile-value">
                    <Figure row={d.totals} name={name} testId={`total-${name}`} />
                  </div>
                </div>
              ),
            )}
          </div>
          <DashboardCharts months={d.months} />
          <section className="card">
            <h2>{t('dashboard.tableTitle')}</h2>
            <div className="table-scroll">
              <table className="table" data-testid="procedures-table">
                <thead>
                  <tr>
                    <ProcedureLevelHeaders />
                    <th className="num">{t('dashboard.dossiers')}</th>
                    <th className="num">{t('dashboard.onTime')}</th>
                    <th>{t('dashboard.trend')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.procedures.map((p) => (
                    <tr
                      key={p.key}
                      className="clickable"
                      data-testid={`dashboard-row-${p.key}`}
                      title={t('dashboard.openProcedure')}
                      onClick={() => navigate(`catalog?key=${encodeURIComponent(p.key)}`)}
                    >
                      <td>{p.seq}</td>
                      <td>
                        {p.name}
                        <div className="muted small">{p.ownerAgency}</div>
                      </td>
                      <td>
                        <LevelBadge level={p.currentLevel} testId="row-level" />
                      </td>
                      <td>
                        <LevelBadge level={p.targetLevel} />
                      </td>
                      <td>{formatDay(p.deadline)}</td>
                      <td>
                        <TargetStatusBadge status={p.status} testId="row-status" />
                      </td>
                      <td className="num" data-testid="row-received">
                        {formatNumber(p.indicators.received)}
                      </td>
                      <td className="num">
                        <Figure row={p.indicators} name="onTimeRate" testId="row-on-time" />
                      </td>
                      <td>
                        <Sparkline points={p.trend} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
