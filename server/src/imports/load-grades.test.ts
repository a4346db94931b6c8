import { describe, expect, test } from 'vitest';
import { gradeKey } from './load-grades';

// Day numbers as the loaders get them (days since 1970): 2025-10-01 and 2025-10-02.
const OCT_1 = 20_362;
const OCT_2 = 20_363;

describe('gradeKey', () => {
  test('when grades differ in any part of their natural key, then their keys differ; the same grade always gets the same key', () => {
    const subjects = new Map<string, number>();
    const grades: [number, number, string, string][] = [
      [1, OCT_1, 'MATEMATICA', 'scritto'],
      [1, OCT_1, 'MATEMATICA', 'orale'],
      [1, OCT_1, 'ITALIANO', 'scritto'],
      [1, OCT_2, 'MATEMATICA', 'scritto'],
      [2, OCT_1, 'MATEMATICA', 'scritto'],
      [1, OCT_1, 'MATEMATICA', 'scrutinio'],
      [2 ** 25 - 1, 65_535, 'ITALIANO', 'pratico'],
    ];
    const keys = grades.map((g) => gradeKey(subjects, ...g));
    expect(new Set(keys).size).toBe(grades.length);
    expect(grades.map((g) => gradeKey(subjects, ...g))).toEqual(keys);
    for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
  });

  test.each([
    ['a student id beyond 2^25', 2 ** 25, 'MATEMATICA'],
    ['a subject beyond the 1 024th', 1, 'MATERIA 1024'],
  ])(
    'when a grade has %s, then its key is a string, and still the same for the same grade',
    (_, studentId, subject) => {
      // Every code taken, MATEMATICA among them: only the student id can make its key a string.
      const subjects = new Map<string, number>(Array.from({ length: 1023 }, (_, i) => [`MATERIA ${i}`, i] as const));
      subjects.set('MATEMATICA', 1023);
      const key = gradeKey(subjects, studentId, OCT_1, subject, 'scritto');
      expect(typeof key).toBe('string');
      expect(gradeKey(subjects, studentId, OCT_1, subject, 'scritto')).toBe(key);
      expect(gradeKey(subjects, studentId, OCT_1, subject, 'orale')).not.toBe(key);
    },
  );
});
