import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedCitizen } from '../../../electron/api/scan-schemas';
import { dossierChannel, type DossierChannel } from '../../../electron/api/schemas';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { formatDay, todayInVietnam } from '../format';
import { ErrorNotice } from './ErrorNotice';
import { RadioOptions } from './RadioOptions';

type AssistedChoice = 'pending' | 'submitted' | 'failed';
const ASSISTED_CHOICES: AssistedChoice[] = ['pending', 'submitted', 'failed'];

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
  intakeMethod = 'qr',
  onSaved,
}: {
  citizen: ParsedCitizen;
  /** How the citizen's data reached the desk: the card's QR (any scanner), its chip, or typing. */
  intakeMethod?: 'qr' | 'chip' | 'manual';
  onSaved: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [procedureKey, setProcedureKey] = useState('');
  const [channelChoice, setChannel] = useState<DossierChannel | null>(null);
  const [assisted, setAssisted] = useState<AssistedChoice>('pending');
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
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

  // Chỉ thị 24/CT-TTg: from its onlineOnlyFrom day a procedure takes no paper; the desk assists an
  // online filing instead, so that is the only channel offered (the service refuses the others).
  const procedure = procedures.data?.find((p) => p.key === procedureKey);
  const onlineOnlySince =
    procedure?.onlineOnlyFrom && procedure.onlineOnlyFrom <= todayInVietnam()
      ? procedure.onlineOnlyFrom
      : null;
  const channel: DossierChannel =
    onlineOnlySince !== null ? 'online_assisted' : (channelChoice ?? 'in_person');

  function save() {
    if (procedureKey === '') return;
    const { extraFields: _extra, ...rest } = citizen;
    const assistedFiling =
      channel === 'online_assisted' && assisted !== 'pending'
        ? {
            outcome: assisted,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(reference.trim() ? { reference: reference.trim() } : {}),
          }
        : undefined;
    create.mutate({
      procedureKey,
      channel,
      citizen: rest,
      intakeMethod,
      ...(assistedFiling ? { assistedFiling } : {}),
    });
  }
  const canSave =
    procedureKey !== '' &&
    !create.isPending &&
    office.data !== null &&
    !(channel === 'online_assisted' && assisted === 'failed' && reason.trim() === '');

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
      {onlineOnlySince !== null && (
        <p className="notice notice-warn" data-testid="online-only">
          {t('counter.onlineOnly', { day: formatDay(onlineOnlySince) })}
        </p>
      )}
      <fieldset className="radio-row">
        <legend>{t('counter.channel')}</legend>
        <RadioOptions
          name="channel"
          options={dossierChannel.options}
          value={channel}
          onChange={setChannel}
          label={(c) => t(`counter.channels.${c}`)}
          disabled={(c) => onlineOnlySince !== null && c !== 'online_assisted'}
        />
      </fieldset>
      {channel === 'online_assisted' && (
        <fieldset className="radio-row" data-testid="assisted-outcome">
          <legend>{t('counter.assisted.legend')}</legend>
          <RadioOptions
            name="assisted"
            options={ASSISTED_CHOICES}
            value={assisted}
            onChange={setAssisted}
            label={(choice) => t(`counter.assisted.${choice}`)}
          />
          {assisted === 'failed' && (
            <input
              data-testid="assisted-reason"
              placeholder={t('counter.assisted.reason')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          {assisted === 'submitted' && (
            <input
              data-testid="assisted-reference"
              placeholder={t('counter.assisted.reference')}
              value={reference}
              maxLength={80}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
        </fieldset>
      )}
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
