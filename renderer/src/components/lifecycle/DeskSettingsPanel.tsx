import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSettings } from '../../../../electron/api/calls/dossiers';
import { motcua } from '../../api/motcua';
import { useApiMutation, useApiQuery } from '../../api/use-api';
import { formatDay } from '../../format';
import { ErrorNotice } from '../ErrorNotice';

function SettingsForm({ initial }: { initial: DossierSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [prefix, setPrefix] = useState(initial.workstationPrefix ?? '');
  const [stuck, setStuck] = useState(String(initial.stuckAfterDays));
  const [province, setProvince] = useState(initial.provinceCode ?? '');
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (input: DossierSettings) => motcua().dossiers.updateSettings(input),
    () => {
      setSaved(true);
      void client.invalidateQueries();
    },
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate({
      workstationPrefix: prefix.trim() === '' ? null : prefix.trim(),
      stuckAfterDays: Number(stuck),
      provinceCode: province.trim() === '' ? null : province.trim(),
    });
  }
  return (
    <form className="card" onSubmit={submit} data-testid="desk-settings">
      <h2>{t('dossiers.settingsTitle')}</h2>
      <div className="form-row">
        <label htmlFor="desk-prefix">{t('dossiers.prefix')}</label>
        <input
          id="desk-prefix"
          data-testid="desk-prefix"
          value={prefix}
          onChange={(e) => setPrefix(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor="desk-stuck">{t('dossiers.stuckDays')}</label>
        <input
          id="desk-stuck"
          data-testid="desk-stuck"
          type="number"
          min={1}
          max={90}
          value={stuck}
          onChange={(e) => setStuck(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor="desk-province">{t('dossiers.province')}</label>
        <input
          id="desk-province"
          data-testid="desk-province"
          value={province}
          onChange={(e) => setProvince(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" data-testid="desk-save">
          {t('dossiers.saveSettings')}
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} />}
      {saved && <p className="notice notice-ok">{t('dossiers.settingsSaved')}</p>}
    </form>
  );
}

function CalendarCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useApiQuery(['calendar.list', year], () => motcua().calendar.list({ year }));
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<'holiday' | 'workday'>('holiday');
  const [name, setName] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: ['calendar.list'] });
  const add = useApiMutation(
    () => motcua().calendar.setDay({ day, kind, name }),
    () => {
      setDay('');
      setName('');
      refresh();
    },
  );
  const remove = useApiMutation((d: string) => motcua().calendar.removeDay({ day: d }), refresh);
  return (
    <section className="card" data-testid="calendar-card">
      <header className="card-header">
        <h2>{t('dossiers.calendarTitle', { year })}</h2>
        <input
          type="number"
          value={year}
          min={2000}
          max={2100}
          style={{ width: 90 }}
          onChange={(e) => setYear(Number(e.target.value))}
        />
      </header>
      <p className="muted small">{t('dossiers.calendarHint')}</p>
      <table className="table compact">
        <tbody>
          {days.data?.map((d) => (
            <tr key={d.day}>
              <td>{formatDay(d.day)}</td>
              <td>{t(`dossiers.${d.kind}`)}</td>
              <td>{d.name}</td>
              <td>
                <button type="button" className="button" onClick={() => remove.mutate(d.day)}>
                  {t('dossiers.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <input
          type="date"
          data-testid="calendar-day"
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        <select value={kind} onChange={(e) => setKind(e.target.value as 'holiday' | 'workday')}>
          <option value="holiday">{t('dossiers.holiday')}</option>
          <option value="workday">{t('dossiers.workday')}</option>
        </select>
        <input
          placeholder={t('dossiers.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid="calendar-add"
          disabled={day === ''}
          onClick={() => add.mutate(undefined)}
        >
          {t('dossiers.addDay')}
        </button>
      </div>
      {add.error && <ErrorNotice error={add.error.apiError} testId="calendar-error" />}
    </section>
  );
}

/** Workstation prefix, stuck threshold, province, and the working calendar for due dates. */
export function DeskSettingsPanel() {
  const settings = useApiQuery(['dossiers.getSettings'], () => motcua().dossiers.getSettings());
  return (
    <>
      {settings.data && <SettingsForm initial={settings.data} />}
      <CalendarCard />
    </>
  );
}
