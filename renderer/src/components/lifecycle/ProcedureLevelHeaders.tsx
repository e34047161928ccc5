import { useTranslation } from 'react-i18next';

/** The columns every list of the 25 procedures starts with (catalogue and dashboard alike). */
export function ProcedureLevelHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th>{t('dashboard.seq')}</th>
      <th>{t('dashboard.procedure')}</th>
      <th>{t('dashboard.level')}</th>
      <th>{t('dashboard.target')}</th>
      <th>{t('dashboard.deadline')}</th>
      <th>{t('dashboard.targetStatus')}</th>
    </>
  );
}
