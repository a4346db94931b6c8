import { describe, expect, test } from 'vitest';
import { isValidCodiceFiscale } from '../../shared/src/codice-fiscale.ts';
import { dayOf, yearOf } from './dates.ts';
import { Geography } from './geography.ts';
import { COUNTRIES } from './names.ts';
import { Rng } from './random.ts';
import { DEFAULT_REFERENCE_DIR, loadMunicipalities } from './reference.ts';
import type { SchoolSpec } from './schools.ts';
import { CfRegistry, makePersona } from './students.ts';
import { CURRICULA } from './subjects.ts';

const school: SchoolSpec = {
  code: 'ANPS03000E',
  name: 'LICEO',
  instituteCode: 'ANPS03000E',
  instituteName: 'LICEO',
  cadastral: 'A271',
  municipality: 'ANCONA',
  province: 'AN',
  tipologia: 'LICEO SCIENTIFICO',
  level: 'secondo grado',
  address: '',
  curricula: ['liceo-scientifico'],
  foreignShare: 0.3,
  students: 0,
};

describe('makePersona', async () => {
  const geography = new Geography(await loadMunicipalities(DEFAULT_REFERENCE_DIR));

  test('when 5 000 students are made, then every codice fiscale is valid and unique', () => {
    const registry = new CfRegistry();
    const rng = new Rng(7);
    const cfs = Array.from(
      { length: 5000 },
      (_, i) =>
        makePersona({
          rng,
          geography,
          registry,
          school,
          curriculum: CURRICULA['liceo-scientifico']!,
          grade: (i % 5) + 1,
          startYear: 2025,
          lessonsStart: dayOf(2025, 9, 15),
          asOf: dayOf(2026, 3, 31),
        }).cf,
    );

    expect(cfs.every(isValidCodiceFiscale)).toBe(true);
    expect(new Set(cfs).size).toBe(cfs.length);
  });

  test('when a student repeated years, then the birth year shows the same delay', () => {
    const registry = new CfRegistry();
    const rng = new Rng(11);
    for (let i = 0; i < 2000; i++) {
      const p = makePersona({
        rng,
        geography,
        registry,
        school,
        curriculum: CURRICULA['liceo-scientifico']!,
        grade: 3,
        startYear: 2025,
        lessonsStart: dayOf(2025, 9, 15),
        asOf: dayOf(2026, 3, 31),
      });
      const repeats = p.history.filter((h) => h.outcome === 'non ammesso').length;
      const delay = 2025 - 13 - 3 - yearOf(p.birthDay);

      // delay = repeated years + placement on arrival (foreign-born), or -1 for early starters
      if (p.bornInItaly) expect([repeats, -1]).toContain(delay);
      else expect(delay - repeats).toBeGreaterThanOrEqual(0);
    }
  });
});

test('COUNTRIES: every foreign-state code has the Z form of the codice fiscale', () => {
  for (const c of COUNTRIES) expect(c.zCode).toMatch(/^Z\d{3}$/);
  expect(new Set(COUNTRIES.map((c) => c.zCode)).size).toBe(COUNTRIES.length);
});

test('subjects: names carry no comma, since esiti lists them comma-separated', () => {
  for (const c of Object.values(CURRICULA)) for (const s of [...c.early, ...c.late]) expect(s.name).not.toContain(',');
});
