import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierChannel, type DossierChannel } from '../../../../electron/api/schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation, useApiQuery } from '../../api/use-api';
import { formatDay } from '../../format';
import { ErrorNotice } from '../ErrorNotice';
import { RadioOptions } from '../RadioOptions';

const EMPTY = {
  idNumber: '',
  fullName: '',
  dateOfBirth: '',
  sex: 'male' as 'male' | 'female',
  address: '',
};

/** Receiving a dossier without a card scan: the clerk types the applicant (ID number mandatory). */
export function ManualDossierForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const procedures = useApiQuery(['procedures.list'], () => motcua().procedures.list());
  const [procedureKey, setProcedureKey] = useState('');
  const [channel, setChannel] = useState<DossierChannel>('in_person');
  const [kind, setKind] = useState<'individual' | 'organization'>('individual');
  const [organizationName, setOrganizationName] = useState('');
  const [person, setPerson] = useState(EMPTY);
  const [created, setCreated] = useState<{ code: string; due: string | null } | null>(null);
  const create = useApiMutation(
    (input: Parameters<ReturnType<typeof motcua>['dossiers']['create']>[0]) =>
      motcua().dossiers.create(input),
    (d) => {
      setCreated({ code: d.code, due: d.dueDay });
      setPerson(EMPTY);
      setOrganizationName('');
      void client.invalidateQueries();
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const hasPerson = person.idNumber !== '' || kind === 'individual';
    create.mutate({
      procedureKey,
      channel,
      applicantKind: kind,
      intakeMethod: 'manual',
      ...(kind === 'organization' ? { organizationName } : {}),
      ...(hasPerson
        ? {
            citizen: {
              idNumber: person.idNumber.trim(),
              oldIdNumber: null,
              fullName: person.fullName,
              dateOfBirth: person.dateOfBirth,
              sex: person.sex,
              address: person.address,
              issueDate: null,
            },
          }
        : {}),
    });
  }

  const input = (name: keyof typeof EMPTY, label: string, type = 'text') => (
    <div className="form-row">
      <label htmlFor={`manual-${name}`}>{label}</label>
      <input
        id={`manual-${name}`}
        data-testid={`manual-${name}`}
        type={type}
        value={person[name]}
        onChange={(e) => setPerson({ ...person, [name]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="card" onSubmit={submit} data-testid="manual-dossier-form">
      <h2>{t('dossiers.newTitle')}</h2>
      <p className="muted small">{t('dossiers.newHint')}</p>
      <div className="form-row">
        <label htmlFor="manual-procedure">{t('dossiers.procedure')}</label>
        <select
          id="manual-procedure"
          data-testid="manual-procedure"
          value={procedureKey}
          onChange={(e) => setProcedureKey(e.target.value)}
        >
          <option value="" />
          {procedures.data?.map((p) => (
            <option key={p.key} value={p.key}>
              {p.seq}. {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="radio-row">
        <RadioOptions
          name="manual-channel"
          options={dossierChannel.options}
          value={channel}
          onChange={setChannel}
          label={(c) => t(`channel.${c}`)}
        />
      </div>
      <div className="radio-row">
        <RadioOptions
          name="manual-kind"
          options={['individual', 'organization'] as const}
          value={kind}
          onChange={setKind}
          label={(k) => t(`dossiers.${k}`)}
        />
      </div>
      {kind === 'organization' && (
        <div className="form-row">
          <label htmlFor="manual-org">{t('dossiers.organizationName')}</label>
          <input
            id="manual-org"
            value={organizationName}
            onChange={(e) => setOrganizationName(e.target.value)}
          />
        </div>
      )}
      {input('idNumber', t('dossiers.idNumber'))}
      {input('fullName', t('dossiers.fullName'))}
      {input('dateOfBirth', t('dossiers.dateOfBirth'), 'date')}
      <div className="radio-row">
        <RadioOptions
          name="manual-sex"
          options={['male', 'female'] as const}
          value={person.sex}
          onChange={(sex) => setPerson({ ...person, sex })}
          label={(s) => t(`dossiers.${s}`)}
        />
      </div>
      {input('address', t('dossiers.address'))}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          data-testid="manual-create"
          disabled={procedureKey === '' || create.isPending}
        >
          {t('dossiers.create')}
        </button>
      </div>
      {create.error && <ErrorNotice error={create.error.apiError} testId="manual-error" />}
      {created && (
        <p className="notice notice-ok" role="status" data-testid="manual-created">
          {t('dossiers.created', { code: created.code, due: formatDay(created.due) })}
        </p>
      )}
    </form>
  );
}
