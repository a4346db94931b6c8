import { describe, expect, test } from 'vitest';
import { fairnessGroups } from './fairness';
import type { StudentFacts } from './student-facts';

const base: StudentFacts & { finalResult: string | null } = {
  studentId: 1,
  province: 'AN', school: 'ANPS03000E', schoolName: 'X', level: 'secondo_grado', gradeLevel: '3', track: 'liceo',
  citizenshipGroup: 'italiano', sex: 'F', tier: 1, attendanceRate: null, projectedAbsence: null, failingSubjects: null,
  ageGradeDelay: null, flagged: false, exitReason: null, openCase: false, caseOutcomes: [], actionTypes: [], reorientedArrived: null,
  finalResult: null,
};
const many = (n: number, over: Partial<typeof base>) => Array.from({ length: n }, () => ({ ...base, ...over }));

describe('fairnessGroups', () => {
  test('when 20 Italian students (5 at tier 2, 4 flagged) and 6 newly arrived, then shares for the first, nothing for the second', () => {
    const facts = [
      ...many(15, {}), ...many(4, { tier: 2, flagged: true }), ...many(1, { tier: 2 }),
      ...many(6, { citizenshipGroup: 'neo_arrivato', tier: 3, flagged: true }),
    ];

    const groups = fairnessGroups(facts, 10);

    expect(groups.find((g) => g.group === 'italiano')).toMatchObject({ students: 20, shareFlagged: 0.2, shareTier2plus: 0.25, falsePositiveRate: null });
    expect(groups.find((g) => g.group === 'neo_arrivato')).toEqual({
      dimension: 'citizenshipGroup', group: 'neo_arrivato', students: '<10', suppressed: true,
      shareFlagged: null, shareTier2plus: null, falsePositiveRate: null, falseNegativeRate: null,
    });
  });

  test('when final outcomes exist, then false positive and false negative rates of tier ≥ 2', () => {
    const facts = [
      ...many(8, { finalResult: 'ammesso' }), ...many(2, { tier: 2, finalResult: 'ammesso' }), // 2 of 10 good flagged wrongly
      ...many(9, { tier: 3, finalResult: 'non_ammesso' }), ...many(3, { tier: 1, finalResult: 'abbandono' }), // 3 of 12 bad missed
      ...many(4, { tier: 1, finalResult: 'trasferito' }), // a transfer ends well
    ];

    const [women] = fairnessGroups(facts, 10).filter((g) => g.dimension === 'sex');

    expect(women!.falsePositiveRate).toBeCloseTo(2 / 14);
    expect(women!.falseNegativeRate).toBeCloseTo(3 / 12);
  });
});
