import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedCitizen } from '../../../electron/api/scan-schemas';
import type { DossierChannel } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { ErrorNotice } from './ErrorNotice';

const CHANNELS: DossierChannel[] = ['in_person', 'online_assisted', 'postal'];

/** Vietnamese search that ignores diacritics and case: "khai sinh" finds "Đăng ký khai sinh". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * The dossier for the citizen on the card: the procedure picker (searchable) and how it was
 * received. Its own component so the dossier fields can grow without touching the Counter page.
 */
export function DossierForm({
  citizen,
  onSaved,
}: {
  citizen: ParsedCitizen;
  onSaved: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [procedureKey, setProcedureKey] = useState('');
  const [channel, setChannel] = useState<DossierChannel>('in_person');
  const procedures = useApiQuery(['procedures.list'], () => motcua().procedures.list());
  const office = useApiQuery(['settings.getOffice'], () => motcua().settings.getOffice());
  const create = useApiMutation(
    (input: Parameters<ReturnType<typeof motcua>['dossiers']['create']>[0]) =>
      motcua().dossiers.create(input),
    (dossier) => onSaved(dossier.code),
  );
  const shown = useMemo(() => {
    const q = foldVietnamese(query.trim());
    return (procedures.data ?? []).filter(
      (p) => q === '' || foldVietnamese(`${p.seq} ${p.name}`).includes(q),
    );
  }, [procedures.data, query]);

  function save() {
    if (procedureKey === '') return;
    const { extraFields: _extra, ...rest } = citizen;
    create.mutate({ procedureKey, channel, citizen: rest });
  }
  const canSave = procedureKey !== '' && !create.isPending && office.data !== null;

  return (
    <section className="card" data-testid="dossier-form">
      <label htmlFor="procedure-search">{t('counter.procedure')}</label>
      <input
        id="procedure-search"
        type="search"
        data-testid="procedure-search"
        placeholder={t('counter.searchProcedure')}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      <select
        id="procedure"
        data-testid="procedure-select"
        size={Math.min(8, Math.max(2, shown.length + 1))}
        value={procedureKey}
        onChange={(e) => setProcedureKey(e.target.value)}
      >
        <option value="">{t('counter.chooseProcedure')}</option>
        {shown.map((p) => (
          <option key={p.key} value={p.key}>
            {p.seq}. {p.name}
          </option>
        ))}
      </select>
      <fieldset className="radio-row">
        <legend>{t('counter.channel')}</legend>
        {CHANNELS.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="channel"
              value={c}
              checked={channel === c}
              onChange={() => setChannel(c)}
            />
            {t(`counter.channels.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="dossier-save"
          disabled={!canSave}
          onClick={save}
        >
          {create.isPending ? t('counter.saving') : t('counter.save')}
        </button>
      </div>
      {create.error && <ErrorNotice error={create.error.apiError} testId="dossier-error" />}
    </section>
  );
}
