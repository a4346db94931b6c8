import type { TrendMonth, TrendQuery } from '@primm/shared/contracts/aggregates';
import { perturbCount } from '@primm/shared/aggregates/perturb';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import type { Db } from '../db/open-database';
import { studentKey, type CellKeySecret } from './cell-key';
import { studentMonthHours, type StudentMonths } from './monthly-trend-hours';

export interface MonthCounts {
  month: string;
  students: number;
  absentOver10: number;
  absentOver25: number;
  /** Sums of the counted students' cell keys (cell-key.ts), when the noise is wanted. */
  keys?: { students: number; absentOver10: number; absentOver25: number };
}

/**
 * Per month of lessons (September → the latest month any school's data reaches): the distinct
 * students enrolled in it, and how many missed more than 10 % / 25 % of the hours held.
 *
 * - Hours held: the lesson days (`lessonDays`: calendar, closures, timetable) of the class of
 *   each stay, while the student was in it (`left_on` is the first day out), up to the school's
 *   data date (`findDataAsOf`: days after the last export are not known to be attended).
 * - Hours absent: every attendance event of the month (all kinds, justified or not, as the
 *   attendance rate counts them), capped at the hours held.
 * - A school's students count only in the months its data reaches; a student in two schools in
 *   one month is one student, with the hours of both.
 * - Class filters (grade, track) apply to the class of each stay; person filters to the student.
 *
 * Set-based (docs/performance-history.md, "Equità e andamento mensile senza cache"): a few
 * statements for the whole selection (monthly-trend-data.ts), hours per student and month from
 * running totals (monthly-trend-hours.ts).
 */
export async function computeMonthlyTrend(
  db: Db,
  year: { id: number; label: string },
  filters: TrendQuery,
  onlySchoolIds: number[] | null,
  secret?: CellKeySecret,
): Promise<MonthCounts[]> {
  return countMonths(await studentMonthHours(db, year, filters, onlySchoolIds), secret);
}

/**
 * The students enrolled in each month, and those absent more than 10 % and 25 % of the hours
 * held; with a secret, also the sums of their cell keys (cell-key.ts) for the noise.
 */
export function countMonths(
  { months, studentIds, enrolled, held, absent }: StudentMonths,
  secret?: CellKeySecret,
): MonthCounts[] {
  const keyOf = secret ? studentIds.map((id) => studentKey(secret, id)) : undefined;
  return months.map((month, m) => {
    const counts: MonthCounts = { month, students: 0, absentOver10: 0, absentOver25: 0 };
    const keys = { students: 0, absentOver10: 0, absentOver25: 0 };
    for (let i = m, s = 0; i < studentIds.length * months.length; i += months.length, s++) {
      if (!enrolled[i]) continue;
      const share = held[i]! > 0 ? Math.min(absent[i]!, held[i]!) / held[i]! : 0;
      const key = keyOf?.[s] ?? 0;
      counts.students++;
      keys.students += key;
      if (share > 0.1) (counts.absentOver10++, (keys.absentOver10 += key));
      if (share > 0.25) (counts.absentOver25++, (keys.absentOver25 += key));
    }
    return keyOf ? { ...counts, keys } : counts;
  });
}

const PUBLISHED = ['students', 'absentOver10', 'absentOver25'] as const;

/**
 * Small-cell and complementary suppression of the trend (`suppressCounts`, checked by the
 * interval audit), protection against the coarser requests, then the noise.
 *
 * What a reader could combine: within one month, students ≥ absentOver10 ≥ absentOver25 are
 * nested, so the three published counts imply two unpublished ones, the bands
 * `under10 = students − absentOver10` and `from10to25 = absentOver10 − absentOver25`. Those are
 * groups of students too: a band of 1–9 must not come back by subtraction. So each month carries
 * both bands as unpublished cells, in two sum relations: under10 + absentOver10 = students, and
 * from10to25 + absentOver25 = absentOver10; the audit protects a small band like a small count.
 *
 * Across months there is no relation: no total over the year is published, and a student counts
 * in every month they were enrolled, so months do not sum to anything shown.
 *
 * Across requests (issue 17, finding 6): `coarser` holds the same months with one filter fewer,
 * once per filter. A month whose students differ from there by 1 to threshold − 1 would give
 * those few students' absence bands away by subtraction: each of its counts is hidden and
 * protected (a zero too, shown `<10`); so is each count that alone differs by 1 to threshold − 1. Then each published count
 * moves by its cell key's noise (shared/src/aggregates/perturb.ts).
 */
export function suppressTrend(
  counts: MonthCounts[],
  threshold: number,
  options: { coarser?: MonthCounts[][]; noise?: number } = {},
): TrendMonth[] {
  const records: CountRecord[] = counts.map((c) => ({
    id: c.month,
    values: {
      students: c.students,
      absentOver10: c.absentOver10,
      absentOver25: c.absentOver25,
      under10: c.students - c.absentOver10,
      from10to25: c.absentOver10 - c.absentOver25,
    },
    unpublished: ['under10', 'from10to25'],
  }));
  const relations: Relation[] = counts.flatMap((c) => [
    {
      members: [
        [c.month, 'under10'],
        [c.month, 'absentOver10'],
      ],
      target: [c.month, 'students'],
    },
    {
      members: [
        [c.month, 'from10to25'],
        [c.month, 'absentOver25'],
      ],
      target: [c.month, 'absentOver10'],
    },
  ]);
  const protect: { cell: [string, string]; min: number; max: number }[] = [];
  const small = (d: number) => d > 0 && d < threshold;
  for (const coarse of options.coarser ?? []) {
    const wider = new Map(coarse.map((c) => [c.month, c]));
    for (const c of counts) {
      const w = wider.get(c.month);
      if (!w) continue;
      const wholeMonth = small(w.students - c.students);
      for (const m of PUBLISHED) {
        if (wholeMonth ? w[m] > 0 : c[m] >= threshold && small(w[m] - c[m])) {
          protect.push({
            cell: [c.month, m],
            min: Math.max(threshold, w[m] - threshold + 1),
            max: Math.max(w[m] - 1, c[m]),
          });
        }
      }
    }
  }
  const { shown } = suppressCounts(records, relations, { threshold, protect });
  return counts.map((c) => {
    const v = shown[c.month]!;
    const out = (m: (typeof PUBLISHED)[number]) => {
      const cell = v[m]!;
      return typeof cell === 'number' && c.keys ? perturbCount(cell, c.keys[m], threshold, options.noise ?? 0) : cell;
    };
    return {
      month: c.month,
      values: { students: out('students'), absentOver10: out('absentOver10'), absentOver25: out('absentOver25') },
    };
  });
}
