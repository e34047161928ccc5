import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEDGE_SETTINGS, type ProfileInput } from '../../../../electron/api/device-schemas';
import type { ScanRecord } from '../../../../electron/api/scan-schemas';
import { motcua } from '../../api/motcua';
import { CallError, unwrap } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { submitWedgeScan, useLatestScan } from '../../scan/scan-api';
import { useWedgeCapture } from '../../scan/use-wedge-capture';
import { hexRows, looksGarbled, nonAsciiCharacters } from './hex-dump';

/** A profile to save for the scanner the test scan came through, with wedge thresholds fitted. */
export function profileFromTestScan(scan: ScanRecord, label: string): ProfileInput | null {
  if (scan.source === 'wedge') {
    const stats = scan.transport.wedge;
    return {
      deviceKey: 'wedge',
      mode: 'wedge',
      label,
      settings: {
        // Twice the slowest gap seen, within sane bounds: tolerant of this scanner, not of people.
        interKeyGapMs: Math.min(100, Math.max(20, Math.ceil((stats?.maxGapMs ?? 15) * 2))),
        minLength: DEFAULT_WEDGE_SETTINGS.minLength,
        prefixKeys: stats?.prefix ? [stats.prefix] : [],
        suffixKeys: stats?.suffix ? [stats.suffix] : [],
      },
    };
  }
  if (scan.source === 'hid_pos') {
    return { deviceKey: scan.deviceKey, mode: 'hid_pos', label, settings: { layout: 'auto' } };
  }
  return null; // serial scanners already have their profile; manual text has no device
}

/**
 * While the wizard waits, the person has said "I am about to scan": thresholds can be loose, so a
 * slow wedge scanner (or one set to inter-character delays) is still caught and measured.
 */
const TEST_WEDGE_SETTINGS = {
  ...DEFAULT_WEDGE_SETTINGS,
  interKeyGapMs: 150,
  minLength: 4,
};

const MODE_KEYS = {
  wedge: 'devices.modes.wedge',
  hid_pos: 'devices.modes.hid_pos',
  serial: 'devices.modes.serial',
  manual: 'devices.modes.manual',
} as const;

/** "Scan a test code now": which device and mode it came through, raw bytes beside the text. */
export function ScanTestWizard({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState(false);
  const [scan, setScan] = useLatestScan('test');
  const [label, setLabel] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
    } catch (e) {
      if (e instanceof CallError) setError(e);
      else throw e;
    }
  };
  useWedgeCapture({
    enabled: waiting,
    settings: TEST_WEDGE_SETTINGS,
    onScan: (captured) => void run(() => submitWedgeScan(captured, 'test')),
  });
  if (waiting && scan) {
    setWaiting(false);
    setLabel(scan.deviceLabel);
  }

  const start = () =>
    run(async () => {
      setScan(null);
      setSaved(false);
      await unwrap(motcua().devices.armTestScan({ timeoutMs: 120_000 }));
      setWaiting(true);
    });
  const stop = () =>
    run(async () => {
      setWaiting(false);
      await unwrap(motcua().devices.disarmTestScan());
    });
  const profile = scan ? profileFromTestScan(scan, label.trim() || scan.deviceLabel) : null;
  const save = () =>
    run(async () => {
      if (!profile) return;
      await unwrap(motcua().devices.saveProfile(profile));
      setSaved(true);
      onSaved();
    });

  return (
    <section className="card" data-testid="scan-test">
      <header className="card-header">
        <h2>{t('devices.testTitle')}</h2>
        {waiting ? (
          <button type="button" className="button" onClick={() => void stop()}>
            {t('devices.testCancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="scan-test-start"
            onClick={() => void start()}
          >
            {t('devices.testStart')}
          </button>
        )}
      </header>
      {waiting && (
        <p className="notice notice-ok" data-testid="scan-test-waiting">
          {t('devices.testWaiting')}
        </p>
      )}
      {error && <ErrorNotice error={error.apiError} />}
      {scan && !waiting && (
        <div data-testid="scan-test-result" data-source={scan.source}>
          <dl className="fields">
            <dt>{t('devices.mode')}</dt>
            <dd data-testid="scan-test-mode">{t(MODE_KEYS[scan.source])}</dd>
            <dt>{t('devices.device')}</dt>
            <dd>
              {scan.deviceLabel} <code className="small">{scan.deviceKey}</code>
            </dd>
            <dt>{t('devices.transport')}</dt>
            <dd className="small">
              {scan.transport.wedge
                ? t('devices.wedgeStats', scan.transport.wedge)
                : [
                    scan.transport.layout && `${t('devices.layout')}: ${scan.transport.layout}`,
                    scan.transport.aim && `AIM ${scan.transport.aim}`,
                    scan.transport.reports !== null &&
                      t('devices.reports', { count: scan.transport.reports }),
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
            </dd>
            <dt>{t('devices.decoded')}</dt>
            <dd data-testid="scan-test-verdict">
              {scan.result.ok
                ? `${t('devices.verdictOk')}: ${scan.result.citizen.fullName}`
                : `${scan.result.error.code}: ${scan.result.error.message}`}
            </dd>
          </dl>
          {looksGarbled(scan.rawText) && (
            <p className="notice notice-warn" data-testid="scan-test-garbled">
              {t('devices.garbled')}
            </p>
          )}
          <div className="hex-view">
            <pre data-testid="scan-test-hex" aria-label={t('devices.hex')}>
              {hexRows(scan.bytesHex)
                .map((r) => `${r.offset}  ${r.hex.padEnd(47)}  ${r.ascii}`)
                .join('\n')}
            </pre>
            <div>
              <p className="small muted">
                {t('devices.text')} ({t('devices.bytes', { count: scan.byteLength })})
              </p>
              <p className="raw-text" data-testid="scan-test-text">
                {scan.rawText}
              </p>
              <ul className="char-bytes small">
                {nonAsciiCharacters(scan.rawText).map((c) => (
                  <li key={c.char}>
                    <strong>{c.char}</strong> <code>{c.utf8}</code>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {profile && (
            <div className="actions">
              <input
                aria-label={t('devices.label')}
                data-testid="scan-test-label"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
              <button
                type="button"
                className="button primary"
                data-testid="scan-test-save"
                onClick={() => void save()}
              >
                {t('devices.saveProfile')}
              </button>
              {saved && (
                <span className="badge badge-ok" data-testid="scan-test-saved">
                  {t('devices.saved')}
                </span>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
