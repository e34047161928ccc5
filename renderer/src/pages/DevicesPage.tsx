import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { BarcodeScannersPanel } from './devices/BarcodeScannersPanel';
import { CardReadersPanel } from './devices/CardReadersPanel';
import { DocumentScannersPanel } from './devices/DocumentScannersPanel';

/** The page is a stack of panels, one per kind of device; each capability adds its own. */
const PANELS: readonly ComponentType[] = [
  BarcodeScannersPanel,
  DocumentScannersPanel,
  CardReadersPanel,
];

/** Thiết bị: for IT staff — scanners, their modes and settings, and test scans. */
export function DevicesPage() {
  const { t } = useTranslation();
  return (
    <div className="page devices-page" data-testid="devices-page">
      <h1>{t('devices.title')}</h1>
      {PANELS.map((Panel, i) => (
        <Panel key={i} />
      ))}
    </div>
  );
}
