import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../../electron/api/calls/sync';
import { motcua } from '../api/motcua';
import { useApiMutation } from '../api/use-api';
import { ErrorNotice } from './ErrorNotice';

/** Rows per batch (a weak link wants small ones), minutes between runs, request timeout. */
export function SyncSettingsForm({
  initial,
  onSaved,
}: {
  initial: SyncSettings;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (input: SyncSettings) => motcua().sync.updateSettings(input),
    () => {
      setSaved(true);
      onSaved();
    },
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(form);
  }
  const field = (name: keyof SyncSettings, min: number, max: number) => (
    <div className="form-row">
      <label htmlFor={`sync-${name}`}>{t(`sync.settings.${name}`)}</label>
      <input
        id={`sync-${name}`}
        data-testid={`sync-${name}`}
        type="number"
        min={min}
        max={max}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: Number(e.target.value) })}
      />
    </div>
  );
  return (
    <form className="card" onSubmit={submit} data-testid="sync-settings">
      <h2>{t('sync.settings.title')}</h2>
      {field('batchSize', 1, 1000)}
      {field('intervalMinutes', 1, 1440)}
      {field('timeoutSeconds', 5, 300)}
      <div className="actions">
        <button
          type="submit"
          className="button"
          data-testid="sync-settings-save"
          disabled={save.isPending}
        >
          {t('sync.settings.save')}
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} />}
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="sync-settings-saved">
          {t('sync.settings.saved')}
        </p>
      )}
    </form>
  );
}
