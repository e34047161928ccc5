import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../../../electron/api/schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation, useApiQuery } from '../../api/use-api';
import { formatDay } from '../../format';
import { navigate } from '../../navigation';
import { ErrorNotice } from '../ErrorNotice';
import { RadioOptions } from '../RadioOptions';
import { LevelBadge, TimelinessBadge } from './badges';

const NEXT: Record<DossierStatus, DossierStatus[]> = {
  received: ['processing', 'done', 'returned', 'cancelled'],
  processing: ['done', 'returned', 'cancelled'],
  done: [],
  returned: [],
  cancelled: [],
};
const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';

/** One dossier: its dates, timeline, status moves and the assisted online filing outcome. */
export function DossierDetail({ code }: { code: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const dossier = useApiQuery(['dossiers.get', code], () => motcua().dossiers.get({ code }));
  const [next, setNext] = useState<DossierStatus | ''>('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'submitted' | 'failed'>('submitted');
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const refresh = () => void client.invalidateQueries();
  const move = useApiMutation(
    (input: { status: DossierStatus; note: string }) =>
      motcua().dossiers.setStatus({
        code,
        status: input.status,
        ...(input.note ? { note: input.note } : {}),
      }),
    () => {
      setNext('');
      setNote('');
      refresh();
    },
  );
  const record = useApiMutation(
    () =>
      motcua().dossiers.recordAssistedFiling({
        code,
        outcome,
        ...(reason ? { reason } : {}),
        ...(reference ? { reference } : {}),
      }),
    refresh,
  );

  /** An audit entry in words: "Đang xử lý → Hoàn thành: note". */
  function describe(action: string, detail: string): string {
    let d: Record<string, string>;
    try {
      d = JSON.parse(detail) as Record<string, string>;
    } catch {
      return detail;
    }
    const status = (s: string | undefined) => (s ? t(`dossierStatus.${s}`) : '');
    if (action === 'dossier.status') {
      return `${status(d.from)} → ${status(d.to)}${d.note ? `: ${d.note}` : ''}`;
    }
    if (action === 'dossier.create') {
      return `${t('dossierStatus.received')} · ${d.channel ? t(`channel.${d.channel}`) : ''}`;
    }
    if (action === 'dossier.assisted') {
      return `${t('dossiers.assistedTitle')}: ${d.outcome ? t(`assisted.${d.outcome}`) : ''}${d.reason ? ` — ${d.reason}` : ''}`;
    }
    return `${action} ${detail}`;
  }

  if (dossier.error) return <ErrorNotice error={dossier.error.apiError} />;
  const d = dossier.data;
  if (!d) return <p className="muted">{t('app.loading')}</p>;
  return (
    <section className="card" data-testid="dossier-detail" data-status={d.status}>
      <header className="card-header">
        <h2>{t('dossiers.detail', { code: d.code })}</h2>
        <button type="button" className="button" onClick={() => navigate('dossiers')}>
          {t('dossiers.close')}
        </button>
      </header>
      <dl className="fields">
        <dt>{t('dossiers.procedure')}</dt>
        <dd>{d.procedureName}</dd>
        <dt>{t('dossiers.applicant')}</dt>
        <dd>
          {d.organizationName ? `${d.organizationName} — ` : ''}
          {d.citizenName ?? '—'} {d.citizenIdMasked && <code>{d.citizenIdMasked}</code>}
        </dd>
        <dt>{t('dossiers.channel')}</dt>
        <dd>{t(`channel.${d.channel}`)}</dd>
        <dt>{t('dossiers.status')}</dt>
        <dd data-testid="detail-dossier-status">
          {t(`dossierStatus.${d.status}`)} <TimelinessBadge value={d.timeliness} />
          {d.statusNote && <div className="small muted">{d.statusNote}</div>}
        </dd>
        <dt>{t('dossiers.received')}</dt>
        <dd>{when(d.receivedAt)}</dd>
        <dt>{t('dossiers.due')}</dt>
        <dd data-testid="detail-due">{formatDay(d.dueDay)}</dd>
        <dt>{t('dossiers.level')}</dt>
        <dd>
          <LevelBadge level={d.levelAtReceipt} />
        </dd>
      </dl>
      {NEXT[d.status].length > 0 && (
        <div className="form-row">
          <label htmlFor="status-next">{t('dossiers.moveTo')}</label>
          <select
            id="status-next"
            data-testid="status-next"
            value={next}
            onChange={(e) => setNext(e.target.value as DossierStatus)}
          >
            <option value="" />
            {NEXT[d.status].map((s) => (
              <option key={s} value={s}>
                {t(`dossierStatus.${s}`)}
              </option>
            ))}
          </select>
          <input
            data-testid="status-note"
            placeholder={t('dossiers.reason')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            className="button primary"
            data-testid="status-apply"
            disabled={next === '' || move.isPending}
            onClick={() => next && move.mutate({ status: next, note })}
          >
            {t('dossiers.apply')}
          </button>
        </div>
      )}
      {move.error && <ErrorNotice error={move.error.apiError} testId="status-error" />}
      {d.channel === 'online_assisted' && (
        <div className="card" data-testid="assisted-panel">
          <h3>{t('dossiers.assistedTitle')}</h3>
          <p data-testid="assisted-outcome" data-outcome={d.assistedOutcome ?? 'pending'}>
            {t(`assisted.${d.assistedOutcome ?? 'pending'}`)}
            {d.assistedFailureReason && ` — ${d.assistedFailureReason}`}
            {d.onlineReference && (
              <>
                {' '}
                · <code>{d.onlineReference}</code>
              </>
            )}
          </p>
          <div className="radio-row">
            <RadioOptions
              name="outcome"
              options={['submitted', 'failed'] as const}
              value={outcome}
              onChange={setOutcome}
              label={(o) => t(`assisted.${o}`)}
            />
          </div>
          {outcome === 'failed' ? (
            <input
              data-testid="assisted-reason"
              placeholder={t('dossiers.failureReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          ) : (
            <input
              placeholder={t('dossiers.reference')}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              data-testid="assisted-save"
              onClick={() => record.mutate(undefined)}
            >
              {t('dossiers.recordOutcome')}
            </button>
          </div>
          {record.error && <ErrorNotice error={record.error.apiError} testId="assisted-error" />}
        </div>
      )}
      <h3>{t('dossiers.timeline')}</h3>
      <ul className="history" data-testid="dossier-timeline">
        {d.events.map((e, i) => (
          <li key={i}>
            <span className="small muted">
              {when(e.at)} · {e.actor}
            </span>{' '}
            <span className="small">{describe(e.action, e.detail)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
