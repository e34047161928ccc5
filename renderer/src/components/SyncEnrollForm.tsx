import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientLevel } from '../../../electron/api/calls/sync';
import { motcua } from '../api/motcua';
import { useApiMutation } from '../api/use-api';
import { ErrorNotice } from './ErrorNotice';

const LEVELS: RecipientLevel[] = ['commune', 'province', 'national', 'sector'];

/** Hub address + one-time code from the upper level (`hub enroll`). */
export function SyncEnrollForm({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<RecipientLevel>('commune');
  const [tlsPin, setTlsPin] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const enroll = useApiMutation(
    () =>
      motcua().sync.enroll({
        hubUrl,
        level,
        ...(code ? { code } : {}),
        ...(name ? { name } : {}),
        ...(tlsPin ? { tlsPinSha256: tlsPin } : {}),
      }),
    (recipient) => {
      setDone(recipient.name);
      setCode('');
      onEnrolled();
    },
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    enroll.mutate(undefined);
  }
  const field = (id: string, label: string, value: string, set: (v: string) => void, ph = '') => (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        value={value}
        placeholder={ph}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );
  return (
    <form className="card" onSubmit={submit} data-testid="sync-enroll-form">
      <h2>{t('sync.enroll')}</h2>
      <p className="muted small">{t('sync.enrollHint')}</p>
      {field('enroll-hub-url', t('sync.hubUrl'), hubUrl, setHubUrl, 'https://dongbo.xa.gov.vn/')}
      {field('enroll-code', t('sync.code'), code, setCode, 'XXXX-XXXX-XXXX')}
      {field('enroll-name', t('sync.name'), name, setName)}
      <div className="form-row">
        <label htmlFor="enroll-level">{t('sync.levelLabel')}</label>
        <select
          id="enroll-level"
          data-testid="enroll-level"
          value={level}
          onChange={(e) => setLevel(e.target.value as RecipientLevel)}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`sync.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {field('enroll-tls-pin', t('sync.tlsPin'), tlsPin, setTlsPin)}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          data-testid="enroll-submit"
          disabled={enroll.isPending || hubUrl.trim() === ''}
        >
          {t('sync.submitEnroll')}
        </button>
      </div>
      {enroll.error && <ErrorNotice testId="enroll-error" error={enroll.error.apiError} />}
      {done && (
        <p className="notice notice-ok" role="status" data-testid="enroll-done">
          {t('sync.enrolled', { name: done })}
        </p>
      )}
    </form>
  );
}
