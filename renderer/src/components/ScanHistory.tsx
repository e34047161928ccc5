import { useTranslation } from 'react-i18next';
import type { ScanRecord } from '../../../electron/api/scan-schemas';
import { motcua } from '../api/motcua';
import { useApiQuery } from '../api/use-api';
import { RECENT_SCANS_KEY } from '../scan/scan-api';

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The last 20 scans of this session: one click shows a card again (the clerk's quick re-use). */
export function ScanHistory({
  currentId,
  onPick,
}: {
  currentId: string | null;
  onPick: (scan: ScanRecord) => void;
}) {
  const { t } = useTranslation();
  const recent = useApiQuery(RECENT_SCANS_KEY, () => motcua().intake.recentScans(), {
    staleTime: 0,
  });
  if (!recent.data || recent.data.length === 0) return null;
  return (
    <section className="card" data-testid="scan-history">
      <h2>{t('counter.recentScans', { count: recent.data.length })}</h2>
      <ul className="scan-list">
        {recent.data.map((s) => (
          <li key={s.scanId}>
            <button
              type="button"
              className={s.scanId === currentId ? 'scan-item active' : 'scan-item'}
              data-testid="scan-history-item"
              data-status={s.result.ok ? 'ok' : 'error'}
              onClick={() => onPick(s)}
            >
              <span className="muted small">{TIME.format(s.receivedAt)}</span>{' '}
              {s.result.ok ? (
                <>
                  <strong>{s.result.citizen.fullName}</strong> <code>{s.idNumberMasked}</code>
                </>
              ) : (
                <span className="error-text">{s.result.error.code}</span>
              )}
              {s.repeats > 0 && <span className="badge">×{s.repeats + 1}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
