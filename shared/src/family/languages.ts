/**
 * Languages a student's family may read, as ISO 639-1 codes with their names in Italian, in
 * English and in the language itself (a later issue prints bilingual letters from the code, so
 * the code is what is stored). First the languages of the largest foreign communities in the
 * Marche schools (ISTAT / MIM "Alunni con cittadinanza non italiana"), then the others a
 * mediator meets; "other" is not a code: leave the field empty and write it in a case note.
 */
export const FAMILY_LANGUAGES = [
  { code: 'it', it: 'italiano', en: 'Italian', native: 'italiano' },
  { code: 'ro', it: 'romeno', en: 'Romanian', native: 'română' },
  { code: 'sq', it: 'albanese', en: 'Albanian', native: 'shqip' },
  { code: 'ar', it: 'arabo', en: 'Arabic', native: 'العربية' },
  { code: 'zh', it: 'cinese', en: 'Chinese', native: '中文' },
  { code: 'uk', it: 'ucraino', en: 'Ukrainian', native: 'українська' },
  { code: 'mk', it: 'macedone', en: 'Macedonian', native: 'македонски' },
  { code: 'ur', it: 'urdu', en: 'Urdu', native: 'اردو' },
  { code: 'bn', it: 'bengalese', en: 'Bengali', native: 'বাংলা' },
  { code: 'pa', it: 'panjabi', en: 'Punjabi', native: 'ਪੰਜਾਬੀ' },
  { code: 'hi', it: 'hindi', en: 'Hindi', native: 'हिन्दी' },
  { code: 'en', it: 'inglese', en: 'English', native: 'English' },
  { code: 'fr', it: 'francese', en: 'French', native: 'français' },
  { code: 'es', it: 'spagnolo', en: 'Spanish', native: 'español' },
  { code: 'pt', it: 'portoghese', en: 'Portuguese', native: 'português' },
  { code: 'ru', it: 'russo', en: 'Russian', native: 'русский' },
  { code: 'pl', it: 'polacco', en: 'Polish', native: 'polski' },
  { code: 'bg', it: 'bulgaro', en: 'Bulgarian', native: 'български' },
  { code: 'sr', it: 'serbo', en: 'Serbian', native: 'српски' },
  { code: 'bs', it: 'bosniaco', en: 'Bosnian', native: 'bosanski' },
  { code: 'hr', it: 'croato', en: 'Croatian', native: 'hrvatski' },
  { code: 'tr', it: 'turco', en: 'Turkish', native: 'Türkçe' },
  { code: 'ka', it: 'georgiano', en: 'Georgian', native: 'ქართული' },
  { code: 'fa', it: 'persiano', en: 'Persian', native: 'فارسی' },
  { code: 'ps', it: 'pashto', en: 'Pashto', native: 'پښتو' },
  { code: 'ku', it: 'curdo', en: 'Kurdish', native: 'Kurdî' },
  { code: 'ta', it: 'tamil', en: 'Tamil', native: 'தமிழ்' },
  { code: 'si', it: 'singalese', en: 'Sinhala', native: 'සිංහල' },
  { code: 'tl', it: 'tagalog', en: 'Tagalog', native: 'Tagalog' },
  { code: 'wo', it: 'wolof', en: 'Wolof', native: 'Wolof' },
  { code: 'ff', it: 'fula', en: 'Fula', native: 'Fulfulde' },
  { code: 'bm', it: 'bambara', en: 'Bambara', native: 'bamanankan' },
  { code: 'ha', it: 'hausa', en: 'Hausa', native: 'Hausa' },
  { code: 'yo', it: 'yoruba', en: 'Yoruba', native: 'Yorùbá' },
  { code: 'ig', it: 'igbo', en: 'Igbo', native: 'Igbo' },
  { code: 'tw', it: 'twi', en: 'Twi', native: 'Twi' },
  { code: 'ti', it: 'tigrino', en: 'Tigrinya', native: 'ትግርኛ' },
  { code: 'am', it: 'amarico', en: 'Amharic', native: 'አማርኛ' },
  { code: 'so', it: 'somalo', en: 'Somali', native: 'Soomaali' },
] as const;

export type FamilyLanguageCode = (typeof FAMILY_LANGUAGES)[number]['code'];
export const FAMILY_LANGUAGE_CODES = FAMILY_LANGUAGES.map((l) => l.code) as [
  FamilyLanguageCode,
  ...FamilyLanguageCode[],
];

/** The language's name in the app's language ('it' or 'en'), or the code itself when unknown. */
export function familyLanguageName(code: string, uiLanguage: string): string {
  const found = FAMILY_LANGUAGES.find((l) => l.code === code);
  if (!found) return code;
  return uiLanguage.startsWith('en') ? found.en : found.it;
}
