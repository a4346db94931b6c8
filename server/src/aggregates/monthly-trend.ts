import type { TrendMonth, TrendQuery } from '@primm/shared/contracts/aggregates';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import type { Db } from '../db/open-database';
import { studentMonthHours, type StudentMonths } from './monthly-trend-hours';

export interface MonthCounts {
  month: string;
  students: number;
  absentOver10: number;
  absentOver25: number;
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
 * Set-based (docs/performance.md): a few statements for the whole selection (monthly-trend-data.ts),
 * hours per student and month from running totals (monthly-trend-hours.ts).
 */
export async function computeMonthlyTrend(db: Db, year: { id: number; label: string }, filters: TrendQuery, onlySchoolIds: number[] | null): Promise<MonthCounts[]> {
  return countMonths(await studentMonthHours(db, year, filters, onlySchoolIds));
}

/** The students enrolled in each month, and those absent more than 10 % and 25 % of the hours held. */
export function countMonths({ months, studentIds, enrolled, held, absent }: StudentMonths): MonthCounts[] {
  return months.map((month, m) => {
    const counts = { month, students: 0, absentOver10: 0, absentOver25: 0 };
    for (let i = m; i < studentIds.length * months.length; i += months.length) {
      if (!enrolled[i]) continue;
      const share = held[i]! > 0 ? Math.min(absent[i]!, held[i]!) / held[i]! : 0;
      counts.students++;
      if (share > 0.1) counts.absentOver10++;
      if (share > 0.25) counts.absentOver25++;
    }
    return counts;
  });
}

/**
 * Small-cell and complementary suppression of the trend (`suppressCounts`).
 *
 * What a reader could combine: within one month, students ≥ absentOver10 ≥ absentOver25 are
 * nested, so the three published counts imply two unpublished ones, the bands
 * `under10 = students − absentOver10` and `from10to25 = absentOver10 − absentOver25`. Those are
 * groups of students too: a band of 1–9 would be disclosed by subtraction, and a hidden count
 * must not come back by the same subtraction. So each month carries both bands as cells, never
 * published, in two sum relations: under10 + absentOver10 = students, and
 * from10to25 + absentOver25 = absentOver10. A small band hides one more published member, and a
 * hidden published count hides the band that would give it back (picked first when smaller, which
 * costs nothing since bands are never shown). Counting the bands as known is conservative: it may
 * hide one cell more than needed, never one less.
 *
 * Across months there is no relation: no total over the year is published, and a student counts
 * in every month they were enrolled, so months do not sum to anything shown. Repeated requests
 * with different filters are not defended against, as for every aggregate.
 */
export function suppressTrend(counts: MonthCounts[], threshold: number): TrendMonth[] {
  const records: CountRecord[] = counts.map((c) => ({
    id: c.month,
    values: {
      students: c.students,
      absentOver10: c.absentOver10,
      absentOver25: c.absentOver25,
      under10: c.students - c.absentOver10,
      from10to25: c.absentOver10 - c.absentOver25,
    },
  }));
  const relations: Relation[] = counts.flatMap((c) => [
    { members: [[c.month, 'under10'], [c.month, 'absentOver10']], target: [c.month, 'students'] },
    { members: [[c.month, 'from10to25'], [c.month, 'absentOver25']], target: [c.month, 'absentOver10'] },
  ]);
  const shown = suppressCounts(records, relations, threshold);
  return counts.map((c) => {
    const v = shown[c.month]!;
    return { month: c.month, values: { students: v.students!, absentOver10: v.absentOver10!, absentOver25: v.absentOver25! } };
  });
}
