import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunState } from '../../../electron/api/autofill-schemas';
import type { ApiError } from '../../../electron/api/errors';
import type { Citizen } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { CallError, unwrap, useApiQuery } from '../api/use-api';
import { ErrorNotice } from './ErrorNotice';

const TEMPLATE_KEY = 'motcua.autofill.template';
const COUNTDOWN_MS = 3000;

export interface AutofillButtonProps {
  citizen: Citizen;
  /**
   * Whether the clerk revealed the ID number on the citizen card (the reveal itself is
   * audit-logged by the intake page). The service refuses templates that type the ID otherwise.
   */
  idRevealed: boolean;
  dossierCode?: string;
}

/**
 * "Điền biểu mẫu": pick a template, press the button (or the desktop app's global hotkey), click
 * into the portal's form during the countdown. Esc — here during the countdown, anywhere once
 * typing — stops the run. Status comes from `autofill.run` events.
 */
export function AutofillButton({ citizen, idRevealed, dossierCode }: AutofillButtonProps) {
  const { t } = useTranslation();
  const templates = useApiQuery(['autofill.listTemplates'], () =>
    motcua().autofill.listTemplates(),
  );
  const [chosen, setChosen] = useState(() => window.localStorage.getItem(TEMPLATE_KEY) ?? '');
  const [run, setRun] = useState<RunState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const runId = useRef<string | null>(null);
  const startRef = useRef<() => void>(() => undefined);

  const list = templates.data ?? [];
  const templateId = list.some((tpl) => tpl.id === chosen) ? chosen : (list[0]?.id ?? '');
  const active = run !== null && (run.phase === 'countdown' || run.phase === 'typing');

  async function start() {
    if (templateId === '' || active) return;
    setError(null);
    try {
      const state = await unwrap(
        motcua().autofill.start({
          templateId,
          source: { citizen, ...(dossierCode ? { dossierCode } : {}) },
          idRevealed,
          countdownMs: COUNTDOWN_MS,
        }),
      );
      runId.current = state.runId;
      setRun(state);
    } catch (thrown) {
      if (thrown instanceof CallError) setError(thrown.apiError);
      else throw thrown;
    }
  }
  useEffect(() => {
    startRef.current = () => void start();
  });

  useEffect(
    () =>
      motcua().onEvent((event) => {
        if (event.type === 'autofill.hotkey') startRef.current();
        if (event.type === 'autofill.run' && event.run.runId === runId.current) setRun(event.run);
      }),
    [],
  );

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 200);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void motcua().autofill.abort();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [active]);

  const seconds = run ? Math.max(0, Math.ceil((run.countdownEndsAt - now) / 1000)) : 0;
  return (
    <section className="card autofill-card" data-testid="autofill">
      <h2>{t('autofill.button.legend')}</h2>
      {list.length === 0 && templates.isSuccess && (
        <p className="muted">{t('autofill.button.noTemplates')}</p>
      )}
      <div className="form-row">
        <label htmlFor="autofill-template">{t('autofill.button.template')}</label>
        <select
          id="autofill-template"
          data-testid="autofill-template"
          value={templateId}
          disabled={active}
          onChange={(e) => {
            setChosen(e.target.value);
            window.localStorage.setItem(TEMPLATE_KEY, e.target.value);
          }}
        >
          {list.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </select>
      </div>
      {!idRevealed && <p className="muted small">{t('autofill.button.idHidden')}</p>}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="autofill-start"
          disabled={templateId === '' || active}
          onClick={() => void start()}
        >
          {t('autofill.button.start')}
        </button>
        {active && (
          <button
            type="button"
            className="button"
            data-testid="autofill-abort"
            onClick={() => void motcua().autofill.abort()}
          >
            {t('autofill.button.abort')}
          </button>
        )}
      </div>
      {run && (
        <p className="notice" role="status" data-testid="autofill-status" data-phase={run.phase}>
          {run.phase === 'countdown' && t('autofill.button.countdown', { seconds })}
          {run.phase === 'typing' &&
            t('autofill.button.typing', { done: run.done, total: run.total })}
          {run.phase === 'done' &&
            t('autofill.button.done', { fields: run.fields, ms: Math.round(run.durationMs ?? 0) })}
          {active && !run.escToAbort && (
            <span className="small"> {t('autofill.button.noEsc')}</span>
          )}
        </p>
      )}
      {run?.error && (
        <ErrorNotice
          error={{ code: run.error.code as ApiError['code'], message: run.error.message }}
          testId="autofill-error"
        />
      )}
      {error && <ErrorNotice error={error} testId="autofill-error" />}
    </section>
  );
}
