import fc from 'fast-check';
import { linearRegression, mean } from 'simple-statistics';
import { describe, expect, test } from 'vitest';
import { conduct } from './conduct';
import { dayNumber } from '../dates';
import { digestGrades, emptyGradeDigest } from './grade-digest';
import { gradeTrend } from './grade-trend';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { computeSubjectAverages } from './subject-averages';
import type { GradeEntry } from './types';

const g = (date: string, subject: string, value: number | null, more: Partial<GradeEntry> = {}): GradeEntry => ({
  date,
  subject,
  value,
  inAverage: true,
  isConduct: false,
  termSeq: date < '2026-01-01' ? 1 : 2,
  kind: 'orale',
  ...more,
});

describe('digestGrades', () => {
  test.each([
    {
      name: 'no grades',
      grades: [],
      digest: emptyGradeDigest(),
    },
    {
      name: 'two grades of a subject: count, sum and the sums over x = days since the first grade',
      grades: [g('2025-10-01', 'MATEMATICA', 5), g('2025-10-11', 'MATEMATICA', 7)],
      digest: {
        subject: ['MATEMATICA'],
        termSeq: [1],
        n: [2],
        sum: [12],
        sx: [0 + 10],
        sxx: [0 + 10 ** 2],
        sxy: [0 * 5 + 10 * 7],
        sn: [0],
        ssum: [0],
        first: '2025-10-01',
        last: '2025-10-11',
        conduct: null,
      },
    },
    {
      name: 'x counts from the first grade of any subject, whatever their order',
      grades: [g('2025-10-05', 'ITALIANO', 6), g('2025-10-01', 'MATEMATICA', 5), g('2026-01-10', 'ITALIANO', 7.25)],
      digest: {
        subject: ['ITALIANO', 'MATEMATICA', 'ITALIANO'],
        termSeq: [1, 1, 2],
        n: [1, 1, 1],
        sum: [6, 5, 7.25],
        sx: [4, 0, 101],
        sxx: [16, 0, 101 ** 2],
        sxy: [4 * 6, 0, 101 * 7.25],
        sn: [0, 0, 0],
        ssum: [0, 0, 0],
        first: '2025-10-01',
        last: '2026-01-10',
        conduct: null,
      },
    },
    {
      name: 'scrutinio apart (not in the trend span), NC, judgements and grades after asOf left out',
      grades: [
        g('2025-10-01', 'STORIA', 6),
        g('2025-12-20', 'STORIA', 5.5, { kind: 'scrutinio' }),
        g('2025-10-02', 'STORIA', null),
        g('2025-10-03', 'RELIGIONE', 8, { inAverage: false }),
        g('2026-05-01', 'STORIA', 9),
      ],
      digest: {
        subject: ['STORIA'],
        termSeq: [1],
        n: [1],
        sum: [6],
        sx: [0],
        sxx: [0],
        sxy: [0],
        sn: [1],
        ssum: [5.5],
        first: '2025-10-01',
        last: '2025-10-01',
        conduct: null,
      },
    },
    {
      name: 'conduct: the latest, scrutinio winning on its day, whether in the average or not',
      grades: [
        g('2025-11-01', 'COMPORTAMENTO', 8, { isConduct: true }),
        g('2025-12-20', 'COMPORTAMENTO', 6, { isConduct: true, kind: 'scrutinio', inAverage: false }),
        g('2025-12-20', 'COMPORTAMENTO', 7, { isConduct: true }),
      ],
      digest: { ...emptyGradeDigest(), conduct: { date: '2025-12-20', value: 6, termSeq: 1 } },
    },
  ])('$name', ({ grades, digest }) => {
    expect(digestGrades(grades, '2026-03-31')).toEqual(digest);
  });
});

// The grade indicators as they were before they read a digest (grades → averages, regression on
// centred points), kept here as the reference the digest must agree with.
function referenceSubjectAverages(grades: GradeEntry[], asOf: string, termSeq: number) {
  const bySubject = new Map<string, GradeEntry[]>();
  for (const x of grades) {
    if (x.value === null || !x.inAverage || x.isConduct || x.date > asOf || x.termSeq > termSeq) continue;
    const key = x.subject.trim().toUpperCase();
    bySubject.set(key, [...(bySubject.get(key) ?? []), x]);
  }
  return [...bySubject]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([subject, list]) => {
      const term = Math.max(...list.map((x) => x.termSeq));
      const ofTerm = list.filter((x) => x.termSeq === term);
      const scrutinio = ofTerm.filter((x) => x.kind === 'scrutinio');
      const used = scrutinio.length > 0 ? scrutinio : ofTerm;
      return {
        subject,
        average: mean(used.map((x) => x.value as number)),
        termSeq: term,
        grades: used.length,
        fromScrutinio: scrutinio.length > 0,
      };
    });
}

/** The grades a slope counts: with a value, in the average, not conduct, up to `asOf`, not the scrutinio's. */
const countedForSlope = (grades: GradeEntry[], asOf: string) =>
  grades.filter((x) => x.value !== null && x.inAverage && !x.isConduct && x.date <= asOf && x.kind !== 'scrutinio');

function referenceSlope(grades: GradeEntry[], asOf: string): number | null {
  const counted = countedForSlope(grades, asOf);
  if (counted.length === 0) return null;
  const first = counted.map((x) => x.date).sort()[0]!;
  const bySubject = new Map<string, GradeEntry[]>();
  for (const x of counted) bySubject.set(x.subject, [...(bySubject.get(x.subject) ?? []), x]);
  const points: [number, number][] = [];
  for (const list of bySubject.values()) {
    const xs = list.map((x) => Math.round(dayNumber(x.date) - dayNumber(first)));
    const ys = list.map((x) => x.value as number);
    const mx = mean(xs);
    const my = mean(ys);
    xs.forEach((x, i) => points.push([x - mx, ys[i]! - my]));
  }
  if (points.every(([x]) => x === 0)) return null;
  return linearRegression(points).m * 30;
}

/**
 * How far the digest's slope may be from the reference's through rounding alone. The digest sums
 * x·value over day numbers (≈ 20 500) and then shifts them to the first day: each subject's Σxy of
 * n grades is off by at most (n + 3)·ε of Σ|x·value| + x0·Σ|value| (nothing for register grades,
 * whose products are multiples of a quarter; not so for 7.3 or 5.85, where two grades a day apart
 * leave a centred Sxy ≈ 10⁸ times smaller than Σxy). The day sums are whole numbers, exact; the
 * slope is Σ Sxy / Σ Sxx per 30 days. Twice that bound, plus the reference's own few ulps.
 */
function slopeTolerance(grades: GradeEntry[], asOf: string, expected: number): number {
  const counted = countedForSlope(grades, asOf);
  const x0 = dayNumber(counted.map((x) => x.date).sort()[0]!);
  const bySubject = new Map<string, GradeEntry[]>();
  for (const x of counted) bySubject.set(x.subject, [...(bySubject.get(x.subject) ?? []), x]);
  let error = 0;
  let sxx = 0;
  for (const list of bySubject.values()) {
    const xs = list.map((x) => dayNumber(x.date));
    const ys = list.map((x) => Math.abs(x.value as number));
    const mx = mean(xs);
    sxx += xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const magnitude = xs.reduce((a, x, i) => a + Math.abs(x * ys[i]!), 0) + x0 * ys.reduce((a, y) => a + y, 0);
    error += (list.length + 3) * Number.EPSILON * magnitude;
  }
  return 2 * ((error * 30) / sxx) + 64 * Number.EPSILON * Math.max(1, Math.abs(expected));
}

/** Equal but for the rounding of the digest's sums (`slopeTolerance`). */
const expectSameSlope = (got: number, expected: number, grades: GradeEntry[], asOf: string) =>
  expect(Math.abs(got - expected)).toBeLessThanOrEqual(slopeTolerance(grades, asOf, expected));

const SUBJECTS = ['MATEMATICA', 'Matematica ', 'ITALIANO', 'STORIA', 'INGLESE', 'COMPORTAMENTO'];
const DATES = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2025, 8, 15 + i)).toISOString().slice(0, 10));
const arbitraryGrade = (values: fc.Arbitrary<number | null>) =>
  fc
    .record({
      date: fc.constantFrom(...DATES),
      subject: fc.constantFrom(...SUBJECTS),
      value: values,
      inAverage: fc.constantFrom(true, true, true, false),
      isConduct: fc.constantFrom(false, false, false, true),
      kind: fc.constantFrom('scritto', 'orale', 'pratico', 'scrutinio') as fc.Arbitrary<
        NonNullable<GradeEntry['kind']>
      >,
    })
    .map((x): GradeEntry => ({ ...x, termSeq: x.date < '2026-01-01' ? 1 : 2 }));
// Register grades: whole, halves and quarters (6+, 6½, 6-) — sums of these are exact.
const registerValue = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((q) => q / 4),
  fc.constant(null),
);
const asOfs = fc.constantFrom('2025-09-14', '2025-12-31', '2026-02-10', '2026-06-30');

describe('the grade indicators read from the digest agree with the previous grade-by-grade code', () => {
  test('subject averages: equal, term by term, scrutinio included', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryGrade(registerValue), { maxLength: 80 }),
        asOfs,
        fc.constantFrom(1, 2),
        (grades, asOf, termSeq) => {
          expect(computeSubjectAverages(grades, asOf, termSeq)).toEqual(
            referenceSubjectAverages(grades, asOf, termSeq),
          );
        },
      ),
      { numRuns: 1_000 },
    );
  });

  test('grade trend: the same slope (but for the rounding of the sums) and the same "not computable" cases', () => {
    const settings = {
      ...DEFAULT_RISK_SETTINGS,
      grades: { ...DEFAULT_RISK_SETTINGS.grades, slopeMinGrades: 2, slopeMinSpanDays: 0 },
    };
    let computed = 0;
    fc.assert(
      fc.property(
        fc.array(arbitraryGrade(registerValue), { minLength: 3, maxLength: 80, size: 'large' }),
        asOfs,
        (grades, asOf) => {
          const expected = referenceSlope(grades, asOf);
          const got = gradeTrend({ asOf, grades }, settings).value;
          // Neither computes a slope with no grade, or with every subject's grades on one day.
          expect(got === null).toBe(expected === null);
          if (got === null || expected === null) return;
          computed++;
          expectSameSlope(got, expected, grades, asOf);
        },
      ),
      { numRuns: 1_000 },
    );
    expect(computed).toBeGreaterThan(400); // most runs compare two slopes (a quarter are as of a day before any grade)
  });

  test('grade trend with decimal grades (7.3, 5.85…): the same slope but for the rounding of the sums', () => {
    const decimal = fc.integer({ min: 0, max: 1000 }).map((c) => c / 100);
    fc.assert(
      fc.property(fc.array(arbitraryGrade(decimal), { minLength: 10, maxLength: 80 }), (grades) => {
        const expected = referenceSlope(grades, '2026-06-30');
        const got = gradeTrend(
          { asOf: '2026-06-30', grades },
          {
            ...DEFAULT_RISK_SETTINGS,
            grades: { ...DEFAULT_RISK_SETTINGS.grades, slopeMinGrades: 2, slopeMinSpanDays: 0 },
          },
        ).value;
        if (expected === null) expect(got).toBeNull();
        else expectSameSlope(got!, expected, grades, '2026-06-30');
      }),
      { numRuns: 500 },
    );
  });

  test('grade trend: two decimal grades a day apart (6.56, 6.53; the case that broke a fixed 1e-9 rule on 07/12/2026), then the same slope within the rounding bound, itself below 1e-6', () => {
    const grades = [
      g('2026-03-07', 'ITALIANO', 6.56, { kind: 'scritto' }),
      g('2026-03-08', 'ITALIANO', 6.53, { kind: 'scritto' }),
      ...Array.from({ length: 9 }, () => g('2025-09-15', 'MATEMATICA', 0, { kind: 'scritto' })),
    ];
    const settings = {
      ...DEFAULT_RISK_SETTINGS,
      grades: { ...DEFAULT_RISK_SETTINGS.grades, slopeMinGrades: 2, slopeMinSpanDays: 0 },
    };
    const expected = referenceSlope(grades, '2026-06-30')!;
    const got = gradeTrend({ asOf: '2026-06-30', grades }, settings).value!;

    expect(expected).toBeCloseTo(-0.9, 6); // −0.03 in a day, per 30 days
    expectSameSlope(got, expected, grades, '2026-06-30');
    expect(slopeTolerance(grades, '2026-06-30', expected)).toBeLessThan(1e-6); // far below what is shown or compared (hundredths)
  });

  test('conduct: the same grade, date and term as the sort by date with scrutinio last', () => {
    fc.assert(
      fc.property(fc.array(arbitraryGrade(registerValue), { maxLength: 40 }), asOfs, (grades, asOf) => {
        const candidates = grades.filter((x) => x.isConduct && x.value !== null && x.date <= asOf);
        const sorted = [...candidates].sort(
          (a, b) => a.date.localeCompare(b.date) || Number(a.kind === 'scrutinio') - Number(b.kind === 'scrutinio'),
        );
        const expected = sorted.at(-1);
        const got = conduct({ asOf, grades }, DEFAULT_RISK_SETTINGS);
        expect(got.value).toBe(expected?.value ?? null);
        expect(got.details).toEqual(expected ? { date: expected.date, termSeq: expected.termSeq } : undefined);
      }),
      { numRuns: 1_000 },
    );
  });
});
