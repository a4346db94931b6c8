import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import itBase from '../locales/it.json';
import enBase from '../locales/en.json';

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

type Texts = Record<string, unknown>;

/**
 * The base texts plus one file per feature and language (`locales/features/<feature>.<lang>.json`,
 * each with one top-level key, the feature's), so features add their texts without touching a
 * shared file. Bundled, so init is synchronous and the first render already has its texts.
 */
function withFeatures(base: Texts, files: Record<string, Texts>): Texts {
  const merged: Texts = { ...base };
  for (const [path, texts] of Object.entries(files)) {
    for (const [key, value] of Object.entries(texts)) {
      if (key in merged) throw new Error(`${path}: la chiave "${key}" esiste già nei testi`);
      merged[key] = value;
    }
  }
  return merged;
}

export const it = withFeatures(itBase, import.meta.glob<Texts>('../locales/features/*.it.json', { eager: true, import: 'default' }));
export const en = withFeatures(enBase, import.meta.glob<Texts>('../locales/features/*.en.json', { eager: true, import: 'default' }));

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
