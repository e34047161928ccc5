import { useTranslation } from 'react-i18next';

type Kind = 'month' | 'quarter' | 'year' | 'range';

/** The kind of a period spec (2026-10, 2026-Q3, 2026, 2026-01-01..2026-03-31). */
export function periodKind(spec: string): Kind {
  if (spec.includes('..')) return 'range';
  if (spec.includes('-Q')) return 'quarter';
  return /^\d{4}$/.test(spec) ? 'year' : 'month';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a spec, for switching to a range. */
function daysOf(spec: string): [string, string] {
  const kind = periodKind(spec);
  if (kind === 'range') return spec.split('..') as [string, string];
  const y = Number(spec.slice(0, 4));
  const [first, last] =
    kind === 'year'
      ? [1, 12]
      : kind === 'quarter'
        ? [Number(spec.slice(6)) * 3 - 2, Number(spec.slice(6)) * 3]
        : [Number(spec.slice(5, 7)), Number(spec.slice(5, 7))];
  const end = new Date(Date.UTC(y, last, 0)).getUTCDate();
  return [`${y}-${pad(first)}-01`, `${y}-${pad(last)}-${pad(end)}`];
}

/** The same moment in another kind of period: October 2026 → Q4 2026 → 2026 → its days. */
export function convertPeriod(spec: string, kind: Kind): string {
  const [from, to] = daysOf(spec);
  const y = from.slice(0, 4);
  const m = Number(from.slice(5, 7));
  switch (kind) {
    case 'month':
      return from.slice(0, 7);
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return y;
    case 'range':
      return `${from}..${to}`;
  }
}

/** Month, quarter, year or any days; the value is the spec the contract and the CLI take. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (spec: string) => void;
}) {
  const { t } = useTranslation();
  const kind = periodKind(value);
  const year = value.slice(0, 4);
  const setYear = (text: string, build: (y: string) => string) => {
    if (/^\d{4}$/.test(text)) onChange(build(text));
  };
  const [from, to] = daysOf(value);
  return (
    <>
      <label>
        {t('reports.period')}
        <select
          value={kind}
          data-testid="report-period-kind"
          onChange={(e) => onChange(convertPeriod(value, e.target.value as Kind))}
        >
          {(['month', 'quarter', 'year', 'range'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`reports.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'month' && (
        <label>
          {t('reports.kind.month')}
          <input
            type="month"
            value={value}
            data-testid="report-month"
            onChange={(e) => e.target.value && onChange(e.target.value)}
          />
        </label>
      )}
      {(kind === 'quarter' || kind === 'year') && (
        <label>
          {t('reports.kind.year')}
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            data-testid="report-year"
            onChange={(e) =>
              setYear(e.target.value, (y) => (kind === 'year' ? y : `${y}${value.slice(4)}`))
            }
          />
        </label>
      )}
      {kind === 'quarter' && (
        <label>
          {t('reports.kind.quarter')}
          <select
            value={value.slice(6)}
            data-testid="report-quarter"
            onChange={(e) => onChange(`${year}-Q${e.target.value}`)}
          >
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('reports.quarterN', { n: q })}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'range' && (
        <>
          <label>
            {t('reports.from')}
            <input
              type="date"
              value={from}
              data-testid="report-from"
              onChange={(e) => e.target.value && onChange(`${e.target.value}..${to}`)}
            />
          </label>
          <label>
            {t('reports.to')}
            <input
              type="date"
              value={to}
              data-testid="report-to"
              onChange={(e) => e.target.value && onChange(`${from}..${e.target.value}`)}
            />
          </label>
        </>
      )}
    </>
  );
}
