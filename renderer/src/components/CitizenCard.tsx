import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../electron/api/errors';
import { warningCatalog, type WarningCode } from '../../../electron/api/warnings';
import type { Warning } from '../../../electron/api/schemas';
import { formatDay } from '../format';
import { ErrorNotice } from './ErrorNotice';

export interface ParsedCitizen {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  issueDate: string | null;
  extraFields: string[];
}

export type CardState =
  | { kind: 'citizen'; citizen: ParsedCitizen; warnings: Warning[] }
  | { kind: 'error'; error: ApiError };

function maskId(id: string): string {
  return id.slice(0, 4) + '*'.repeat(id.length - 6) + id.slice(-2);
}

function WarningList({ warnings }: { warnings: Warning[] }) {
  const { i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" data-testid="citizen-warnings">
      {warnings.map((w) => (
        <li key={w.code} data-code={w.code}>
          {i18n.language === 'en' && w.code in warningCatalog
            ? warningCatalog[w.code as WarningCode].en
            : w.message}
        </li>
      ))}
    </ul>
  );
}

/** The citizen as read from the card, with a clear status; the ID number is masked on screen. */
export function CitizenCard({ state }: { state: CardState }) {
  const { t } = useTranslation();
  if (state.kind === 'error') {
    return (
      <section
        className="card citizen-card status-error"
        data-testid="citizen-card"
        data-status="error"
      >
        <header className="card-header">
          <h2>{t('counter.citizen')}</h2>
          <span className="badge badge-error">{t('counter.statusError')}</span>
        </header>
        <ErrorNotice error={state.error} testId="citizen-error" />
      </section>
    );
  }
  const { citizen, warnings } = state;
  const status = warnings.length > 0 ? 'warnings' : 'valid';
  return (
    <section
      className={`card citizen-card status-${status}`}
      data-testid="citizen-card"
      data-status={status}
    >
      <header className="card-header">
        <h2>{t('counter.citizen')}</h2>
        <span className={`badge ${status === 'valid' ? 'badge-ok' : 'badge-warn'}`}>
          {status === 'valid' ? t('counter.statusValid') : t('counter.statusWarnings')}
        </span>
      </header>
      <dl className="fields">
        <dt>{t('counter.fullName')}</dt>
        <dd className="citizen-name" data-testid="citizen-name">
          {citizen.fullName}
        </dd>
        <dt>{t('counter.idNumber')}</dt>
        <dd data-testid="citizen-id">{maskId(citizen.idNumber)}</dd>
        <dt>{t('counter.oldIdNumber')}</dt>
        <dd>{citizen.oldIdNumber ?? t('counter.none')}</dd>
        <dt>{t('counter.dateOfBirth')}</dt>
        <dd data-testid="citizen-dob">{formatDay(citizen.dateOfBirth)}</dd>
        <dt>{t('counter.sex')}</dt>
        <dd>{citizen.sex === 'male' ? t('counter.male') : t('counter.female')}</dd>
        <dt>{t('counter.address')}</dt>
        <dd data-testid="citizen-address">{citizen.address}</dd>
        <dt>{t('counter.issueDate')}</dt>
        <dd>{formatDay(citizen.issueDate)}</dd>
      </dl>
      <WarningList warnings={warnings} />
    </section>
  );
}
