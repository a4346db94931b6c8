/**
 * Test helper: random students for the property tests of the engine and of what the server stores
 * of it (fast-check): events, grades, past years, "today", monte ore, arrival and class averages
 * over one school year, and three versions of the settings.
 */
import fc from 'fast-check';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings';
import { aStudent } from './test-input';
import type { AttendanceEvent, GradeEntry, HistoryEntry, StudentRiskInput } from './types';

const DAYS = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2025, 8, 15 + i)).toISOString().slice(0, 10));
const event = fc.record({
  date: fc.constantFrom(...DAYS),
  kind: fc.constantFrom('assenza', 'assenza', 'entrata_posticipata', 'uscita_anticipata') as fc.Arbitrary<
    AttendanceEvent['kind']
  >,
  hours: fc.constantFrom(1, 2, 5, 6),
  justified: fc.boolean(),
  deroga: fc.constantFrom(null, null, null, 'salute'),
});
const gradeEntry = fc
  .record({
    date: fc.constantFrom(...DAYS),
    subject: fc.constantFrom('MATEMATICA', 'ITALIANO', 'INGLESE', 'STORIA', 'COMPORTAMENTO'),
    value: fc.oneof(
      fc.integer({ min: 8, max: 40 }).map((q) => q / 4),
      fc.constant(null),
    ),
    inAverage: fc.constantFrom(true, true, false),
    isConduct: fc.constantFrom(false, false, false, true),
    kind: fc.constantFrom('scritto', 'orale', 'scrutinio') as fc.Arbitrary<NonNullable<GradeEntry['kind']>>,
  })
  .map((g): GradeEntry => ({ ...g, termSeq: g.date < '2026-01-01' ? 1 : 2 }));
const history = fc.array(
  fc.record({
    schoolYear: fc.constantFrom('2022/23', '2023/24', '2024/25'),
    gradeLevel: fc.integer({ min: 1, max: 4 }),
    result: fc.constantFrom(
      'ammesso',
      'non_ammesso',
      'sospensione_giudizio',
      'ritirato',
      'trasferito',
      'abbandono',
    ) as fc.Arbitrary<HistoryEntry['result']>,
  }),
  { maxLength: 3 },
);
export const settingsVariant = fc.constantFrom<RiskSettings>(
  DEFAULT_RISK_SETTINGS,
  {
    ...DEFAULT_RISK_SETTINGS,
    version: 2,
    grades: { ...DEFAULT_RISK_SETTINGS.grades, passMark: 5.5, slopeMinGrades: 3, slopeMinSpanDays: 10 },
  },
  {
    ...DEFAULT_RISK_SETTINGS,
    version: 3,
    attendance: { ...DEFAULT_RISK_SETTINGS.attendance, satisfactoryRate: 0.97 },
    trend: { ...DEFAULT_RISK_SETTINGS.trend, minWeeks: 2 },
  },
);

/** A student as `aStudent` builds them from random events, grades and history. */
export const randomStudent: fc.Arbitrary<StudentRiskInput> = fc
  .tuple(
    fc.array(event, { maxLength: 40 }),
    fc.array(gradeEntry, { maxLength: 60 }),
    history,
    fc.constantFrom('2025-09-20', '2025-11-28', '2026-02-27', '2026-04-30'),
    fc.constantFrom(0, 990, 1056),
    fc.option(fc.constantFrom('2024-10-01', '2019-03-15')),
    fc.array(fc.double({ min: 3, max: 9, noNaN: true }), { maxLength: 30 }),
  )
  .map(([events, grades, past, asOf, annualHours, arrivalDate, classAverages]) =>
    aStudent({
      asOf,
      events,
      grades,
      annualHours,
      classAverages,
      overrides: { history: past, arrivalDate, birthDate: '2009-05-01', gradeLevel: 2, level: 'secondo_grado' },
    }),
  );
