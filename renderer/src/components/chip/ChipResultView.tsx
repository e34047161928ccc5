import { useTranslation } from 'react-i18next';
import type { ChipReadResult } from '../../../../electron/api/calls/chip';
import {
  checkNames,
  checkReasons,
  verdictCatalog,
  type CheckReason,
} from '../../../../electron/api/chip-checks';
import type { Citizen } from '../../../../electron/api/schemas';
import { formatDay } from '../../format';

const MARKS = { pass: '✔', fail: '✘', warn: '!', not_done: '–' } as const;

function maskId(id: string | null): string | null {
  return id && id.length > 6 ? id.slice(0, 4) + '*'.repeat(id.length - 6) + id.slice(-2) : id;
}

type Row = { key: string; chip: string | null; qr?: string | null; compareField?: string };

/** The verdict with a reason per check, the chip photo and the chip record beside the QR. */
export function ChipResultView({ result, qr }: { result: ChipReadResult; qr: Citizen | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const c = result.citizen;
  const sex = (s: 'male' | 'female' | null | undefined) => (s ? t(`chip.${s}`) : null);
  const mismatched = new Set(result.disagreements.map((d) => d.field));
  const rows: Row[] = [
    {
      key: 'idNumber',
      chip: maskId(c.idNumber),
      qr: qr ? maskId(qr.idNumber) : undefined,
      compareField: 'idNumber',
    },
    { key: 'fullName', chip: c.fullName, qr: qr?.fullName, compareField: 'fullName' },
    {
      key: 'dateOfBirth',
      chip: c.dateOfBirth ? formatDay(c.dateOfBirth) : c.dateOfBirthText,
      qr: qr ? formatDay(qr.dateOfBirth) : undefined,
      compareField: 'dateOfBirth',
    },
    { key: 'sex', chip: sex(c.sex), qr: qr ? sex(qr.sex) : undefined, compareField: 'sex' },
    { key: 'nationality', chip: c.nationality },
    { key: 'ethnicity', chip: c.ethnicity },
    { key: 'religion', chip: c.religion },
    { key: 'hometown', chip: c.hometown },
    { key: 'residence', chip: c.residence, qr: qr?.address, compareField: 'address' },
    { key: 'identifyingMarks', chip: c.identifyingMarks },
    {
      key: 'issueDate',
      chip: c.issueDate ? formatDay(c.issueDate) : null,
      qr: qr ? formatDay(qr.issueDate) : undefined,
      compareField: 'issueDate',
    },
    { key: 'expiry', chip: c.expiryDate ? formatDay(c.expiryDate) : c.expiryText },
    { key: 'fatherName', chip: c.fatherName },
    { key: 'motherName', chip: c.motherName },
    { key: 'spouseName', chip: c.spouseName },
    {
      key: 'oldIdNumber',
      chip: c.oldIdNumber,
      qr: qr ? qr.oldIdNumber : undefined,
      compareField: 'oldIdNumber',
    },
  ];
  return (
    <div className="chip-result" data-testid="chip-result">
      <div
        className="chip-verdict"
        data-testid="chip-verdict"
        data-verdict={result.verdict}
        role="status"
      >
        {verdictCatalog[result.verdict][lang]}
      </div>
      <ul className="chip-checks" data-testid="chip-checks" aria-label={t('chip.checks')}>
        {result.checks.map((check) => (
          <li
            key={check.id}
            data-check={check.id}
            data-status={check.status}
            data-reason={check.reason}
          >
            <span className="mark">{MARKS[check.status]}</span> {checkNames[check.id][lang]}:{' '}
            {checkReasons[check.reason as CheckReason]?.[lang] ?? check.reason}
          </li>
        ))}
      </ul>
      {result.warnings.length > 0 && (
        <ul className="warnings" data-testid="chip-warnings">
          {result.warnings.map((w) => (
            <li key={w.code} data-code={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
      <div className="chip-body">
        <div>
          {result.photo ? (
            <img
              className="chip-photo"
              data-testid="chip-photo"
              src={result.photo.dataUrl}
              alt={t('chip.photo')}
            />
          ) : null}
        </div>
        <table className="table compact" data-testid="chip-compare">
          <caption className="muted small">{t('chip.compare')}</caption>
          <thead>
            <tr>
              <th>{t('chip.field')}</th>
              <th>{t('chip.fromChip')}</th>
              {qr && <th>{t('chip.fromQr')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.compareField !== undefined && mismatched.has(row.compareField);
              return (
                <tr
                  key={row.key}
                  data-testid={`chip-field-${row.key}`}
                  data-mismatch={differs}
                  className={differs ? 'mismatch' : undefined}
                >
                  <td>{t(`chip.fields.${row.key}`)}</td>
                  <td className="chip-value">{row.chip ?? '—'}</td>
                  {qr && (
                    <td className={differs ? 'flag' : undefined}>
                      {row.qr === undefined ? '' : (row.qr ?? '—')}
                      {differs ? ` ⚠ ${t('chip.mismatch')}` : ''}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small" data-testid="chip-stats">
        {t('chip.stats', {
          method: result.method.toUpperCase(),
          apdus: result.apduCount,
          ms: result.durationMs,
        })}{' '}
        · {result.source}
      </p>
    </div>
  );
}
