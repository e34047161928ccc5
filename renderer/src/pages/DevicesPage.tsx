import { useTranslation } from 'react-i18next';
import { DocumentScannersPanel } from './devices/DocumentScannersPanel';

/**
 * Thiết bị (IT staff). On this branch it holds only the document-scanner panel; the lead merges
 * it with the barcode-scanner panel of the intake issue into one Devices page.
 */
export function DevicesPage() {
  const { t } = useTranslation();
  return (
    <div className="page devices-page" data-testid="devices-page">
      <h1>{t('scanners.devicesTitle')}</h1>
      <DocumentScannersPanel />
    </div>
  );
}
