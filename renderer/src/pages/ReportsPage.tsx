import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIGITIZATION_FORMULAS } from '../../../electron/api/digitization-formulas';
import type { ReportFigures } from '../../../electron/api/report-schemas';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery, useServiceEvents } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Figure, formatRate } from '../components/lifecycle/Figure';
import { PeriodPicker } from '../components/reports/PeriodPicker';
import { ProfilesPanel } from '../components/reports/ProfilesPanel';
import { TemplateNotes } from '../components/reports/TemplateNotes';
import { downloadFile, pdfBlobUrl } from '../files';
import { formatNumber } from '../format';
import { useHashParam } from '../navigation';
import { currentVnMonth } from './DashboardPage';
import '../styles/digitization.css';
import '../styles/reports.css';

const FIGURES = 'reports.figures';
const PREVIEW = 'reports.preview';
const EVENT_KEYS = {
  'reports.changed': [[FIGURES], [PREVIEW], ['reports.listProfiles']],
  'settings.changed': [[FIGURES], [PREVIEW]],
} as const;
/** Events that change counts: the preview is not reloaded under the reader's eyes, but offered. */
const COUNT_EVENTS = new Set(['dossier.created', 'dossier.updated', 'digitization.recorded']);

/** The month before the current one: the period most reports are about. */
function lastMonth(): string {
  const [y, m] = currentVnMonth().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** Báo cáo: pick a recipient and a period, see the PDF, save it (PDF, Excel) or print it. */
export function ReportsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  useServiceEvents(EVENT_KEYS);
  const wantedProfile = useHashParam('profile');
  const wantedPeriod = useHashParam('period');
  const [period, setPeriod] = useState(wantedPeriod ?? lastMonth());
  const [chosen, setChosen] = useState<number | null>(wantedProfile ? Number(wantedProfile) : null);
  const [number, setNumber] = useState('');
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [printed, setPrinted] = useState<{ url: string; replaces: string | null } | null>(null);
  const printPending = useRef(false);
  const frame = useRef<HTMLIFrameElement>(null);

  // A link from the dashboard's reminder (#/reports?profile=2&period=2026-10) sets both.
  const [linked, setLinked] = useState({ period: wantedPeriod, profile: wantedProfile });
  if (linked.period !== wantedPeriod || linked.profile !== wantedProfile) {
    setLinked({ period: wantedPeriod, profile: wantedProfile });
    if (wantedPeriod) setPeriod(wantedPeriod);
    if (wantedProfile) setChosen(Number(wantedProfile));
  }
  useEffect(() => motcua().onEvent((event) => COUNT_EVENTS.has(event.type) && setStale(true)), []);

  const profiles = useApiQuery(['reports.listProfiles'], () => motcua().reports.listProfiles());
  const profile =
    profiles.data?.find((p) => p.id === chosen) ?? profiles.data?.find((p) => p.isDefault);
  const profileId = profile?.id;
  const documentNumber =
    /^\d{1,5}$/.test(number) && Number(number) > 0 ? Number(number) : undefined;
  const input = {
    period,
    ...(profileId ? { profileId } : {}),
    ...(documentNumber ? { number: documentNumber } : {}),
  };
  const ready = profileId !== undefined;

  const figures = useApiQuery(
    [FIGURES, profileId, period],
    () => motcua().reports.figures({ period, ...(profileId ? { profileId } : {}) }),
    { enabled: ready, retry: false },
  );
  const preview = useApiQuery(
    [PREVIEW, profileId, period, documentNumber],
    async () => {
      const result = await motcua().reports.render({ ...input, format: 'pdf', purpose: 'preview' });
      if (!result.ok) return result;
      const { fileName, pages } = result.value;
      return {
        ok: true as const,
        value: { url: pdfBlobUrl(result.value.dataBase64), fileName, pages },
      };
    },
    { enabled: ready, retry: false, staleTime: Infinity, gcTime: 0 },
  );
  const previewUrl = preview.data?.url ?? null;
  useEffect(() => (previewUrl ? () => URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);
  const printUrl = printed?.url ?? null;
  useEffect(() => (printUrl ? () => URL.revokeObjectURL(printUrl) : undefined), [printUrl]);

  const save = useApiMutation(
    (format: 'pdf' | 'xlsx') => motcua().reports.render({ ...input, format, purpose: 'save' }),
    (file) => {
      downloadFile({ ...file, encoding: 'base64', content: file.dataBase64 });
      setSaved(file.fileName);
    },
  );
  // Printing: the same document rendered for printing (and logged as issued) replaces the
  // preview, and the frame's own print dialog opens once it has loaded (Electron: the system
  // dialog; a browser: its print preview).
  const print = useApiMutation(
    () => motcua().reports.render({ ...input, format: 'pdf', purpose: 'print' }),
    (file) => {
      printPending.current = true;
      setPrinted({ url: pdfBlobUrl(file.dataBase64), replaces: previewUrl });
    },
  );
  // The printed rendering stays on screen until the preview itself changes.
  const shownUrl = printed && printed.replaces === previewUrl ? printed.url : previewUrl;
  const error = figures.error ?? preview.error;
  const f: ReportFigures | undefined = figures.data;

  return (
    <div className="page reports-page" data-testid="reports-page">
      <h1>{t('reports.title')}</h1>
      <div className="toolbar">
        <label>
          {t('reports.profile')}
          <select
            value={profileId ?? ''}
            data-testid="report-profile"
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {(profiles.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.isDefault ? ` (${t('reports.default')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker value={period} onChange={setPeriod} />
        <label title={t('reports.numberHint')}>
          {t('reports.number')}
          <input
            inputMode="numeric"
            size={6}
            value={number}
            placeholder="…"
            data-testid="report-number"
            onChange={(e) => setNumber(e.target.value.replace(/\D/g, '').slice(0, 5))}
          />
        </label>
        <div className="actions">
          {(['pdf', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button primary"
              disabled={!f || save.isPending}
              data-testid={`report-save-${format}`}
              onClick={() => save.mutate(format)}
            >
              {t(format === 'pdf' ? 'reports.savePdf' : 'reports.saveXlsx')}
            </button>
          ))}
          <button
            type="button"
            className="button"
            disabled={!previewUrl || print.isPending}
            data-testid="report-print"
            onClick={() => print.mutate(undefined)}
          >
            {t('reports.print')}
          </button>
        </div>
      </div>
      {error && <ErrorNotice error={error.apiError} testId="report-error" />}
      {save.error && <ErrorNotice error={save.error.apiError} />}
      {print.error && <ErrorNotice error={print.error.apiError} />}
      {saved && (
        <p className="notice notice-ok" data-testid="report-saved">
          {t('reports.saved', { file: saved })}
        </p>
      )}
      {print.isSuccess && (
        <p className="notice notice-ok" data-testid="report-printed">
          {t('reports.printed')}
        </p>
      )}
      {stale && (
        <p className="notice notice-warn">
          {t('reports.stale')}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="report-refresh"
            onClick={() => {
              setStale(false);
              void client.invalidateQueries({ queryKey: [FIGURES] });
              void client.invalidateQueries({ queryKey: [PREVIEW] });
            }}
          >
            {t('reports.refresh')}
          </button>
        </p>
      )}
      {f && (
        <div className="tiles" data-testid="report-figures">
          <div className="tile">
            <div className="tile-label">{t('reports.figures.received')}</div>
            <div className="tile-value" data-testid="report-received">
              {formatNumber(f.current.totals.received)}
            </div>
          </div>
          {(['onTimeRate', 'onlineShare'] as const).map((name) => (
            <div className="tile" key={name}>
              <div className="tile-label">{t(`reports.figures.${name}`)}</div>
              <div className="tile-value">
                <Figure row={f.current.totals} name={name} testId={`report-${name}`} />
              </div>
            </div>
          ))}
          {(['components', 'results'] as const).map((key) => (
            <div className="tile" key={key} title={DIGITIZATION_FORMULAS[key].vi}>
              <div className="tile-label">{t(`reports.figures.${key}`)}</div>
              <div className="tile-value" data-testid={`report-${key}`}>
                {formatRate(f.current.digitizationRates[key].percent)}
              </div>
            </div>
          ))}
          <div className="tile">
            <div className="tile-label">{t('reports.figures.overdue')}</div>
            <div className="tile-value" data-testid="report-overdue">
              {formatNumber(f.overdue.now)}
            </div>
          </div>
        </div>
      )}
      {f?.partial && (
        <p className="muted">
          {t('reports.partial', {
            time: new Date(f.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
          })}
        </p>
      )}
      <section className="card report-preview">
        <header className="card-header">
          <h2>{t('reports.preview')}</h2>
          {preview.data && (
            <span className="muted small" data-testid="report-pages">
              {preview.data.fileName} · {t('reports.pages', { count: preview.data.pages ?? 0 })}
            </span>
          )}
        </header>
        {ready && (preview.isFetching || print.isPending) && (
          <p className="muted" data-testid="report-working">
            {t('reports.working')}
          </p>
        )}
        {shownUrl && (
          <iframe
            ref={frame}
            className="pdf-frame report-frame"
            src={shownUrl}
            title={t('reports.previewTitle', { period })}
            data-testid="report-frame"
            onLoad={() => {
              if (!printPending.current) return;
              printPending.current = false;
              frame.current?.contentWindow?.print();
            }}
          />
        )}
      </section>
      {f && profile?.sections.includes('deAn06') && (
        <TemplateNotes
          key={`${profile.id}|${period}`}
          profileId={profile.id}
          period={period}
          figures={f}
        />
      )}
      <ProfilesPanel profiles={profiles.data ?? []} onChosen={setChosen} />
    </div>
  );
}
