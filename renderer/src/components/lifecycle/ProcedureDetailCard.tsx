import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../../electron/api/calls/procedures';
import { formatDay } from '../../format';
import { LevelBadge, TargetStatusBadge } from './badges';
import { LevelForm } from './LevelForm';

const when = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

export function ProcedureDetailCard({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  return (
    <div data-testid="procedure-detail" data-key={p.key}>
      <section className="card">
        <h2>
          {p.seq}. {p.name}
        </h2>
        <p>
          <LevelBadge level={p.currentLevel} testId="detail-level" /> →{' '}
          <LevelBadge level={p.targetLevel} /> ({formatDay(p.deadline)}){' '}
          <TargetStatusBadge status={p.status} testId="detail-status" />
        </p>
        {(p.currentLegacyLevel !== null || p.targetLegacyLevel !== null) && (
          <p className="small muted">
            {t('catalog.legacy', {
              current: p.currentLegacyLevel ?? '—',
              target: p.targetLegacyLevel ?? '—',
            })}
          </p>
        )}
        <dl className="fields">
          <dt>{t('catalog.codes')}</dt>
          <dd>
            {p.allCodes.map((c) => `${c.code}${c.note ? ` (${c.note})` : ''}`).join('; ') || '—'}
            {Object.entries(p.provinceCodes).map(([province, codes]) => (
              <div key={province} className="small muted">
                {province}: {codes.join(', ')}
              </div>
            ))}
          </dd>
          <dt>{t('catalog.owner')}</dt>
          <dd>{p.ownerAgency}</dd>
          <dt>{t('catalog.ministry')}</dt>
          <dd>{p.ministry}</dd>
          <dt>{t('catalog.unit')}</dt>
          <dd>{p.executingUnit}</dd>
          <dt>{t('catalog.processing')}</dt>
          <dd>
            {p.processingDays === null
              ? '—'
              : t('catalog.processingDays', { count: p.processingDays })}
            {p.cutoff15h && `; ${t('catalog.cutoff')}`}
            {p.onlineOnlyFrom && (
              <div>
                <span className="badge badge-warn">
                  {t('catalog.onlineOnly', { day: formatDay(p.onlineOnlyFrom) })}
                </span>
              </div>
            )}
            <div className="small muted">{p.processingSource}</div>
          </dd>
          <dt>{t('catalog.currentState')}</dt>
          <dd className="small">{p.currentState || '—'}</dd>
          <dt>{t('catalog.notes')}</dt>
          <dd className="small">{p.notes || '—'}</dd>
          <dt>{t('catalog.source')}</dt>
          <dd className="small">{p.source || '—'}</dd>
        </dl>
      </section>
      <LevelForm key={p.key} procedure={p} />
      <section className="card">
        <h3>{t('catalog.history')}</h3>
        {p.history.length === 0 ? (
          <p className="muted">{t('catalog.historyEmpty')}</p>
        ) : (
          <ul className="history" data-testid="level-history">
            {p.history.map((h) => (
              <li key={h.id} data-testid="history-entry">
                <div className="small muted">
                  {when(h.changedAt)} ·{' '}
                  {h.origin === 'catalog'
                    ? t('catalog.fromCatalog', { version: h.catalogVersion })
                    : t('catalog.by', { actor: h.actor })}{' '}
                  · {t('catalog.effectiveFrom')} {formatDay(h.effectiveFrom)}
                </div>
                <div>
                  <LevelBadge level={h.previousCurrentLevel} /> →{' '}
                  <LevelBadge level={h.currentLevel} />
                  {' · '}
                  {t('catalog.targetLevel')}: <LevelBadge level={h.targetLevel} /> (
                  {formatDay(h.deadline)})
                </div>
                <div className="small" data-testid="history-note">
                  {h.note}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
