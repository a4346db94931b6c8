/**
 * Italian codice fiscale of a natural person (DM 23/12/1976, DPR 605/1973): 16 characters =
 * 3 surname letters, 3 name letters, 2 year digits, month letter, 2 day digits (+40 for women),
 * 4-character birthplace code (cadastral code of the Italian municipality, `Z…` for a foreign
 * country), check character. When two people would get the same code, the Agenzia delle Entrate
 * replaces digits with letters from the right (omocodia); such codes are valid too.
 */

export type Sex = 'M' | 'F';

export interface CodiceFiscaleInput {
  lastName: string;
  firstName: string;
  sex: Sex;
  /** ISO `yyyy-mm-dd` */
  birthDate: string;
  /** cadastral code (`A271`) or foreign-country code (`Z129`) */
  birthplaceCode: string;
}

const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Omocodia substitutes for the digits 0–9. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Positions (0-based) of the digits that omocodia may replace, rightmost first. */
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6] as const;

// Values of characters in odd positions (1st, 3rd, …) for the check character; digits take the
// value of the letter with the same index (0 ≡ A, 1 ≡ B, …).
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

function lettersOf(s: string): string {
  // Accents are stripped (Nicolò → NICOLO); spaces, apostrophes and other signs are ignored.
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function splitLetters(s: string): { consonants: string; vowels: string } {
  let consonants = '';
  let vowels = '';
  for (const ch of lettersOf(s)) {
    if (VOWELS.has(ch)) vowels += ch;
    else consonants += ch;
  }
  return { consonants, vowels };
}

function surnameCode(lastName: string): string {
  const { consonants, vowels } = splitLetters(lastName);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function firstNameCode(firstName: string): string {
  const { consonants, vowels } = splitLetters(firstName);
  // With four or more consonants the name takes the 1st, 3rd and 4th.
  if (consonants.length >= 4) return consonants[0]! + consonants[2]! + consonants[3]!;
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function charIndex(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

/** The check character of the first 15 characters. */
export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(first15[i]!);
    // Positions are counted from 1, so index 0 is an odd position.
    sum += i % 2 === 0 ? ODD_VALUES[idx]! : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function computeCodiceFiscale(input: CodiceFiscaleInput): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.birthDate);
  if (!m) throw new Error(`data di nascita non valida: ${input.birthDate}`);
  const month = MONTH_LETTERS[Number(m[2]) - 1];
  if (!month) throw new Error(`mese non valido: ${input.birthDate}`);
  const day = Number(m[3]) + (input.sex === 'F' ? 40 : 0);
  const place = input.birthplaceCode.toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(place)) throw new Error(`codice del luogo di nascita non valido: ${place}`);
  const first15 =
    surnameCode(input.lastName) +
    firstNameCode(input.firstName) +
    m[1]!.slice(2) +
    month +
    String(day).padStart(2, '0') +
    place;
  return first15 + checkCharacter(first15);
}

/**
 * The code with the `level` rightmost replaceable digits turned into omocodia letters
 * (level 1–7), with a new check character.
 */
export function applyOmocodia(cf: string, level: number): string {
  const chars = cf.slice(0, 15).split('');
  for (const pos of OMOCODIA_POSITIONS.slice(0, level)) {
    const ch = chars[pos]!;
    if (ch >= '0' && ch <= '9') chars[pos] = OMOCODIA_LETTERS[Number(ch)]!;
  }
  const first15 = chars.join('');
  return first15 + checkCharacter(first15);
}

const STRUCTURE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

function decodeDigits(s: string): number {
  let out = '';
  for (const ch of s) out += ch >= '0' && ch <= '9' ? ch : String(OMOCODIA_LETTERS.indexOf(ch));
  return Number(out);
}

/** True for a well-formed code with a valid day and check character (omocodia letters accepted). */
export function isValidCodiceFiscale(s: string): boolean {
  const cf = s.trim().toUpperCase();
  if (!STRUCTURE.test(cf)) return false;
  const day = decodeDigits(cf.slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return checkCharacter(cf.slice(0, 15)) === cf[15];
}
