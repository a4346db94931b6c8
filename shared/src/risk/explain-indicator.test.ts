import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessStudent, measureStudent } from './assess-student';
import { explainStored } from './explain-indicator';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings';
import { aStudent } from './test-input';
import type { AttendanceEvent, GradeEntry, HistoryEntry } from './types';

const DAYS = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2025, 8, 15 + i)).toISOString().slice(0, 10));
const event = fc.record({
  date: fc.constantFrom(...DAYS),
  kind: fc.constantFrom('assenza', 'assenza', 'entrata_posticipata', 'uscita_anticipata') as fc.Arbitrary<AttendanceEvent['kind']>,
  hours: fc.constantFrom(1, 2, 5, 6),
  justified: fc.boolean(),
  deroga: fc.constantFrom(null, null, null, 'salute'),
});
const gradeEntry = fc.record({
  date: fc.constantFrom(...DAYS),
  subject: fc.constantFrom('MATEMATICA', 'ITALIANO', 'INGLESE', 'STORIA', 'COMPORTAMENTO'),
  value: fc.oneof(fc.integer({ min: 8, max: 40 }).map((q) => q / 4), fc.constant(null)),
  inAverage: fc.constantFrom(true, true, false),
  isConduct: fc.constantFrom(false, false, false, true),
  kind: fc.constantFrom('scritto', 'orale', 'scrutinio') as fc.Arbitrary<NonNullable<GradeEntry['kind']>>,
}).map((g): GradeEntry => ({ ...g, termSeq: g.date < '2026-01-01' ? 1 : 2 }));
const history = fc.array(
  fc.record({
    schoolYear: fc.constantFrom('2022/23', '2023/24', '2024/25'),
    gradeLevel: fc.integer({ min: 1, max: 4 }),
    result: fc.constantFrom('ammesso', 'non_ammesso', 'sospensione_giudizio', 'ritirato', 'trasferito', 'abbandono') as fc.Arbitrary<HistoryEntry['result']>,
  }),
  { maxLength: 3 },
);
const settingsVariant = fc.constantFrom<RiskSettings>(
  DEFAULT_RISK_SETTINGS,
  { ...DEFAULT_RISK_SETTINGS, version: 2, grades: { ...DEFAULT_RISK_SETTINGS.grades, passMark: 5.5, slopeMinGrades: 3, slopeMinSpanDays: 10 } },
  { ...DEFAULT_RISK_SETTINGS, version: 3, attendance: { ...DEFAULT_RISK_SETTINGS.attendance, satisfactoryRate: 0.97 }, trend: { ...DEFAULT_RISK_SETTINGS.trend, minWeeks: 2 } },
);

describe('sentences composed when read (explainStored) are those assessStudent composes', () => {
  test('property: a measured assessment stored as JSON and read back gives the same indicators, sentences, reasons and tier explanation', () => {
    let withReasons = 0;
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.array(gradeEntry, { maxLength: 60 }),
        history,
        fc.constantFrom('2025-09-20', '2025-11-28', '2026-02-27', '2026-04-30'),
        fc.constantFrom(0, 990, 1056),
        fc.option(fc.constantFrom('2024-10-01', '2019-03-15')),
        fc.array(fc.double({ min: 3, max: 9, noNaN: true }), { maxLength: 30 }),
        settingsVariant,
        (events, grades, past, asOf, annualHours, arrivalDate, classAverages, settings) => {
          const input = aStudent({ asOf, events, grades, annualHours, classAverages, overrides: { history: past, arrivalDate, birthDate: '2009-05-01', gradeLevel: 2, level: 'secondo_grado' } });
          const expected = assessStudent(input, settings);
          const measured = measureStudent(input, settings);
          // As the recompute stores them (risk_result.indicators) and a list reads them.
          const stored = JSON.parse(JSON.stringify(measured.indicators));

          const read = explainStored(stored, settings);

          expect(read.indicators).toEqual(JSON.parse(JSON.stringify(expected.indicators)));
          expect(read.reasons).toEqual(expected.reasons);
          expect(read.tierExplanation).toBe(expected.tierExplanation);
          expect(measured.tier).toBe(expected.tier);
          if (expected.reasons.length > 0) withReasons++;
        },
      ),
      { numRuns: 1_500 },
    );
    expect(withReasons).toBeGreaterThan(300);
  });

  test('only age_grade_delay keeps its sentence in what is stored (its wording reads the arrival date)', () => {
    const input = aStudent({ overrides: { birthDate: '2007-05-01', gradeLevel: 2, level: 'secondo_grado', arrivalDate: '2024-10-01' } });

    const stored = measureStudent(input).indicators;

    expect(stored.filter((i) => i.explanation !== undefined).map((i) => i.key)).toEqual(['age_grade_delay']);
    expect(stored.find((i) => i.key === 'age_grade_delay')!.explanation).toContain('01/10/2024');
  });
});
