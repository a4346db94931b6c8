import { FAMILY_LANGUAGES } from '../family/languages';

/**
 * The letters a school sends a family (issue 21 item 4): the notice of art. 114 c. 2 (15 days
 * away), an invitation to a meeting (from a case) and the information on a reorientation (from a
 * case's reorientation action). Their texts are data, one template per letter and language.
 */
export const LETTER_KINDS = ['family_notice', 'meeting_invitation', 'reorientation_info'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * The languages shipped with a template (server/src/letters/templates/README.md says why these:
 * the citizenships most present among the pupils of the Marche schools, MIM figures).
 */
export const SHIPPED_LETTER_LANGUAGES = ['it', 'ro', 'sq', 'ar', 'zh', 'ur', 'bn', 'uk', 'en', 'fr', 'es'] as const;

/** What every letter can say: filled from the letter facts or typed at print time. */
const COMMON = ['studentName', 'schoolName', 'schoolCode', 'className', 'letterDate', 'protocol'] as const;

/**
 * The placeholders each letter may use, written `{{name}}` in a template. Only what the letter's
 * facts hold (compulsory/letter-facts.ts, the case and its action) or the print form asks for.
 */
export const LETTER_PLACEHOLDERS = {
  family_notice: [
    ...COMMON,
    'birthDate',
    'schoolYear',
    'windowFrom',
    'triggeredOn',
    'daysCount',
    'countedDays',
    'legalBasis',
  ],
  meeting_invitation: [...COMMON, 'meetingDate', 'meetingTime', 'meetingPlace'],
  reorientation_info: [...COMMON, 'actionDate', 'destination'],
} as const satisfies Record<LetterKind, readonly string[]>;

export type LetterPlaceholder<K extends LetterKind> = (typeof LETTER_PLACEHOLDERS)[K][number];
export type LetterValues = Partial<Record<string, string>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names written between `{{ }}` in a text that the letter does not know, once each, in order. */
export function unknownPlaceholders(kind: LetterKind, text: string): string[] {
  const known: readonly string[] = LETTER_PLACEHOLDERS[kind];
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name));
  return [...new Set(unknown)];
}

/** Unicode FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9). */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The text with each known placeholder replaced by its value; a value still missing (a field not
 * typed yet) prints as a line to fill in by hand, as the Italian letters already do. `isolate`
 * (right-to-left letters): each value is a bidi isolate, so a Latin name, a list of dates or the
 * Italian legal reference keeps its own order inside Arabic text instead of scrambling its
 * parentheses and commas into the sentence around it.
 */
export function fillTemplate(text: string, values: LetterValues, options: { isolate?: boolean } = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name]?.trim() || '________';
    return options.isolate ? `${FSI}${value}${PDI}` : value;
  });
}

/**
 * Languages written right to left among those a family may read, and a few more a later list
 * might add (Hebrew, Yiddish, Dhivehi, Sindhi, Uyghur, Sorani Kurdish). `ku` is Kurmanji here
 * ("Kurdî", Latin script), so it stays left to right.
 */
const RTL = new Set(['ar', 'fa', 'ps', 'ur', 'he', 'yi', 'dv', 'sd', 'ug', 'ckb']);

export function textDirection(language: string): 'rtl' | 'ltr' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/**
 * "Translation not verified" and "the Italian text prevails" in each shipped language, printed
 * under a translation until an admin marks it verified, so the family reads it in its language.
 */
export const UNVERIFIED_NOTE: Record<(typeof SHIPPED_LETTER_LANGUAGES)[number], string> = {
  it: 'Traduzione non verificata: fa fede il testo italiano.',
  ro: 'Traducere neverificată: textul în limba italiană este cel valabil.',
  sq: 'Përkthim i paverifikuar: vlen teksti në italisht.',
  ar: 'ترجمة غير مُراجَعة: النص الإيطالي هو المعتمد.',
  zh: '译文未经核实：以意大利语文本为准。',
  ur: 'غیر تصدیق شدہ ترجمہ: اطالوی متن ہی معتبر ہے۔',
  bn: 'অনুবাদটি যাচাই করা হয়নি: ইতালীয় পাঠই প্রামাণ্য।',
  uk: 'Переклад не перевірено: чинним є текст італійською мовою.',
  en: 'Translation not verified: the Italian text prevails.',
  fr: 'Traduction non vérifiée : seul le texte italien fait foi.',
  es: 'Traducción no verificada: prevalece el texto en italiano.',
};

/** The language's own name, for the heading of the translation ("العربية", "română"). */
export function nativeLanguageName(code: string): string {
  return FAMILY_LANGUAGES.find((l) => l.code === code)?.native ?? code;
}
