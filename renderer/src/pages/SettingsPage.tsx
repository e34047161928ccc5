import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { OfficeSettings } from '../../../electron/api/calls/settings';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';

const EMPTY: OfficeSettings = { officeName: '', adminUnitCode: '', agencyCode: '', place: '' };

export function SettingsPage() {
  const { t } = useTranslation();
  const office = useApiQuery(['settings.getOffice'], () => motcua().settings.getOffice());
  const info = useApiQuery(['system.info'], () => motcua().system.info());
  return (
    <div className="page settings-page" data-testid="settings-page">
      <h1>{t('settings.title')}</h1>
      {office.isSuccess && <OfficeForm initial={office.data ?? EMPTY} />}
      {info.data && (
        <section className="card">
          <h2>{t('settings.system')}</h2>
          <dl className="fields">
            <dt>{t('settings.version')}</dt>
            <dd>{info.data.appVersion}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{info.data.dataDir}</code>
            </dd>
            <dt>{t('settings.schema')}</dt>
            <dd>{info.data.schemaVersion}</dd>
            <dt>{t('settings.catalog')}</dt>
            <dd>{info.data.catalogVersion}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}

/** Mounted once the stored identity is known, so the form starts from it without an effect. */
function OfficeForm({ initial }: { initial: OfficeSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<OfficeSettings>(initial);
  const [saved, setSaved] = useState(false);
  const update = useApiMutation(
    (input: OfficeSettings) => motcua().settings.updateOffice(input),
    () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['settings.getOffice'] });
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate(form);
  }

  const field = (name: keyof OfficeSettings, label: string, placeholder = '') => (
    <div className="form-row">
      <label htmlFor={`office-${name}`}>{label}</label>
      <input
        id={`office-${name}`}
        data-testid={`office-${name}`}
        value={form[name]}
        placeholder={placeholder}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('settings.office')}</h2>
      <p className="muted small">{t('settings.officeHint')}</p>
      {field('officeName', t('settings.officeName'), 'UBND phường Mẫu')}
      {field('adminUnitCode', t('settings.adminUnitCode'), '00001')}
      {field('agencyCode', t('settings.agencyCode'), '000.00.15.H33')}
      {field('place', t('settings.place'), 'Quảng Yên')}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          data-testid="office-save"
          disabled={update.isPending}
        >
          {t('settings.save')}
        </button>
      </div>
      {update.error && <ErrorNotice error={update.error.apiError} />}
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="office-saved">
          {t('settings.saved')}
        </p>
      )}
    </form>
  );
}
