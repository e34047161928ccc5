import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../electron/api/errors';
import { motcua } from '../../api/motcua';
import { useApiQuery, useServiceEvents } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { bytesToBase64 } from '../../files';
import '../../components/chip/chip.css';

const STATUS_KEY = ['chip.status'] as const;
const TRUST_KEY = ['chip.trustList'] as const;
const EVENT_KEYS = { 'chip.readers': [STATUS_KEY], 'chip.card': [STATUS_KEY] } as const;

/** Devices page panel: PC/SC readers and the CSCA trust store used to verify chips. */
export function CardReadersPanel() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const status = useApiQuery(STATUS_KEY, () => motcua().chip.status());
  const trust = useApiQuery(TRUST_KEY, () => motcua().chip.trustList());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(null);
    setError(null);
    const answer = await motcua().chip.trustImport({
      fileName: file.name,
      contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
    });
    if (answer.ok) {
      setMessage(
        t('chip.trust.imported', {
          count: answer.value.imported,
          existing: answer.value.alreadyPresent,
        }),
      );
      void trust.refetch();
    } else setError(answer.error);
  }

  async function remove(fingerprint: string) {
    await motcua().chip.trustRemove({ fingerprint });
    void trust.refetch();
  }

  const service = status.data?.service ?? 'starting';
  return (
    <div className="column" data-testid="card-readers-panel">
      <section className="card">
        <header className="card-header">
          <h2>{t('chip.readers.title')}</h2>
          <span
            className={`badge ${service === 'ready' ? 'badge-ok' : 'badge-warn'}`}
            data-testid="readers-service"
          >
            {t(`chip.service.${service}`)}
          </span>
        </header>
        <table className="table compact" data-testid="readers-table">
          <tbody>
            {(status.data?.readers ?? []).map((r) => (
              <tr key={r.name} data-testid="reader-row">
                <td>{r.name}</td>
                <td>{r.cardPresent ? t('chip.cardPresent') : t('chip.cardAbsent')}</td>
                <td className="muted small">
                  {r.extendedLength ? t('chip.readers.extended') : t('chip.readers.short')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {status.data && status.data.readers.length === 0 && (
          <p className="muted">{t('chip.readers.none')}</p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={() => void status.refetch()}>
            {t('chip.readers.refresh')}
          </button>
        </div>
      </section>
      <section className="card">
        <h2>{t('chip.trust.title')}</h2>
        <p className="muted small">{t('chip.trust.hint')}</p>
        <label className="button" style={{ alignSelf: 'flex-start' }}>
          {t('chip.trust.import')}
          <input
            type="file"
            hidden
            data-testid="trust-import"
            accept=".pem,.crt,.cer,.der,.ml,.bin"
            onChange={(e) => void importFile(e)}
          />
        </label>
        {message && (
          <div className="notice notice-ok" role="status" data-testid="trust-imported">
            {message}
          </div>
        )}
        {error && <ErrorNotice error={error} testId="trust-error" />}
        {trust.data && trust.data.length === 0 && <p className="muted">{t('chip.trust.empty')}</p>}
        {trust.data && trust.data.length > 0 && (
          <table className="table compact" data-testid="trust-table">
            <thead>
              <tr>
                <th>{t('chip.trust.subject')}</th>
                <th>{t('chip.trust.validTo')}</th>
                <th>{t('chip.trust.source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {trust.data.map((a) => (
                <tr key={a.fingerprint} data-testid="trust-row">
                  <td>{a.subject.replace(/\n/g, ', ')}</td>
                  <td>
                    {new Date(a.validTo).toLocaleDateString('vi-VN', {
                      timeZone: 'Asia/Ho_Chi_Minh',
                    })}
                  </td>
                  <td>{a.source}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      onClick={() => void remove(a.fingerprint)}
                    >
                      {t('chip.trust.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
