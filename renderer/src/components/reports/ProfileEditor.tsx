import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_SECTIONS,
  type ReportProfile,
  type ReportProfileInput,
} from '../../../../electron/api/report-schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation } from '../../api/use-api';
import { ErrorNotice } from '../ErrorNotice';

const EMPTY: ReportProfileInput = {
  name: '',
  title: 'Kết quả tiếp nhận, giải quyết thủ tục hành chính và số hóa hồ sơ',
  sections: ['summary', 'charts', 'commentary', 'procedures'],
  recipients: [],
  filing: 'VT',
  numberSymbol: 'BC-UBND',
  parentAgency: '',
  issuer: '',
  signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
  frequency: 'month',
  deadlineDay: null,
};

const TEXT_FIELDS = [
  'name',
  'title',
  'numberSymbol',
  'parentAgency',
  'issuer',
  'signerAuthority',
  'signerTitle',
  'signerName',
  'filing',
] as const;

/** One recipient's report: contents, heading, signer, recipients, deadline. */
export function ProfileEditor({
  profile,
  onDone,
}: {
  profile: ReportProfile | null;
  onDone: (saved: ReportProfile | null) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReportProfileInput>(() => {
    if (!profile) return EMPTY;
    const { id: _id, isDefault: _d, builtin: _b, updatedAt: _u, ...rest } = profile;
    return rest;
  });
  const [recipients, setRecipients] = useState(draft.recipients.join('\n'));
  const [makeDefault, setMakeDefault] = useState(profile?.isDefault ?? false);
  const save = useApiMutation(
    () =>
      motcua().reports.saveProfile({
        ...(profile ? { id: profile.id } : {}),
        profile: {
          ...draft,
          recipients: recipients
            .split('\n')
            .map((r) => r.trim().replace(/^-\s*/, '').replace(/;$/, ''))
            .filter(Boolean),
        },
        makeDefault,
      }),
    (saved) => onDone(saved),
  );
  const set = <K extends keyof ReportProfileInput>(key: K, value: ReportProfileInput[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (section: (typeof REPORT_SECTIONS)[number]) =>
    set(
      'sections',
      REPORT_SECTIONS.filter((s) =>
        s === section ? !draft.sections.includes(s) : draft.sections.includes(s),
      ),
    );

  return (
    <form
      className="card profile-editor"
      data-testid="profile-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <div className="profile-grid">
        {TEXT_FIELDS.map((key) => (
          <label key={key}>
            {t(`reports.field.${key}`)}
            <input
              value={draft[key]}
              required={key === 'name' || key === 'title'}
              data-testid={`profile-${key}`}
              onChange={(e) => set(key, e.target.value)}
            />
          </label>
        ))}
        <label>
          {t('reports.field.frequency')}
          <select
            value={draft.frequency}
            data-testid="profile-frequency"
            onChange={(e) => set('frequency', e.target.value as 'month' | 'quarter')}
          >
            <option value="month">{t('reports.frequency.month')}</option>
            <option value="quarter">{t('reports.frequency.quarter')}</option>
          </select>
        </label>
        <label>
          {t('reports.field.deadlineDay')}
          <input
            type="number"
            min={1}
            max={31}
            placeholder={t('reports.field.noDeadline')}
            value={draft.deadlineDay ?? ''}
            data-testid="profile-deadline"
            onChange={(e) =>
              set('deadlineDay', e.target.value === '' ? null : Number(e.target.value))
            }
          />
        </label>
      </div>
      <fieldset className="profile-sections">
        <legend>{t('reports.field.sections')}</legend>
        {REPORT_SECTIONS.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={draft.sections.includes(s)}
              data-testid={`profile-section-${s}`}
              onChange={() => toggle(s)}
            />
            {t(`reports.section.${s}`)}
          </label>
        ))}
      </fieldset>
      <label className="profile-recipients">
        {t('reports.field.recipients')}
        <textarea
          rows={4}
          value={recipients}
          data-testid="profile-recipients"
          onChange={(e) => setRecipients(e.target.value)}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={makeDefault}
          disabled={profile?.isDefault}
          data-testid="profile-default"
          onChange={(e) => setMakeDefault(e.target.checked)}
        />
        {t('reports.makeDefault')}
      </label>
      {save.error && <ErrorNotice error={save.error.apiError} testId="profile-error" />}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={save.isPending}
          data-testid="profile-save"
        >
          {t('reports.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('reports.cancel')}
        </button>
      </div>
    </form>
  );
}
