import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessStudent } from './assess-student';
import { aStudent, absences, grade, lessonDaysOf } from './test-input';
import type { StudentRiskInput } from './types';

const days = lessonDaysOf({}).map((d) => d.date);

describe('assessStudent', () => {
  test('when a student has no events and no grades yet, then level 1 and every indicator is ok', () => {
    const r = assessStudent(aStudent({ asOf: '2025-09-15' }));

    expect(r.tier).toBe(1);
    expect(r.indicators).toHaveLength(11);
    expect(r.indicators.every((i) => i.level === 'ok')).toBe(true);
    expect(r.tierExplanation).toBe('Livello 1: nessun segnale di rischio.');
    expect(r.tierMessage).toEqual({ key: 'explain.level.1_none', params: {} });
    expect(r.probability).toBeNull(); // no model in the default settings
  });

  test('when absence is chronic and the average fails, then level 3 with the reasons that drove it', () => {
    const r = assessStudent(
      aStudent({ events: absences(days.slice(0, 30)), grades: [grade('MATEMATICA', 4), grade('STORIA', 7)] }),
    );

    expect(r.tier).toBe(3);
    // One failing core subject is attention since issue 18; the average 5,5 is high.
    expect(r.reasons.filter((x) => x.level === 'high').map((x) => x.key)).toEqual([
      'attendance_rate',
      'absence_projection',
      'grade_average',
    ]);
    expect(r.reasons.map((x) => x.message.key)).toContain('explain.failing_subjects.some_core');
    expect(r.settingsVersion).toBe(1);
  });

  test('when every absence has a deroga, then the legal projection is ok but chronic absence is still seen', () => {
    const r = assessStudent(aStudent({ events: absences(days.slice(0, 30), { deroga: 'terapie', justified: true }) }));

    expect(r.indicators.find((i) => i.key === 'absence_projection')?.level).toBe('ok');
    expect(r.indicators.find((i) => i.key === 'attendance_rate')?.level).toBe('high');
    expect(r.tier).toBe(2);
  });

  test('when the student transferred in during January, then only the new enrolment is assessed', () => {
    const input = aStudent({
      enrolledOn: '2026-01-12',
      asOf: '2026-03-13',
      events: absences(['2025-10-01', '2025-10-02', ...days.filter((d) => d >= '2026-02-02').slice(0, 3)]),
    });

    const r = assessStudent(input);

    // 45 lesson days from 12/01 to 13/03, 270 h; 3 days (18 h) count, October is another school's.
    expect(r.indicators.find((i) => i.key === 'attendance_rate')?.details).toMatchObject({
      hoursHeld: 270,
      hoursAbsent: 18,
    });
    expect(r.tier).toBe(1);
  });

  test('property: migrant background never moves a level, a value or the tier (arrivalDate only words sentences)', () => {
    const input = aStudent({
      events: absences(days.slice(0, 12)),
      grades: [grade('MATEMATICA', 5.5), grade('STORIA', 6)],
    });
    const withHistory: StudentRiskInput = {
      ...input,
      birthDate: '2008-04-01',
      history: [{ schoolYear: '2023/24', gradeLevel: 1, result: 'non_ammesso' }],
    };
    const strip = (r: ReturnType<typeof assessStudent>) => ({
      tier: r.tier,
      score: r.score,
      v: r.indicators.map((i) => [i.key, i.value, i.level]),
    });
    const reference = strip(assessStudent({ ...withHistory, arrivalDate: null }));

    fc.assert(
      fc.property(
        fc.option(
          fc
            .date({ min: new Date('2000-01-01'), max: new Date('2026-01-30'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        ),
        (arrivalDate) => {
          expect(strip(assessStudent({ ...withHistory, arrivalDate }))).toEqual(reference);
        },
      ),
    );
  });

  test('the input contract has no citizenship, birthplace, NAI or L2 field', () => {
    const keys = Object.keys(aStudent());

    for (const banned of ['citizenship', 'bornInItaly', 'newlyArrived', 'nai', 'l2Level', 'birthplace'])
      expect(keys).not.toContain(banned);
  });
});
