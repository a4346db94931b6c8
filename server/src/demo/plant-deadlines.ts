import { addDays } from '@primm/shared/dates';
import type { ClockState } from '@primm/shared/contracts/compulsory';
import { computeSchoolCompulsory } from '../compulsory/compute';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { lessonDays } from '../school-data/lesson-calendar';
import { loadSchoolRiskData } from '../school-data/load-school-data';
import { recomputeSchool } from '../recompute/recompute';

/** Lesson days a student must have for the three stories below to fit before the data's last day. */
const DAYS_NEEDED = 30;

/**
 * The referent's work in the demo (issue 20): a new user must see every state of art. 114 — a
 * family to notify, a countdown running, a report to the mayor due. The generated registers give
 * some families to notify but never a notice, so three students of the referent's school under
 * the obligation, chosen by id among those with nothing due, are given unjustified whole days
 * away counted back from the data's last day (asOf), and the school's notices:
 * - the first: 16 days ending 5 lesson days before asOf, no notice → family to notify;
 * - the second: the same 16 days, notice 3 lesson days before asOf, away since → countdown;
 * - the third: 16 days ending 15 lesson days before asOf, notice the next lesson day, away the 7
 *   days after it → report to the mayor due.
 * The families of the first two read Arabic and Romanian (issue 21: bilingual letters).
 * The same data always give the same students, days and dates. Returns the states reached.
 */
export async function plantDemoDeadlines(db: Db, referentEmail = 'referente@demo.primm.it'): Promise<ClockState[]> {
  const referent = await db
    .selectFrom('app_user')
    .innerJoin('user_school', 'user_school.user_id', 'app_user.id')
    .select(['app_user.id', 'user_school.school_id'])
    .where('app_user.email', '=', referentEmail)
    .orderBy('user_school.school_id')
    .executeTakeFirst();
  const year = await findCurrentSchoolYear(db);
  if (!referent || !year) return [];
  const schoolId = referent.school_id;
  const data = await loadSchoolRiskData(db, schoolId, year);
  if (!data) return [];
  const rows = await computeSchoolCompulsory(db, schoolId, year);
  const daysOf = new Map(
    data.classes.map((c) => [
      c.id,
      lessonDays({
        lessonsStart: data.lessonsStart,
        lessonsEnd: data.lessonsEnd,
        closures: data.closures,
        timetable: c.timetable,
      }).filter((d) => d.date <= data.asOf),
    ]),
  );
  const candidates = rows
    .filter((r) => r.legalStatus === 'obbligo' && r.clock?.state === 'ok')
    .filter((r) => {
      const stays = data.enrolments.filter((e) => e.studentId === r.studentId);
      const days = daysOf.get(r.classId) ?? [];
      // one open stay in this class since before the first day planted
      return (
        stays.length === 1 &&
        stays[0]!.leftOn === null &&
        days.length >= DAYS_NEEDED &&
        stays[0]!.enteredOn <= days.at(-DAYS_NEEDED)!.date
      );
    })
    .sort((a, b) => a.studentId - b.studentId)
    .slice(0, 3);
  if (candidates.length < 3) return [];

  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const away = async (studentId: number, classId: number, days: { date: string; hours: number }[]) => {
      await trx
        .deleteFrom('attendance_event')
        .where('student_id', '=', studentId)
        .where(
          'date',
          'in',
          days.map((d) => d.date),
        )
        .execute();
      await trx
        .insertInto('attendance_event')
        .values(
          days.map((d) => ({
            student_id: studentId,
            class_id: classId,
            date: d.date,
            kind: 'assenza' as const,
            hours: d.hours,
            justified: 0,
            deroga: null,
            deroga_decided_on: null,
            import_batch_id: null,
          })),
        )
        .execute();
    };
    const notice = async (studentId: number, counted: string[], notifiedOn: string) => {
      await trx
        .insertInto('compulsory_notice')
        .values({
          student_id: studentId,
          school_id: schoolId,
          school_year_id: year.id,
          triggered_on: counted.at(-1)!,
          days_counted: JSON.stringify(counted),
          notified_on: notifiedOn,
          notified_by: referent.id,
          note: 'raccomandata A/R (dati dimostrativi)',
          created_at: now,
        })
        .execute();
    };
    const [toNotify, countdown, reportDue] = candidates as [
      (typeof candidates)[number],
      (typeof candidates)[number],
      (typeof candidates)[number],
    ];

    // Issue 21: the families of the first two read Arabic and Romanian, so the notice prints
    // bilingual in the demo, right to left for the first (web/e2e/letters.spec.ts opens it).
    for (const [student, language] of [
      [toNotify, 'ar'],
      [countdown, 'ro'],
    ] as const) {
      await trx
        .updateTable('student')
        .set({
          family_language: language,
          interpreter_needed: 1,
          family_updated_at: now,
          family_updated_by: referent.id,
        })
        .where('id', '=', student.studentId)
        .execute();
    }

    const a = daysOf.get(toNotify.classId)!;
    await away(toNotify.studentId, toNotify.classId, a.slice(-20, -4));

    const b = daysOf.get(countdown.classId)!;
    const bCounted = b.slice(-20, -4);
    await away(countdown.studentId, countdown.classId, [...bCounted, ...b.slice(-2)]);
    await notice(
      countdown.studentId,
      bCounted.map((d) => d.date),
      b.at(-3)!.date,
    );

    const c = daysOf.get(reportDue.classId)!;
    const cCounted = c.slice(-30, -14);
    const notifiedOn = c.at(-14)!.date;
    const countdownDays = c.filter((d) => d.date > notifiedOn && d.date <= addDays(notifiedOn, 7));
    await away(reportDue.studentId, reportDue.classId, [...cCounted, ...countdownDays]);
    await notice(
      reportDue.studentId,
      cCounted.map((d) => d.date),
      notifiedOn,
    );
  });
  await recomputeSchool(db, schoolId); // the absences planted change the students' risk too
  const after = new Map(
    (await computeSchoolCompulsory(db, schoolId, year)).map((r) => [r.studentId, r.clock?.state ?? 'ok']),
  );
  return candidates.map((c) => after.get(c.studentId) ?? 'ok');
}
