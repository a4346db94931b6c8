import { sql } from 'kysely';
import type { TrendMonth, TrendQuery } from '@primm/shared/contracts/aggregates';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import type { Db } from '../db/open-database';
import { parseTimetable } from '../classes/timetable';
import { lessonDays } from '../risk/lesson-calendar';
import { findDataAsOf } from '../risk/load-school-data';
import { citizenshipGroupOf, naiSinceOf } from './student-facts';

export interface MonthCounts {
  month: string;
  students: number;
  absentOver10: number;
  absentOver25: number;
}

const monthOf = (iso: string) => iso.slice(0, 7);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

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
 * Set-based: a handful of queries per school (events summed by student and month in SQL).
 */
export async function computeMonthlyTrend(db: Db, year: { id: number; label: string }, filters: TrendQuery, onlySchoolIds: number[] | null): Promise<MonthCounts[]> {
  let schoolQ = db
    .selectFrom('school')
    .innerJoin('school_calendar as cal', 'cal.school_id', 'school.id')
    .where('cal.school_year_id', '=', year.id)
    .select(['school.id', 'cal.lessons_start', 'cal.lessons_end'])
    .orderBy('school.id');
  if (filters.province) schoolQ = schoolQ.where('school.province_code', '=', filters.province);
  if (filters.school) schoolQ = schoolQ.where('school.code', '=', filters.school);
  if (filters.level) schoolQ = schoolQ.where('school.level', '=', filters.level);
  if (onlySchoolIds !== null) schoolQ = schoolQ.where('school.id', 'in', onlySchoolIds.length ? onlySchoolIds : [-1]);
  const schools = await schoolQ.execute();

  const naiSince = naiSinceOf(year.label);
  // month → student → hours held / absent (summed over stays and schools)
  const byMonth = new Map<string, Map<number, { held: number; absent: number }>>();
  let lastMonth: string | null = null;

  for (const school of schools) {
    const allClasses = await db.selectFrom('class').select(['id', 'grade_level', 'track', 'timetable']).where('school_id', '=', school.id).where('school_year_id', '=', year.id).execute();
    if (allClasses.length === 0) continue;
    // The school's data clock, from all its classes, whatever the filters.
    const asOf = await findDataAsOf(db, allClasses.map((c) => c.id), school.lessons_start, school.lessons_end);
    if (lastMonth === null || monthOf(asOf) > lastMonth) lastMonth = monthOf(asOf);
    const classes = allClasses.filter((c) => (filters.gradeLevel === undefined || c.grade_level === filters.gradeLevel) && (filters.track === undefined || c.track === filters.track));
    if (classes.length === 0) continue;
    const classIds = classes.map((c) => c.id);

    let stayQ = db
      .selectFrom('enrolment as e')
      .innerJoin('student as st', 'st.id', 'e.student_id')
      .where('e.class_id', 'in', classIds)
      .where('e.entered_on', '<=', asOf)
      .select(['e.student_id', 'e.class_id', 'e.entered_on', 'e.left_on', 'st.citizenship', 'st.born_in_italy', 'st.arrival_date']);
    if (filters.sex) stayQ = stayQ.where('st.sex', '=', filters.sex);
    const [closures, staysAll, absences] = await Promise.all([
      db.selectFrom('school_closure').select(['starts_on', 'ends_on']).where('school_id', '=', school.id).where('school_year_id', '=', year.id).execute(),
      stayQ.execute(),
      db
        .selectFrom('attendance_event')
        .select(['student_id', sql<string>`substr(date, 1, 7)`.as('month'), (eb) => eb.fn.sum<number>('hours').as('hours')])
        .where('class_id', 'in', classIds)
        .where('date', '>=', school.lessons_start)
        .where('date', '<=', asOf)
        .groupBy(['student_id', sql`substr(date, 1, 7)`])
        .execute(),
    ]);
    const stays = filters.citizenshipGroup
      ? staysAll.filter((s) => citizenshipGroupOf(s.citizenship, s.born_in_italy === 1, s.arrival_date, naiSince) === filters.citizenshipGroup)
      : staysAll;

    // Lesson days per class and month: a stay then walks only the days of the month at hand.
    const daysOf = new Map(classes.map((c) => [c.id, groupByMonth(lessonDays({
      lessonsStart: school.lessons_start,
      lessonsEnd: school.lessons_end,
      closures: closures.map((x) => ({ startsOn: x.starts_on, endsOn: x.ends_on })),
      timetable: parseTimetable(c.timetable),
    }).filter((d) => d.date <= asOf))]));

    // Bounds once per month, not per stay and month: two `Date`s each were most of the JavaScript time.
    const months = monthsBetween(`${year.label.slice(0, 4)}-09`, monthOf(asOf))
      .map((month) => ({ month, first: `${month}-01`, last: lastDayOf(month) < asOf ? lastDayOf(month) : asOf }));
    for (const stay of stays) {
      for (const { month, first, last } of months) {
        if (stay.entered_on > last || (stay.left_on !== null && stay.left_on <= first)) continue;
        const students = byMonth.get(month) ?? new Map<number, { held: number; absent: number }>();
        byMonth.set(month, students);
        const hours = students.get(stay.student_id) ?? { held: 0, absent: 0 };
        students.set(stay.student_id, hours);
        for (const d of daysOf.get(stay.class_id)?.get(month) ?? []) {
          if (d.date >= first && d.date <= last && d.date >= stay.entered_on && (stay.left_on === null || d.date < stay.left_on)) hours.held += d.hours;
        }
      }
    }
    for (const a of absences) {
      const hours = byMonth.get(a.month)?.get(a.student_id);
      if (hours) hours.absent += Number(a.hours);
    }
  }

  if (lastMonth === null) return [];
  return monthsBetween(`${year.label.slice(0, 4)}-09`, lastMonth).map((month) => {
    const students = [...(byMonth.get(month)?.values() ?? [])];
    const share = (h: { held: number; absent: number }) => (h.held > 0 ? Math.min(h.absent, h.held) / h.held : 0);
    return {
      month,
      students: students.length,
      absentOver10: students.filter((h) => share(h) > 0.1).length,
      absentOver25: students.filter((h) => share(h) > 0.25).length,
    };
  });
}

function groupByMonth<T extends { date: string }>(days: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of days) {
    const list = out.get(monthOf(d.date));
    if (list) list.push(d);
    else out.set(monthOf(d.date), [d]);
  }
  return out;
}

/** `2025-09` … `to`, inclusive; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let month = from; month <= to; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
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
