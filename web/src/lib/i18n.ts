import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatDate } from './format';

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
 * One file per feature and language (`locales/features/<feature>.<lang>.json`, each with one
 * top-level key, the feature's, which is the namespace its components' `t` calls use), so a
 * feature adds its texts without touching a shared file. Bundled, so init is synchronous and the
 * first render already has its texts.
 */
function merged(files: Record<string, Texts>): Texts {
  const texts: Texts = {};
  for (const [path, file] of Object.entries(files)) {
    for (const [key, value] of Object.entries(file)) {
      if (key in texts) throw new Error(`${path}: la chiave "${key}" esiste già nei testi`);
      texts[key] = value;
    }
  }
  return texts;
}

export const itFiles = import.meta.glob<Texts>('../locales/features/*.it.json', { eager: true, import: 'default' });
export const enFiles = import.meta.glob<Texts>('../locales/features/*.en.json', { eager: true, import: 'default' });
export const it = merged(itFiles);
export const en = merged(enFiles);

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: 'it',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  showSupportNotice: false,
});

// The formats of the risk engine's explanation templates (`{{rate, percent}}`…): the same as the
// Italian renderer's in shared/src/risk/render-italian.ts, in the reader's language.
const intlLocale = (lng?: string) => (lng?.startsWith('en') ? 'en-GB' : 'it-IT');
const number = (digits: number) => (value: unknown, lng?: string) =>
  new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: digits }).format(Number(value));
const formatter = i18n.services.formatter;
formatter?.add('n0', number(0));
formatter?.add('n1', number(1));
formatter?.add('n2', number(2));
formatter?.add('percent', (value, lng) => {
  const pct = Number(value) * 100;
  const text = number(Math.abs(pct) < 10 && pct !== 0 ? 1 : 0)(pct, lng);
  return lng?.startsWith('en') ? `${text}%` : `${text} %`;
});
formatter?.add('date', (value, lng) => formatDate(String(value), lng));
formatter?.add('lower', (value) => String(value).toLowerCase());
// 0 = Monday: 1 January 2024 was a Monday.
formatter?.add('weekday', (value, lng) =>
  new Intl.DateTimeFormat(intlLocale(lng), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + Number(value))),
  ),
);

export { i18n };
