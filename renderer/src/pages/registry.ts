import type { ComponentType } from 'react';
import { CounterPage } from './CounterPage';
import { DevicesPage } from './DevicesPage';
import { DigitizationPage } from './DigitizationPage';
import { SettingsPage } from './SettingsPage';

export interface PageEntry {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  component: ComponentType;
}

/** The app's pages in navigation order; each capability adds its own entry. */
export const PAGE_REGISTRY: readonly PageEntry[] = [
  { id: 'counter', label: 'nav.counter', component: CounterPage },
  { id: 'digitization', label: 'digitization.nav', component: DigitizationPage },
  { id: 'devices', label: 'scanners.navDevices', component: DevicesPage },
  { id: 'settings', label: 'nav.settings', component: SettingsPage },
];

export const DEFAULT_PAGE = 'counter';
