import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { appMessages } from './sections/app';
import { chipMessages } from './sections/chip';
import { autofillMessages } from './sections/autofill';
import { counterMessages } from './sections/counter';
import { dashboardMessages } from './sections/dashboard';
import { dossiersMessages } from './sections/dossiers';
import { lifecycleMessages } from './sections/lifecycle';
import { catalogMessages } from './sections/procedures';
import { devicesMessages } from './sections/devices';
import { reportsMessages } from './sections/reports';
import { digitizationMessages } from './sections/digitization';
import { scannersMessages } from './sections/scanners';
import { settingsMessages } from './sections/settings';
import { syncMessages } from './sections/sync';

/**
 * UI text, one section file per page (Vietnamese first, English second). A new page adds its
 * section here; keys are namespaced by their top-level name (`counter.save`).
 */
const SECTIONS = [
  appMessages,
  counterMessages,
  settingsMessages,
  lifecycleMessages,
  dashboardMessages,
  catalogMessages,
  dossiersMessages,
  chipMessages,
  autofillMessages,
  devicesMessages,
  digitizationMessages,
  scannersMessages,
  syncMessages,
  reportsMessages,
];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'motcua.language';

function merged(language: Language): Record<string, unknown> {
  return Object.assign({}, ...SECTIONS.map((section) => section[language]));
}

function storedLanguage(): Language {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: merged('vi') }, en: { translation: merged('en') } },
    lng: storedLanguage(),
    fallbackLng: 'vi',
    interpolation: { escapeValue: false }, // React escapes
  });
  document.documentElement.lang = i18next.language;
}

export function setLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
