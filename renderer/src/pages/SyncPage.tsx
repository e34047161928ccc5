import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRun } from '../../../electron/api/calls/sync';
import type { AppEvent } from '../../../electron/api/events';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { SyncEnrollForm } from '../components/SyncEnrollForm';
import { SyncRecipientCard } from '../components/SyncRecipientCard';
import { SyncSettingsForm } from '../components/SyncSettingsForm';
import { formatDateTime, formatNumber } from '../format';

const STATUS_KEY = ['sync.status'] as const;
type Progress = Extract<AppEvent, { type: 'sync.progress' }>;

/** Đồng bộ: what is waiting, what reached the upper level, why not, and "sync now". */
export function SyncPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: STATUS_KEY });
  const status = useApiQuery(STATUS_KEY, () => motcua().sync.status(), { refetchInterval: 30_000 });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [lastRun, setLastRun] = useState<SyncRun | null>(null);
  const [keyShown, setKeyShown] = useState(false);

  // Events while a run goes on, whoever started it (this button, the timer, the CLI is separate).
  useEffect(
    () =>
      motcua().onEvent((event) => {
        if (event.type !== 'sync.progress') return;
        setProgress(event.phase === 'started' || event.phase === 'batch' ? event : null);
        if (event.phase !== 'started') void client.invalidateQueries({ queryKey: STATUS_KEY });
      }),
    [client],
  );

  const syncNow = useApiMutation(
    () => motcua().sync.now(),
    (run) => {
      setLastRun(run);
      refresh();
    },
  );
  const rotate = useApiMutation(() => motcua().sync.rotateKey(), refresh);

  if (status.error) return <ErrorNotice error={status.error.apiError} />;
  const s = status.data;
  if (!s) return <p className="muted">{t('app.loading')}</p>;
  const acknowledged = lastRun?.results.reduce((n, r) => n + r.acknowledged, 0) ?? 0;

  return (
    <div className="page sync-page" data-testid="sync-page">
      <h1>{t('sync.title')}</h1>
      <p className="muted">{t('sync.intro')}</p>
      <section className="card">
        <dl className="fields">
          <dt>{t('sync.office')}</dt>
          <dd data-testid="sync-office">{s.office ?? '—'}</dd>
          <dt>{t('sync.backlog')}</dt>
          <dd data-testid="sync-backlog">{formatNumber(s.backlog)}</dd>
          <dt>{t('sync.lastSuccess')}</dt>
          <dd data-testid="sync-last-success">
            {s.lastSuccessAt ? formatDateTime(s.lastSuccessAt) : t('sync.never')}
          </dd>
        </dl>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            data-testid="sync-now"
            disabled={!s.configured || syncNow.isPending}
            onClick={() => {
              setLastRun(null);
              syncNow.mutate(undefined);
            }}
          >
            {t('sync.now')}
          </button>
        </div>
        {progress && (
          <p className="notice" role="status" data-testid="sync-progress">
            {t('sync.running', { acknowledged: progress.acknowledged, backlog: progress.backlog })}
          </p>
        )}
        {syncNow.error && <ErrorNotice testId="sync-now-error" error={syncNow.error.apiError} />}
        {lastRun && (
          <p
            className={
              lastRun.results.every((r) => r.ok) ? 'notice notice-ok' : 'notice notice-warn'
            }
            role="status"
            data-testid="sync-result"
            data-ok={String(lastRun.results.every((r) => r.ok))}
          >
            {lastRun.results.every((r) => r.ok)
              ? t('sync.runOk', { acknowledged })
              : t('sync.runFailed')}
          </p>
        )}
      </section>

      <h2>{t('sync.recipients')}</h2>
      {s.recipients.length === 0 && <p className="muted">{t('sync.noRecipients')}</p>}
      {s.recipients.map((r) => (
        <SyncRecipientCard key={r.id} recipient={r} onChanged={refresh} />
      ))}

      <SyncEnrollForm onEnrolled={refresh} />
      <SyncSettingsForm initial={s.settings} onSaved={refresh} />

      <section className="card" data-testid="sync-key">
        <h2>{t('sync.key')}</h2>
        <p className="muted small">{t('sync.keyHint')}</p>
        {s.key && (
          <p>
            {t('sync.fingerprint')}: <code data-testid="sync-fingerprint">{s.key.fingerprint}</code>
          </p>
        )}
        {keyShown && s.key && (
          <pre className="key" data-testid="sync-public-key">
            {s.key.publicKey}
          </pre>
        )}
        <div className="actions">
          <button
            type="button"
            className="button"
            data-testid="sync-show-key"
            onClick={async () => {
              await motcua().sync.publicKey();
              setKeyShown(true);
              refresh();
            }}
          >
            {t('sync.showKey')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="sync-rotate"
            disabled={!s.configured || rotate.isPending}
            onClick={() => window.confirm(t('sync.confirmRotate')) && rotate.mutate(undefined)}
          >
            {t('sync.rotate')}
          </button>
        </div>
        {rotate.data && (
          <p className="notice notice-ok" role="status" data-testid="sync-rotated">
            {t('sync.rotated', { keyId: rotate.data.keyId })}
          </p>
        )}
        {rotate.error && <ErrorNotice error={rotate.error.apiError} />}
      </section>
    </div>
  );
}
