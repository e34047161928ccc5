import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportProfile } from '../../../../electron/api/report-schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation } from '../../api/use-api';
import { ErrorNotice } from '../ErrorNotice';
import { ProfileEditor } from './ProfileEditor';

/** Report profiles, one per recipient: list, add, edit, remove. */
export function ProfilesPanel({
  profiles,
  onChosen,
}: {
  profiles: readonly ReportProfile[];
  onChosen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<ReportProfile | 'new' | null>(null);
  const remove = useApiMutation((id: number) => motcua().reports.deleteProfile({ id }));
  return (
    <section className="card" data-testid="report-profiles">
      <header className="card-header">
        <h2>{t('reports.manage')}</h2>
        <button
          type="button"
          className="button"
          data-testid="report-profiles-toggle"
          onClick={() => setOpen(!open)}
        >
          {open ? t('reports.hide') : t('reports.show')}
        </button>
      </header>
      {open && (
        <>
          <ul className="profile-list">
            {profiles.map((p) => (
              <li key={p.id} data-testid="report-profile-item">
                <span>
                  {p.name}
                  {p.isDefault && <span className="badge">{t('reports.default')}</span>}
                </span>
                <span className="actions">
                  <button type="button" className="link-button" onClick={() => setEditing(p)}>
                    {t('reports.edit')}
                  </button>
                  {!p.isDefault && (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="report-profile-remove"
                      onClick={() => remove.mutate(p.id)}
                    >
                      {t('reports.remove')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {remove.error && <ErrorNotice error={remove.error.apiError} />}
          {editing === null ? (
            <button
              type="button"
              className="button"
              data-testid="report-profile-new"
              onClick={() => setEditing('new')}
            >
              {t('reports.newProfile')}
            </button>
          ) : (
            <ProfileEditor
              key={editing === 'new' ? 'new' : editing.id}
              profile={editing === 'new' ? null : editing}
              onDone={(saved) => {
                setEditing(null);
                if (saved) onChosen(saved.id);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
