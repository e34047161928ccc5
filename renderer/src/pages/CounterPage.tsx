import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierChannel } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { CallError, unwrap, useApiMutation, useApiQuery, useServiceEvents } from '../api/use-api';
import { ChipPanel } from '../components/ChipPanel';
import { AutofillButton } from '../components/AutofillButton';
import { CitizenCard, type CardState } from '../components/CitizenCard';
import { ErrorNotice } from '../components/ErrorNotice';
import { RECENT_KEY, TODAY_KEY, TodayPanel } from '../components/TodayPanel';
import { navigate } from '../navigation';

const CHANNELS: DossierChannel[] = ['in_person', 'online_assisted', 'postal'];
const EVENT_KEYS = { 'dossier.created': [TODAY_KEY, RECENT_KEY] } as const;

/** Quầy tiếp nhận: read the card's QR, pick the procedure, receive the dossier. */
export function CounterPage() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const [qrText, setQrText] = useState('');
  const [card, setCard] = useState<CardState | null>(null);
  const [procedureKey, setProcedureKey] = useState('');
  const [channel, setChannel] = useState<DossierChannel>('in_person');
  const [savedCode, setSavedCode] = useState<string | null>(null);

  const procedures = useApiQuery(['procedures.list'], () => motcua().procedures.list());
  const office = useApiQuery(['settings.getOffice'], () => motcua().settings.getOffice());
  const create = useApiMutation(
    (input: Parameters<ReturnType<typeof motcua>['dossiers']['create']>[0]) =>
      motcua().dossiers.create(input),
    (dossier) => {
      setSavedCode(dossier.code);
      setQrText('');
      setCard(null);
    },
  );

  async function readQr(event?: FormEvent) {
    event?.preventDefault();
    setSavedCode(null);
    try {
      setCard({ kind: 'citizen', ...(await unwrap(motcua().intake.parseQr({ text: qrText }))) });
    } catch (error) {
      if (error instanceof CallError) setCard({ kind: 'error', error: error.apiError });
      else throw error;
    }
  }

  function save() {
    if (card?.kind !== 'citizen' || procedureKey === '') return;
    const { extraFields: _extra, ...citizen } = card.citizen;
    create.mutate({ procedureKey, channel, citizen });
  }

  const canSave =
    card?.kind === 'citizen' && procedureKey !== '' && !create.isPending && office.data !== null;

  return (
    <div className="page counter-page" data-testid="counter-page">
      <h1>{t('counter.title')}</h1>
      {office.data === null && (
        <div className="notice notice-warn" data-testid="office-missing">
          <p>{t('counter.officeMissing')}</p>
          <button type="button" className="button" onClick={() => navigate('settings')}>
            {t('counter.goToSettings')}
          </button>
        </div>
      )}
      <div className="columns">
        <div className="column">
          <form className="card" onSubmit={(e) => void readQr(e)}>
            <label htmlFor="qr-input">{t('counter.qrLabel')}</label>
            <textarea
              id="qr-input"
              data-testid="qr-input"
              rows={3}
              value={qrText}
              placeholder={t('counter.qrPlaceholder')}
              onChange={(e) => setQrText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) void readQr(e);
              }}
              spellCheck={false}
              autoComplete="off"
            />
            <div className="actions">
              <button
                type="submit"
                className="button primary"
                data-testid="qr-read"
                disabled={qrText.trim() === ''}
              >
                {t('counter.read')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setQrText('');
                  setCard(null);
                }}
              >
                {t('counter.clear')}
              </button>
            </div>
          </form>
          {card && <CitizenCard state={card} />}
          <ChipPanel citizen={card?.kind === 'citizen' ? card.citizen : null} />
          {/* Integration point: the intake page passes its reveal state (audit-logged there). */}
          {card?.kind === 'citizen' && <AutofillButton citizen={card.citizen} idRevealed={false} />}
          {card?.kind === 'citizen' && (
            <section className="card" data-testid="dossier-form">
              <label htmlFor="procedure">{t('counter.procedure')}</label>
              <select
                id="procedure"
                data-testid="procedure-select"
                value={procedureKey}
                onChange={(e) => setProcedureKey(e.target.value)}
              >
                <option value="">{t('counter.chooseProcedure')}</option>
                {procedures.data?.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.seq}. {p.name}
                  </option>
                ))}
              </select>
              <fieldset className="radio-row">
                <legend>{t('counter.channel')}</legend>
                {CHANNELS.map((c) => (
                  <label key={c}>
                    <input
                      type="radio"
                      name="channel"
                      value={c}
                      checked={channel === c}
                      onChange={() => setChannel(c)}
                    />
                    {t(`counter.channels.${c}`)}
                  </label>
                ))}
              </fieldset>
              <div className="actions">
                <button
                  type="button"
                  className="button primary"
                  data-testid="dossier-save"
                  disabled={!canSave}
                  onClick={save}
                >
                  {create.isPending ? t('counter.saving') : t('counter.save')}
                </button>
              </div>
              {create.error && <ErrorNotice error={create.error.apiError} testId="dossier-error" />}
            </section>
          )}
          {savedCode && (
            <div className="notice notice-ok" role="status" data-testid="dossier-saved">
              {t('counter.saved', { code: savedCode })}
            </div>
          )}
        </div>
        <div className="column">
          <TodayPanel />
        </div>
      </div>
    </div>
  );
}
