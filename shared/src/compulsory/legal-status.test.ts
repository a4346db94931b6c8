import { describe, expect, test } from 'vitest';
import { ageOn } from '../dates';
import { legalStatusOn } from './legal-status';

describe('legalStatusOn', () => {
  test.each([
    ['2010-03-14', '2026-03-13', 'obbligo'], // the day before the 16th birthday
    ['2010-03-14', '2026-03-14', 'diritto_dovere'], // the 16th birthday
    ['2008-03-14', '2026-03-13', 'diritto_dovere'], // the day before the 18th birthday
    ['2008-03-14', '2026-03-14', 'adulto'], // the 18th birthday
    ['2012-09-01', '2025-09-15', 'obbligo'],
  ])('born %s, on %s → %s', (birth, date, status) => {
    expect(legalStatusOn(birth, date)).toBe(status);
  });
});

describe('ageOn', () => {
  test.each([
    ['2010-02-28', '2026-02-27', 15],
    ['2010-02-28', '2026-02-28', 16],
    ['2008-02-29', '2026-02-28', 17], // born on 29 February: not yet 18 on 28/02 of a common year
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2024-02-29', 16],
  ])('born %s, on %s → %i', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});
