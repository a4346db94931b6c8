import { describe, expect, test } from 'vitest';
import { yearValidity } from './year-validity';

describe('yearValidity', () => {
  test.each([
    // annual, held, absent, derogated, unjustified, projected → available, atRisk, invalid, evasion
    [990, 500, 50, 0, 10, 0.1, 197.5, false, false, false],
    [990, 500, 150, 0, 20, 0.3, 97.5, true, false, false], // projected over 25 %
    [990, 800, 260, 20, 30, null, 7.5, false, false, false], // 240 counted of 247.5: still valid
    [990, 800, 260, 0, 30, null, 0, true, true, false], // 260 > 247.5
    [990, 800, 250, 0, 248, null, 0, true, true, true], // ¼ without justification: evasion too
  ])(
    'annual %i, held %i, absent %i (deroga %i, unjustified %i), projected %s → %d h left, at risk %s, invalid %s, evasion %s',
    (
      annualHours,
      hoursHeld,
      hoursAbsent,
      hoursDerogated,
      hoursUnjustified,
      projectedShare,
      left,
      atRisk,
      invalid,
      evasion,
    ) => {
      const v = yearValidity({ annualHours, hoursHeld, hoursAbsent, hoursDerogated, hoursUnjustified, projectedShare });
      expect(v.hoursStillAvailable).toBeCloseTo(left);
      expect([v.atRisk, v.invalid, v.evasion]).toEqual([atRisk, invalid, evasion]);
    },
  );
});
