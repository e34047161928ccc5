import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessKeyInput, ChipReadResult } from '../../../electron/api/calls/chip';
import type { ApiError } from '../../../electron/api/errors';
import type { AppEvent } from '../../../electron/api/events';
import type { Citizen } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { useApiQuery, useServiceEvents } from '../api/use-api';
import { ChipResultView } from './chip/ChipResultView';
import { ErrorNotice } from './ErrorNotice';
import { RadioOptions } from './RadioOptions';
import './chip/chip.css';

type Progress = Extract<AppEvent, { type: 'chip.progress' }>;
const STATUS_KEY = ['chip.status'] as const;
const EVENT_KEYS = { 'chip.readers': [STATUS_KEY], 'chip.card': [STATUS_KEY] } as const;

function qrOnly(citizen: Citizen & { extraFields?: unknown }): Citizen {
  const { extraFields: _extra, ...rest } = citizen;
  return rest;
}

type QrCitizen = (Citizen & { extraFields?: unknown }) | null;

/**
 * The chip of the ID card at the counter: reader state, the access key (CAN derived from the QR,
 * or typed, or the MRZ when there is no QR), read progress, then the verdict, the photo and the
 * chip's record beside the QR's. Reads by itself when a card is placed after a QR scan. A new
 * QR (another citizen) starts a fresh panel.
 */
export function ChipPanel({ citizen }: { citizen: QrCitizen }) {
  return <ChipPanelForCitizen key={citizen?.idNumber ?? 'manual'} citizen={citizen} />;
}

function ChipPanelForCitizen({ citizen }: { citizen: QrCitizen }) {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const status = useApiQuery(STATUS_KEY, () => motcua().chip.status(), {
    refetchInterval: (query) => (query.state.data?.service === 'unavailable' ? 5000 : false),
  });
  const [mode, setMode] = useState<'can' | 'mrz'>('can');
  const [can, setCan] = useState(citizen ? citizen.idNumber.slice(6) : '');
  const [mrz, setMrz] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ChipReadResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reading, setReading] = useState(false);
  /** A placed card is read once; lifting and placing it again (or a new QR) re-arms. */
  const armed = useRef(true);

  const key = useMemo<AccessKeyInput | null>(() => {
    if (mode === 'can') return /^\d{6}$/.test(can) ? { kind: 'can', can } : null;
    return mrz.replace(/\s+/g, '').length >= 88 ? { kind: 'mrz', mrz } : null;
  }, [mode, can, mrz]);

  const read = useCallback(
    async (confirmRetry = false) => {
      if (!key || reading) return;
      armed.current = false;
      setReading(true);
      setError(null);
      setResult(null);
      setProgress(null);
      const answer = await motcua().chip.read({
        key,
        ...(citizen ? { qr: qrOnly(citizen) } : {}),
        confirmRetry,
      });
      setReading(false);
      if (answer.ok) setResult(answer.value);
      else setError(answer.error);
    },
    [key, reading, citizen],
  );

  const cardPresent = status.data?.readers.some((r) => r.cardPresent) ?? false;
  useEffect(
    () =>
      motcua().onEvent((event) => {
        if (event.type === 'chip.progress') setProgress(event);
        if (event.type === 'chip.card' && event.present) armed.current = true;
        // A vendor reader's middleware pushed a card: show it like our own read.
        if (event.type === 'chip.vendorRecord') {
          setError(null);
          setResult(event.result);
        }
      }),
    [],
  );
  useEffect(() => {
    if (cardPresent && citizen && key && armed.current && !reading) void read();
  }, [cardPresent, citizen, key, reading, read]);

  const service = status.data?.service ?? 'starting';
  const readers = status.data?.readers ?? [];
  return (
    <section
      className="card chip-panel"
      data-testid="chip-panel"
      data-service={service}
      data-card={cardPresent}
    >
      <header className="card-header">
        <h2>{t('chip.title')}</h2>
        <span
          className={`badge ${service === 'ready' ? 'badge-ok' : 'badge-warn'}`}
          data-testid="chip-service"
        >
          {t(`chip.service.${service}`)}
        </span>
      </header>
      {service === 'ready' && readers.length === 0 && <p className="muted">{t('chip.noReader')}</p>}
      {readers.map((r) => (
        <div
          className="reader-line small"
          key={r.name}
          data-testid="chip-reader"
          data-present={r.cardPresent}
        >
          <span>{r.name}</span>
          <span className={`badge ${r.cardPresent ? 'badge-ok' : ''}`}>
            {r.cardPresent ? t('chip.cardPresent') : t('chip.cardAbsent')}
          </span>
        </div>
      ))}
      <fieldset className="key-mode radio-row">
        <legend>{t('chip.keyMode')}</legend>
        <RadioOptions
          name="chip-key"
          options={['can', 'mrz'] as const}
          value={mode}
          onChange={setMode}
          label={(m) => t(m === 'can' ? 'chip.keyCan' : 'chip.keyMrz')}
          testId={(m) => `chip-mode-${m}`}
        />
      </fieldset>
      {mode === 'can' ? (
        <div className="form-row">
          <label htmlFor="chip-can">{t('chip.canLabel')}</label>
          <input
            id="chip-can"
            data-testid="chip-can"
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
            value={can}
            onChange={(e) => setCan(e.target.value.replace(/\D/g, ''))}
          />
          {citizen && <span className="muted small">{t('chip.canFromQr')}</span>}
        </div>
      ) : (
        <div className="form-row">
          <label htmlFor="chip-mrz">{t('chip.mrzLabel')}</label>
          <textarea
            id="chip-mrz"
            data-testid="chip-mrz"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('chip.mrzPlaceholder')}
            value={mrz}
            onChange={(e) => setMrz(e.target.value.toUpperCase())}
          />
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="chip-read"
          disabled={!key || reading || service !== 'ready'}
          onClick={() => void read()}
        >
          {t('chip.read')}
        </button>
        {reading && (
          <button
            type="button"
            className="button"
            data-testid="chip-cancel"
            onClick={() => void motcua().chip.cancel()}
          >
            {t('chip.cancel')}
          </button>
        )}
      </div>
      {!reading && !result && !error && service === 'ready' && !cardPresent && (
        <p className="muted">{t('chip.placeCard')}</p>
      )}
      {reading && (
        <div data-testid="chip-progress" aria-live="polite">
          <p className="small">
            {progress
              ? t(`chip.steps.${progress.step}`, { file: progress.file ?? '' })
              : t('chip.reading')}
          </p>
          <div className="chip-progress">
            <span style={{ width: `${progress?.percent ?? 2}%` }} />
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} testId="chip-error" />}
      {error?.code === 'CHIP_KEY_RETRY_NEEDS_CONFIRMATION' && (
        <button
          type="button"
          className="button"
          data-testid="chip-retry-confirm"
          onClick={() => void read(true)}
        >
          {t('chip.retryConfirm')}
        </button>
      )}
      {result && <ChipResultView result={result} qr={citizen ? qrOnly(citizen) : null} />}
    </section>
  );
}
