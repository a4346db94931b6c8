import type { StudentCompulsory } from '@primm/shared/contracts/compulsory';
import { runAbsenceClock } from '@primm/shared/compulsory/absence-clock';
import { addDays, ageOn } from '@primm/shared/dates';
import { legalStatusOn } from '@primm/shared/compulsory/legal-status';
import { yearValidity } from '@primm/shared/compulsory/year-validity';
import type { Db } from '../db/open-database';
import type { LessonDay } from '@primm/shared/risk/types';
import { hasLeftBy, isEnrolledOn } from '../school-data/enrolment';
import { lessonDays } from '../school-data/lesson-calendar';
import { loadSchoolRiskData } from '../school-data/load-school-data';
import { loadStudentSeries } from '../school-data/student-series';

export interface StudentCompulsoryRow extends StudentCompulsory {
  schoolId: number;
  classId: number;
  className: string;
  /** The return that closed the notified cycle when the clock started again after it (`runAbsenceClock`). */
  closedReturnOn: string | null;
}

/**
 * The legal status, the absence clock and the validity of the year for the students of a school
 * enrolled now (or one of them), from the same data the risk engine reads. `withDeroghe` adds the
 * categories of the deroghe, which only referents and mediators may see.
 */
export async function computeSchoolCompulsory(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
  options: { studentId?: number; withDeroghe?: boolean } = {},
): Promise<StudentCompulsoryRow[]> {
  const data = options.studentId
    ? (await loadStudentSeries(db, schoolId, options.studentId, { year }))?.data
    : await loadSchoolRiskData(db, schoolId, year);
  if (!data) return [];
  const notices = await db
    .selectFrom('compulsory_notice')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', year.id)
    .$if(options.studentId !== undefined, (q) => q.where('student_id', '=', options.studentId!))
    .orderBy('triggered_on')
    .execute();
  const projections = await db
    .selectFrom('risk_result')
    .select(['student_id', 'projected_absence'])
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', year.id)
    .$if(options.studentId !== undefined, (q) => q.where('student_id', '=', options.studentId!))
    .execute();
  const projected = new Map(projections.map((p) => [p.student_id, p.projected_absence]));
  const classById = new Map(data.classes.map((c) => [c.id, c]));
  const calendar = { lessonsStart: data.lessonsStart, lessonsEnd: data.lessonsEnd, closures: data.closures };
  const daysByClass = new Map(data.classes.map((c) => [c.id, lessonDays({ ...calendar, timetable: c.timetable })]));
  const birthDates = new Map(data.students.map((s) => [s.id, s.birthDate]));

  const out: StudentCompulsoryRow[] = [];
  const studentIds = [...new Set(data.enrolments.map((e) => e.studentId))];
  for (const studentId of studentIds) {
    const stays = data.enrolments
      .filter((e) => e.studentId === studentId)
      .sort((a, b) => a.enteredOn.localeCompare(b.enteredOn));
    const current = stays[stays.length - 1]!;
    if (hasLeftBy(current, data.asOf)) continue; // left the school: its duties are elsewhere now
    const birthDate = birthDates.get(studentId);
    if (!birthDate) continue;
    const days: LessonDay[] = stays.flatMap((s) =>
      (daysByClass.get(s.classId) ?? []).filter((d) => isEnrolledOn(s, d.date)),
    );
    const events = data.events.filter((e) => e.studentId === studentId && e.date <= data.asOf);
    const wholeDays = events.filter((e) => e.kind === 'assenza');
    const status = legalStatusOn(birthDate, data.asOf);

    let clock: StudentCompulsory['clock'] = null;
    let closedReturnOn: string | null = null;
    if (status === 'obbligo') {
      let since: string | null = null;
      let open: (typeof notices)[number] | undefined;
      for (const n of notices.filter((x) => x.student_id === studentId)) {
        if (n.closed_on) since = addDays(n.closed_on, 1);
        else open = n;
      }
      const result = runAbsenceClock({
        lessonDays: days.map((d) => d.date),
        unjustifiedDays: wholeDays.filter((e) => !e.justified).map((e) => e.date),
        absentDays: wholeDays.map((e) => e.date),
        since,
        notifiedOn: open?.notified_on ?? null,
        reportedOn: open?.reported_on ?? null,
        asOf: data.asOf,
      });
      const { closedReturnOn: closed, ...fields } = result;
      closedReturnOn = closed;
      // A new cycle after a return has no notice yet: the old notice's dates are not its own.
      const notice = closed === null ? open : undefined;
      clock = { ...fields, notifiedOn: notice?.notified_on ?? null, reportedOn: notice?.reported_on ?? null };
    }

    const cls = classById.get(current.classId)!;
    const sum = (xs: { hours: number }[]) => xs.reduce((a, x) => a + x.hours, 0);
    const derogated = events.filter((e) => e.deroga !== null);
    const validity = yearValidity({
      annualHours: cls.annualHours,
      hoursHeld: sum(days.filter((d) => d.date <= data.asOf)),
      hoursAbsent: sum(events),
      hoursDerogated: sum(derogated),
      hoursUnjustified: sum(events.filter((e) => !e.justified)),
      projectedShare: projected.get(studentId) ?? null,
    });
    out.push({
      studentId,
      schoolId,
      classId: cls.id,
      className: cls.name,
      asOf: data.asOf,
      age: ageOn(birthDate, data.asOf),
      legalStatus: status,
      clock,
      closedReturnOn,
      validity: {
        ...validity,
        annualHours: cls.annualHours,
        hoursDerogated: sum(derogated),
        deroghe: options.withDeroghe
          ? derogated.map((e) => ({ date: e.date, hours: e.hours, category: e.deroga!, decidedOn: e.derogaDecidedOn }))
          : null,
      },
    });
  }
  return out;
}
