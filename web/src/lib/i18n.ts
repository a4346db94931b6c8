import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from '../locales/it.json';
import en from '../locales/en.json';

export const languages = ['it', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'primm-ews.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : 'it';
  } catch {
    // Storage may be blocked (privacy settings): Italian is the default anyway.
    return 'it';
  }
}

function rememberLanguage(language: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Not remembered across visits; the switch still works for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

i18n.on('languageChanged', rememberLanguage);

// Resources are bundled (two small JSON files), so init is synchronous and the first render
// already has its texts.
void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: 'it',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  showSupportNotice: false,
});

export { i18n };
