import { useTranslation } from 'react-i18next';
import type { IndicatorName, IndicatorRow } from '../../../../electron/api/calls/indicators';
import { INDICATOR_FORMULAS } from '../../../../electron/api/indicator-formulas';
import { formatNumber } from '../../format';

export function formatRate(value: number | null): string {
  return value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

/**
 * One indicator of a row: the rate, and on hover its formula (QĐ 766) with the numerator and
 * denominator it was computed from — the "each figure shows its formula".
 */
export function Figure({
  row,
  name,
  testId,
}: {
  row: IndicatorRow;
  name: IndicatorName;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { numerator, denominator } = row.figures[name];
  const formula = INDICATOR_FORMULAS[name][i18n.language === 'en' ? 'en' : 'vi'];
  const counts =
    denominator === 0
      ? t('indicator.noData')
      : `${formatNumber(numerator)} / ${formatNumber(denominator)}`;
  return (
    <span
      className="figure"
      tabIndex={0}
      data-testid={testId}
      data-numerator={numerator}
      data-denominator={denominator}
    >
      {formatRate(row[name])}
      <span className="figure-tip" role="tooltip">
        <strong>{t(`indicator.${name}`)}</strong>
        <span>{formula}</span>
        <span className="figure-counts">= {counts}</span>
      </span>
    </span>
  );
}
