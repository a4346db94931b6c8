import type { TrendQuery } from '@primm/shared/contracts/aggregates';
import { parseTimetable } from '../school-data/timetable';
import type { Db } from '../db/open-database';
import { dayNumber, lastDayOfMonth } from '@primm/shared/dates';
import { lessonDays } from '../school-data/lesson-calendar';
import { groupBy } from '../school-data/build-inputs';
import { enrolledDays, isEnrolledBetween } from '../school-data/enrolment';
import { loadTrendData, type TrendSchool } from './monthly-trend-data';
import { citizenshipGroupOf, naiSinceOf } from './citizenship-group';

/**
 * Per student and month: enrolled or not, hours held, hours absent. Student-major typed arrays
 * (entry `s * months.length + m`), not an object per student and month: a region has millions.
 */
export interface StudentMonths {
  months: string[];
  studentIds: number[];
  enrolled: Uint8Array;
  held: Float64Array;
  absent: Float64Array;
}

const monthOf = (iso: string) => iso.slice(0, 7);

/**
 * The hours behind the monthly trend (rules in computeMonthlyTrend). A stay's hours in a month
 * are a difference of running totals of its class's lesson hours, not a walk over the days.
 */
export async function studentMonthHours(
  db: Db,
  year: { id: number; label: string },
  filters: TrendQuery,
  onlySchoolIds: number[] | null,
): Promise<StudentMonths> {
  const { schools, months, stays, absences } = await loadTrendData(db, year, filters, onlySchoolIds);
  const naiSince = naiSinceOf(year.label);
  const kept = filters.citizenshipGroup
    ? stays.filter(
        (s) => citizenshipGroupOf(s.citizenship, s.bornInItaly, s.arrivalDate, naiSince) === filters.citizenshipGroup,
      )
    : stays;
  const staysOf = groupBy(kept, (s) => s.schoolId);
  const studentIndex = new Map<number, number>();
  const indexOf = (id: number) => studentIndex.get(id) ?? studentIndex.set(id, studentIndex.size).get(id)!;
  const size = kept.length * months.length;
  const [enrolled, held, absent] = [new Uint8Array(size), new Float64Array(size), new Float64Array(size)];

  for (const school of schools) {
    const clock = hoursClock(school);
    // A school counts in the months its data reaches, each up to the data date.
    const schoolMonths = months
      .filter((m) => m <= monthOf(school.asOf))
      .map((month) => {
        const last = lastDayOfMonth(month) < school.asOf ? lastDayOfMonth(month) : school.asOf;
        return { first: `${month}-01`, last, firstDay: dayNumber(`${month}-01`), lastDay: dayNumber(last) };
      });
    for (const stay of staysOf.get(school.id) ?? []) {
      const hoursUpTo = clock(stay.classId);
      const student = indexOf(stay.studentId) * months.length;
      const [enteredDay, lastInDay] = enrolledDays(stay);
      schoolMonths.forEach(({ first, last, firstDay, lastDay }, m) => {
        if (!isEnrolledBetween(stay, first, last)) return;
        enrolled[student + m] = 1;
        const [from, to] = [Math.max(firstDay, enteredDay), Math.min(lastDay, lastInDay)];
        if (from <= to) held[student + m] = held[student + m]! + hoursUpTo(to) - hoursUpTo(from - 1); // none when left before entering
      });
    }
  }
  // Every event of the month, from any class of the selection (only enrolled months are counted).
  for (const a of absences) {
    const student = studentIndex.get(a.studentId);
    if (student !== undefined) a.hours.forEach((hours, m) => (absent[student * months.length + m] = hours ?? 0));
  }
  return { months, studentIds: [...studentIndex.keys()], enrolled, held, absent };
}

/**
 * The lesson hours of each class of a school as a running total by day, up to the data date:
 * `clock(classId)(day)` is the hours held from the start of lessons to that day (inclusive), so
 * any stretch of days costs one subtraction. Classes sharing a timetable share the totals. Sums of
 * whole or half hours are exact in floating point, so the differences equal day-by-day sums.
 */
function hoursClock(school: TrendSchool) {
  const start = dayNumber(school.lessonsStart);
  const end = dayNumber(school.asOf);
  const byTimetable = new Map<string, Float64Array>();
  const timetableOf = new Map(school.classes.map((c) => [c.id, c.timetable]));
  const clock = (classId: number) => {
    const timetable = timetableOf.get(classId)!;
    let total = byTimetable.get(timetable);
    if (!total) {
      total = new Float64Array(Math.max(0, end - start + 1));
      const days = lessonDays({
        lessonsStart: school.lessonsStart,
        lessonsEnd: school.lessonsEnd,
        closures: school.closures,
        timetable: parseTimetable(timetable),
      });
      for (const d of days) if (d.date <= school.asOf) total[dayNumber(d.date) - start] = d.hours;
      for (let i = 1; i < total.length; i++) total[i] = total[i]! + total[i - 1]!;
      byTimetable.set(timetable, total);
    }
    const running = total;
    return (day: number) => (day < start || running.length === 0 ? 0 : running[Math.min(day, end) - start]!);
  };
  return clock;
}
