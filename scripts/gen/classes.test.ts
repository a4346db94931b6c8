import { describe, expect, test } from 'vitest';
import { buildClasses } from './classes';
import { Rng } from './random';
import type { SchoolSpec } from './schools';

const school = (students: number, level: SchoolSpec['level'], curricula: string[]): SchoolSpec => ({
  code: 'ANPS010006',
  name: 'Liceo di prova',
  instituteCode: 'ANIS01000X',
  instituteName: 'Istituto di prova',
  cadastral: 'A271',
  municipality: 'ANCONA',
  province: 'AN',
  tipologia: 'LICEO SCIENTIFICO',
  level,
  address: 'Via Roma 1',
  curricula,
  foreignShare: 0.12,
  students,
});

describe('buildClasses', () => {
  test.each([
    // students, level, indirizzi, seeds tried
    [650, 'secondo grado', ['liceo-scientifico', 'liceo-linguistico'], 20],
    [300, 'primo grado', ['media'], 20],
    [40, 'secondo grado', ['liceo-scientifico'], 20],
    // fewer students than classes (3 indirizzi × 5 years): the loop used to never end
    [10, 'secondo grado', ['liceo-scientifico', 'liceo-classico', 'tecnico-cat'], 20],
    [2, 'primo grado', ['media'], 20],
  ] as const)(
    'when a school has %i students (%s, %j), then its classes hold them all, each at least one',
    (students, level, curricula, seeds) => {
      for (let seed = 1; seed <= seeds; seed++) {
        const classes = buildClasses(school(students, level, [...curricula]), new Rng(seed));
        expect(classes.reduce((sum, c) => sum + c.size, 0)).toBe(students);
        expect(classes.every((c) => c.size >= 1)).toBe(true);
        expect(new Set(classes.map((c) => c.name)).size).toBe(classes.length);
      }
    },
  );
});
