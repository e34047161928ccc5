import { useTranslation } from 'react-i18next';
import type { RecipientStatus } from '../../../electron/api/calls/sync';
import type { ErrorCode } from '../../../electron/api/errors';
import { motcua } from '../api/motcua';
import { useApiMutation } from '../api/use-api';
import { formatDateTime, formatNumber } from '../format';
import { ErrorNotice } from './ErrorNotice';

/** One recipient: its state, its last error in plain words, pause/resume and remove. */
export function SyncRecipientCard({
  recipient: r,
  onChanged,
}: {
  recipient: RecipientStatus;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const toggle = useApiMutation(
    (enabled: boolean) => motcua().sync.setRecipientEnabled({ recipientId: r.id, enabled }),
    onChanged,
  );
  const remove = useApiMutation(
    () => motcua().sync.removeRecipient({ recipientId: r.id }),
    onChanged,
  );
  const skewMs = r.lastError?.details.skewMs;
  return (
    <article className="card sync-recipient" data-testid={`sync-recipient-${r.id}`}>
      <header className="card-header">
        <h3>
          {r.name} <span className="badge">{t(`sync.level.${r.level}`)}</span>{' '}
          <span className={r.enabled ? 'badge badge-ok' : 'badge badge-warn'}>
            {r.enabled ? t('sync.enabled') : t('sync.paused')}
          </span>
        </h3>
      </header>
      <dl className="fields">
        <dt>{t('sync.hubUrl')}</dt>
        <dd>
          <code>{r.url}</code> {r.tlsPinned && <span className="badge">{t('sync.pinned')}</span>}
        </dd>
        <dt>{t('sync.office')}</dt>
        <dd>{r.officeCode}</dd>
        <dt>{t('sync.lastSuccess')}</dt>
        <dd data-testid="recipient-last-success">
          {r.lastSuccessAt ? formatDateTime(r.lastSuccessAt) : t('sync.never')}
        </dd>
        <dt>{t('sync.backlog')}</dt>
        <dd data-testid="recipient-backlog">{formatNumber(r.backlog)}</dd>
        <dt>{t('sync.acknowledged')}</dt>
        <dd>{formatNumber(r.rowsAcknowledged)}</dd>
        {r.nextAttemptAt && r.lastError && (
          <>
            <dt>{t('sync.nextAttempt')}</dt>
            <dd data-testid="recipient-next-attempt">{formatDateTime(r.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      {r.lastError && (
        <ErrorNotice
          testId="recipient-error"
          error={{ code: r.lastError.code as ErrorCode, message: r.lastError.message }}
        />
      )}
      {typeof skewMs === 'number' && (
        <p className="notice notice-warn" data-testid="recipient-clock-skew">
          {t('sync.clockSkew', { minutes: Math.round(skewMs / 60_000) })}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="recipient-toggle"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate(!r.enabled)}
        >
          {r.enabled ? t('sync.pause') : t('sync.resume')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="recipient-remove"
          disabled={remove.isPending}
          onClick={() => window.confirm(t('sync.confirmRemove')) && remove.mutate(undefined)}
        >
          {t('sync.remove')}
        </button>
      </div>
    </article>
  );
}
