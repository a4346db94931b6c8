import { addDays } from '@primm/shared/dates';
import type { Db } from '../db/open-database';
import { demoCaseContext } from './plant-cases';

/** The four states of issue #21's arrivals, with the days before today of the action and of the answer. */
const STATES = [
  { status: 'pending', actionDaysAgo: 5, answeredDaysAgo: null },
  { status: 'pending', actionDaysAgo: 24, answeredDaysAgo: null }, // past the 15 days: overdue
  { status: 'enrolled', actionDaysAgo: 30, answeredDaysAgo: 20 },
  { status: 'no_show', actionDaysAgo: 40, answeredDaysAgo: 10 },
] as const;

/**
 * Reorientations toward the demo referent's school, one per state (issue #21), so its "In arrivo"
 * has something to answer and something answered. The cases are the admin's, in schools outside the
 * demo mediator's and referent's scope (their caseloads start empty, as the other journeys expect),
 * of students with no case yet; dated from today, because the 15 days run on the server's clock.
 * Deterministic: students by id. Returns the count.
 */
export async function plantDemoArrivals(db: Db, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  const context = await demoCaseContext(db, 'admin@demo.primm.it');
  const referent = await db
    .selectFrom('app_user')
    .innerJoin('user_school', 'user_school.user_id', 'app_user.id')
    .innerJoin('school', 'school.id', 'user_school.school_id')
    .select(['app_user.id', 'school.id as school_id', 'school.code', 'school.name'])
    .where('app_user.email', '=', 'referente@demo.primm.it')
    .orderBy('school.id')
    .executeTakeFirst();
  if (!context || !referent) return 0;
  const { admin, year, busy } = context;
  const students = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .select(['enrolment.student_id', 'class.school_id'])
    .where('class.school_year_id', '=', year.id)
    .where('enrolment.left_on', 'is', null)
    .where('class.school_id', 'not in', busy)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('support_case').select('id').whereRef('support_case.student_id', '=', 'enrolment.student_id'),
        ),
      ),
    )
    .orderBy('enrolment.student_id')
    .limit(STATES.length)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const [i, s] of students.entries()) {
      const state = STATES[i]!;
      const date = addDays(today, -state.actionDaysAgo);
      const at = `${date}T10:00:00.000Z`;
      const { id: caseId } = await trx
        .insertInto('support_case')
        .values({
          student_id: s.student_id,
          school_id: s.school_id,
          opened_by: admin.id,
          owner_id: admin.id,
          opened_at: at,
          status: 'monitoring',
          goal: 'Trovare con la famiglia un percorso più adatto',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const answeredAt =
        state.answeredDaysAgo === null ? null : `${addDays(today, -state.answeredDaysAgo)}T09:00:00.000Z`;
      const { id: actionId } = await trx
        .insertInto('case_action')
        .values({
          case_id: caseId,
          type: 'reorient_school',
          date,
          participants: 'studente, famiglia, mediatore',
          destination: `${referent.name} (${referent.code})`,
          arrived: state.status === 'pending' ? null : state.status === 'enrolled' ? 1 : 0,
          created_by: admin.id,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('reorientation_arrival')
        .values({
          action_id: actionId,
          school_id: referent.school_id,
          status: state.status,
          enrolled_on: state.status === 'enrolled' ? addDays(date, 7) : null,
          answered_by: answeredAt ? referent.id : null,
          answered_at: answeredAt,
          created_at: at,
        })
        .execute();
    }
  });
  return students.length;
}
