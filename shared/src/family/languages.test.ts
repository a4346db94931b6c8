import { expect, test } from 'vitest';
import { FAMILY_LANGUAGES, FAMILY_LANGUAGE_CODES, familyLanguageName } from './languages';

test('FAMILY_LANGUAGES: when listed, then every code is a distinct two-letter ISO 639-1 code with all three names', () => {
  expect(new Set(FAMILY_LANGUAGE_CODES).size).toBe(FAMILY_LANGUAGES.length);
  for (const l of FAMILY_LANGUAGES) {
    expect(l.code).toMatch(/^[a-z]{2}$/);
    expect([l.it, l.en, l.native].every((name) => name.trim().length > 0)).toBe(true);
  }
});

test.each([
  ['ar', 'it', 'arabo'],
  ['ar', 'en', 'Arabic'],
  ['sq', 'en-GB', 'Albanian'],
  ['xx', 'it', 'xx'], // not in the list: the code, never an empty cell
])('familyLanguageName(%s, %s) → %s', (code, ui, expected) => {
  expect(familyLanguageName(code, ui)).toBe(expected);
});
