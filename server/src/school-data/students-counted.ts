import type { Db } from '../db/open-database';

/**
 * THE "students counted" of every total (docs/privacy.md "Studenti contati"; the web states it
 * under each total with one text, `studentsCounted.note`): every student enrolled on at least one
 * day of the school year, also when they have since left (withdrawn, dropped out, transferred),
 * counted once, in the school of their latest stay of that year (latest entry date, then latest
 * enrolment). The same rule as the aggregates' `stay` (aggregates/student-fact-sql.ts): issue 20
 * found 3 255 on the overview ("enrolled now") against 3 301 in the analysis, and an early
 * warning system cannot leave out the students who dropped out.
 *
 * Students per school id; `schoolId` narrows the answer to one school, not the rule.
 */
export async function countStudentsOfYear(
  db: Db,
  schoolYearId: number,
  schoolId?: number,
): Promise<Map<number, number>> {
  let query = db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .where('c.school_year_id', '=', schoolYearId)
    // no later stay of the same student in the same year, in any school
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrolment as later')
            .innerJoin('class as lc', 'lc.id', 'later.class_id')
            .select('later.id')
            .whereRef('later.student_id', '=', 'e.student_id')
            .where('lc.school_year_id', '=', schoolYearId)
            .where((eb) =>
              eb.or([
                eb('later.entered_on', '>', eb.ref('e.entered_on')),
                eb.and([eb('later.entered_on', '=', eb.ref('e.entered_on')), eb('later.id', '>', eb.ref('e.id'))]),
              ]),
            ),
        ),
      ),
    )
    .select(({ fn }) => ['c.school_id', fn.count<number>('e.student_id').distinct().as('students')])
    .groupBy('c.school_id');
  if (schoolId !== undefined) query = query.where('c.school_id', '=', schoolId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.school_id, Number(r.students)]));
}
