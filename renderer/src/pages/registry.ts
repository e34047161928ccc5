import type { ComponentType } from 'react';
import { CounterPage } from './CounterPage';
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
  { id: 'counter', label: 'nav.counter', component: CounterPage },
  { id: 'sync', label: 'sync.nav', component: SyncPage },
  { id: 'settings', label: 'nav.settings', component: SettingsPage },
];

export const DEFAULT_PAGE = 'counter';
