import { useTranslation } from 'react-i18next';
import { CardReadersPanel } from './devices/CardReadersPanel';

/**
 * Stand-in page for the chip readers until the Devices page of the intake work is merged; the
 * panel then moves into that page (renderer/src/pages/devices/) and this entry goes away.
 */
export function CardReadersPage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="card-readers-page">
      <h1>{t('nav.cardReaders')}</h1>
      <CardReadersPanel />
    </div>
  );
}
