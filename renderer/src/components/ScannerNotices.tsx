import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCatalog } from '../../../electron/api/errors';
import type { AppEvent } from '../../../electron/api/events';
import { motcua } from '../api/motcua';
import { navigate } from '../navigation';

type Discarded = Extract<AppEvent, { type: 'scan.discarded' }>;
type Status = Extract<AppEvent, { type: 'device.status' }>;

/**
 * Wedge mode drops Vietnamese letters (scanners.md §1.3): once a wedge scan is seen, the clerk is
 * told, with the fix. Also tells of a scanner unplugged (mid-scan or not) and plugged back in.
 */
export function ScannerNotices({ wedgeSeen }: { wedgeSeen: boolean }) {
  const { t, i18n } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const [discarded, setDiscarded] = useState<Discarded | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [receiving, setReceiving] = useState<string | null>(null);
  useEffect(
    () =>
      motcua().onEvent((event) => {
        if (event.type === 'scan.receiving') setReceiving(event.deviceLabel);
        if (event.type === 'scan.discarded') {
          setDiscarded(event);
          setReceiving(null);
        }
        if (event.type === 'device.status') setStatus(event);
        if (event.type === 'scan.decoded') {
          setReceiving(null);
          if (event.scan.purpose === 'intake') setDiscarded(null);
        }
      }),
    [],
  );
  const en = i18n.language === 'en';
  return (
    <>
      {wedgeSeen && !dismissed && (
        <div className="notice notice-warn" role="status" data-testid="wedge-warning">
          <p>
            <strong>{t('counter.wedgeTitle')}</strong> {t('counter.wedgeBody')}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => navigate('devices')}>
              {t('counter.wedgeFix')}
            </button>
            <button type="button" className="link-button" onClick={() => setDismissed(true)}>
              {t('counter.dismiss')}
            </button>
          </div>
        </div>
      )}
      {receiving && (
        <p className="muted small" role="status" data-testid="scan-receiving">
          {t('counter.receiving', { label: receiving })}
        </p>
      )}
      {discarded && (
        <div className="notice notice-error" role="alert" data-testid="scan-discarded">
          <p>
            {discarded.deviceLabel}: {errorCatalog.SCAN_DISCARDED[en ? 'en' : 'vi']}
          </p>
        </div>
      )}
      {status && status.scanner.state !== 'connected' && (
        <div className="notice notice-warn" role="status" data-testid="device-status">
          <p>
            {status.scanner.label}: {status.scanner.error?.message ?? t('counter.deviceGone')}
          </p>
        </div>
      )}
      {status && status.scanner.state === 'connected' && (
        <p className="muted small" data-testid="device-status">
          {t('counter.deviceReady', { label: status.scanner.label })}
        </p>
      )}
    </>
  );
}
