import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warningCatalog, type WarningCode } from '../../../electron/api/warnings';
import type { ScanRecord } from '../../../electron/api/scan-schemas';
import type { Warning } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { CallError, unwrap } from '../api/use-api';
import { formatDay } from '../format';
import { ErrorNotice } from './ErrorNotice';
import { OldIdSlipButton } from './OldIdSlipButton';

function WarningList({ warnings }: { warnings: Warning[] }) {
  const { i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" data-testid="citizen-warnings">
      {warnings.map((w) => (
        <li key={w.code} data-code={w.code}>
          {i18n.language === 'en' && w.code in warningCatalog
            ? warningCatalog[w.code as WarningCode].en
            : w.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The issue's latency: from the scan's last byte reaching the app (`receivedAt`, epoch ms, set in
 * the main process) to the card being on screen, measured in the page at the next frame.
 */
function useRenderLatency(scan: ScanRecord): void {
  useLayoutEffect(() => {
    const frame = requestAnimationFrame(() => {
      const latencyMs = performance.timeOrigin + performance.now() - scan.receivedAt;
      performance.mark('citizen-card-rendered', {
        detail: { scanId: scan.scanId, source: scan.source, latencyMs },
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [scan.scanId, scan.receivedAt, scan.source]);
}

/** Masked by default; showing the full number is a contract call that writes the audit log. */
function RevealableId({
  scan,
  masked,
  onRevealChange,
}: {
  scan: ScanRecord;
  masked: string;
  onRevealChange?: (revealed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  async function reveal() {
    try {
      setFull((await unwrap(motcua().intake.revealId({ scanId: scan.scanId }))).idNumber);
      setError(null);
      onRevealChange?.(true);
    } catch (e) {
      if (e instanceof CallError) setError(e);
      else throw e;
    }
  }
  return (
    <>
      <span data-testid="citizen-id" className="id-number">
        {full ?? masked}
      </span>{' '}
      <button
        type="button"
        className="link-button"
        data-testid={full ? 'hide-id' : 'reveal-id'}
        title={t('counter.revealHint')}
        onClick={() => {
          if (!full) return void reveal();
          setFull(null);
          onRevealChange?.(false);
        }}
      >
        {full ? t('counter.hideId') : t('counter.revealId')}
      </button>
      {error && <ErrorNotice error={error.apiError} />}
    </>
  );
}

const SOURCE_KEYS = {
  wedge: 'counter.sources.wedge',
  hid_pos: 'counter.sources.hid_pos',
  serial: 'counter.sources.serial',
  manual: 'counter.sources.manual',
} as const;

/** The citizen as read from the card, with a clear status; the ID number is masked on screen. */
export function CitizenCard({
  scan,
  onOpenDossier,
  onRevealChange,
}: {
  scan: ScanRecord;
  onOpenDossier?: () => void;
  /** Told when the clerk shows or hides the full ID number (autofill may type it only then). */
  onRevealChange?: (revealed: boolean) => void;
}) {
  const { t } = useTranslation();
  useRenderLatency(scan);
  const { result } = scan;
  const status = !result.ok ? 'error' : result.warnings.length > 0 ? 'warnings' : 'valid';
  const badge = { valid: 'badge-ok', warnings: 'badge-warn', error: 'badge-error' }[status];
  const label = {
    valid: t('counter.statusValid'),
    warnings: t('counter.statusWarnings'),
    error: t('counter.statusError'),
  }[status];
  return (
    <section
      className={`card citizen-card status-${status}`}
      data-testid="citizen-card"
      data-status={status}
      data-scan-id={scan.scanId}
    >
      <header className="card-header">
        <h2>{t('counter.citizen')}</h2>
        <span className={`badge ${badge}`}>{label}</span>
      </header>
      <p className="muted small" data-testid="citizen-source">
        {t(SOURCE_KEYS[scan.source])}
        {scan.source !== 'manual' && ` · ${scan.deviceLabel}`}
        {scan.repeats > 0 && (
          <span className="badge" data-testid="scan-repeats">
            {' '}
            {t('counter.repeats', { count: scan.repeats + 1 })}
          </span>
        )}
      </p>
      {!result.ok ? (
        <ErrorNotice error={result.error} testId="citizen-error" />
      ) : (
        <>
          <dl className="fields">
            <dt>{t('counter.fullName')}</dt>
            <dd className="citizen-name" data-testid="citizen-name">
              {result.citizen.fullName}
            </dd>
            <dt>{t('counter.idNumber')}</dt>
            <dd>
              <RevealableId
                key={scan.scanId}
                scan={scan}
                masked={scan.idNumberMasked ?? ''}
                {...(onRevealChange ? { onRevealChange } : {})}
              />
            </dd>
            <dt>{t('counter.oldIdNumber')}</dt>
            <dd data-testid="citizen-old-id">
              {result.citizen.oldIdNumber ?? t('counter.none')}
              {result.citizen.oldIdNumber && <OldIdSlipButton scanId={scan.scanId} />}
            </dd>
            <dt>{t('counter.dateOfBirth')}</dt>
            <dd data-testid="citizen-dob">{formatDay(result.citizen.dateOfBirth)}</dd>
            <dt>{t('counter.sex')}</dt>
            <dd>{result.citizen.sex === 'male' ? t('counter.male') : t('counter.female')}</dd>
            <dt>{t('counter.address')}</dt>
            <dd data-testid="citizen-address">{result.citizen.address}</dd>
            <dt>{t('counter.issueDate')}</dt>
            <dd>{formatDay(result.citizen.issueDate)}</dd>
            {result.citizen.extraFields.length > 0 && (
              <>
                <dt>{t('counter.extraFields')}</dt>
                <dd className="small">{result.citizen.extraFields.join(' | ')}</dd>
              </>
            )}
          </dl>
          <WarningList warnings={result.warnings} />
          {onOpenDossier && (
            <div className="actions">
              <button
                type="button"
                className="button primary"
                data-testid="open-dossier"
                onClick={onOpenDossier}
              >
                {t('counter.openDossier')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
