import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEDGE_SETTINGS } from '../../../electron/api/device-schemas';
import type { ScanRecord } from '../../../electron/api/scan-schemas';
import { motcua } from '../api/motcua';
import { CallError, useApiQuery, useServiceEvents } from '../api/use-api';
import { AutofillButton } from '../components/AutofillButton';
import { ChipPanel } from '../components/ChipPanel';
import { CitizenCard } from '../components/CitizenCard';
import { DossierForm } from '../components/DossierForm';
import { ErrorNotice } from '../components/ErrorNotice';
import { ScanHistory } from '../components/ScanHistory';
import { ScannerNotices } from '../components/ScannerNotices';
import { RECENT_KEY, TODAY_KEY, TodayPanel } from '../components/TodayPanel';
import { navigate } from '../navigation';
import {
  RECENT_SCANS_KEY,
  submitManualScan,
  submitWedgeScan,
  useLatestScan,
  WEDGE_SETTINGS_KEY,
} from '../scan/scan-api';
import { useWedgeCapture } from '../scan/use-wedge-capture';

const EVENT_KEYS = {
  'dossier.created': [TODAY_KEY, RECENT_KEY],
  'devices.changed': [WEDGE_SETTINGS_KEY],
} as const;

/**
 * Quầy tiếp nhận: a scan from any scanner (wedge keystrokes on this page, HID POS and serial
 * through the main process) shows the citizen card; one click opens the dossier for it.
 */
export function CounterPage() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const [latest, setScan] = useLatestScan('intake');
  // Back on the page (or a scan that came while another page was open): the session's newest.
  const recent = useApiQuery(RECENT_SCANS_KEY, () => motcua().intake.recentScans(), {
    staleTime: 0,
  });
  const scan = latest ?? recent.data?.[0] ?? null;
  const [qrText, setQrText] = useState('');
  const [dossierFor, setDossierFor] = useState<string | null>(null);
  const [savedCode, setSavedCode] = useState<string | null>(null);
  const [wedgeSeen, setWedgeSeen] = useState(false);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [revealedScan, setRevealedScan] = useState<string | null>(null);
  const office = useApiQuery(['settings.getOffice'], () => motcua().settings.getOffice());
  const wedge = useApiQuery(WEDGE_SETTINGS_KEY, () => motcua().devices.wedgeSettings());

  function show(next: ScanRecord) {
    setScan(next);
    setSavedCode(null);
    setFailure(null);
  }
  async function submit(work: () => Promise<ScanRecord>) {
    try {
      show(await work());
    } catch (error) {
      if (error instanceof CallError) setFailure(error);
      else throw error;
    }
  }

  useWedgeCapture({
    enabled: true,
    settings: wedge.data ?? DEFAULT_WEDGE_SETTINGS,
    onScan: (captured) => {
      setWedgeSeen(true);
      void submit(() => submitWedgeScan(captured, 'intake'));
    },
  });

  function readManual(event?: FormEvent) {
    event?.preventDefault();
    if (qrText.trim() === '') return;
    void submit(() => submitManualScan(qrText));
  }

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
      <ScannerNotices wedgeSeen={wedgeSeen || scan?.source === 'wedge'} />
      <div className="columns">
        <div className="column">
          {!scan && (
            <p className="scan-prompt" data-testid="scan-prompt">
              {t('counter.scanPrompt')}
            </p>
          )}
          {failure && <ErrorNotice error={failure.apiError} />}
          {scan && (
            <CitizenCard
              scan={scan}
              onOpenDossier={scan.result.ok ? () => setDossierFor(scan.scanId) : undefined}
              onRevealChange={(revealed) => setRevealedScan(revealed ? scan.scanId : null)}
            />
          )}
          {scan?.result.ok && (
            <AutofillButton
              citizen={scan.result.citizen}
              idRevealed={revealedScan === scan.scanId}
            />
          )}
          <ChipPanel citizen={scan?.result.ok ? scan.result.citizen : null} />
          {scan?.result.ok && dossierFor === scan.scanId && (
            <DossierForm
              key={scan.scanId}
              citizen={scan.result.citizen}
              onSaved={(code) => {
                setSavedCode(code);
                setDossierFor(null);
              }}
            />
          )}
          {savedCode && (
            <div className="notice notice-ok" role="status" data-testid="dossier-saved">
              {t('counter.saved', { code: savedCode })}
            </div>
          )}
          <form className="card manual-entry" onSubmit={readManual}>
            <label htmlFor="qr-input">{t('counter.qrLabel')}</label>
            <textarea
              id="qr-input"
              data-testid="qr-input"
              rows={2}
              value={qrText}
              placeholder={t('counter.qrPlaceholder')}
              onChange={(e) => setQrText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) readManual(e);
              }}
              spellCheck={false}
              autoComplete="off"
            />
            <div className="actions">
              <button
                type="submit"
                className="button"
                data-testid="qr-read"
                disabled={qrText.trim() === ''}
              >
                {t('counter.read')}
              </button>
              <button type="button" className="link-button" onClick={() => setQrText('')}>
                {t('counter.clear')}
              </button>
            </div>
          </form>
        </div>
        <div className="column">
          <ScanHistory currentId={scan?.scanId ?? null} onPick={show} />
          <TodayPanel />
        </div>
      </div>
    </div>
  );
}
