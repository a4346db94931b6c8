import fc from 'fast-check';
import { expect, test } from 'vitest';
import { computeSubjectAverages } from './subject-averages';
import type { GradeEntry } from './types';

const grade = (subject: string, value: number): GradeEntry => ({
  date: '2025-10-01',
  subject,
  value,
  inAverage: true,
  isConduct: false,
  termSeq: 1,
});

test('computeSubjectAverages: when subjects have any names, then they come sorted as localeCompare sorts them (its memoised ranks agree)', () => {
  // Letters that collate in surprising ways: accents, case, spaces, hyphens, apostrophes.
  const name = fc.string({
    unit: fc.constantFrom('A', 'a', 'À', 'E', 'È', 'é', 'I', 'O', 'Z', ' ', '-', "'", '1', 'ß'),
    minLength: 1,
    maxLength: 6,
  });
  fc.assert(
    fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), (subjects) => {
      const keys = [...new Set(subjects.map((s) => s.trim().toUpperCase()))]; // in order of first appearance

      const sorted = computeSubjectAverages(
        subjects.map((s, i) => grade(s, i % 10)),
        '2026-01-30',
        1,
      ).map((s) => s.subject);

      expect(sorted).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    }),
    { numRuns: 300 }, // 2 000 took 8 s on a loaded 2-core machine, past vitest's timeout
  );
});
