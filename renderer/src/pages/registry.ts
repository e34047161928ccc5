import type { ComponentType } from 'react';
import { CatalogPage } from './CatalogPage';
import { AutofillPage } from './AutofillPage';
import { CounterPage } from './CounterPage';
import { DashboardPage } from './DashboardPage';
import { DossiersPage } from './DossiersPage';
import { DevicesPage } from './DevicesPage';
import { DigitizationPage } from './DigitizationPage';
import { ReportsPage } from './ReportsPage';
import { SettingsPage } from './SettingsPage';
import { SyncPage } from './SyncPage';

export interface PageEntry {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  component: ComponentType;
}

/** The app's pages in navigation order; each capability adds its own entry. */
export const PAGE_REGISTRY: readonly PageEntry[] = [
  { id: 'dashboard', label: 'nav.dashboard', component: DashboardPage },
  { id: 'counter', label: 'nav.counter', component: CounterPage },
  { id: 'dossiers', label: 'nav.dossiers', component: DossiersPage },
  { id: 'digitization', label: 'digitization.nav', component: DigitizationPage },
  { id: 'reports', label: 'reports.nav', component: ReportsPage },
  { id: 'catalog', label: 'nav.catalog', component: CatalogPage },
  { id: 'devices', label: 'nav.devices', component: DevicesPage },
  { id: 'autofill', label: 'autofill.nav', component: AutofillPage },
  { id: 'sync', label: 'sync.nav', component: SyncPage },
  { id: 'settings', label: 'nav.settings', component: SettingsPage },
];

export const DEFAULT_PAGE = 'counter';
