import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Database } from '../db/database';

/**
 * How every reader finds the attendance events of some classes. attendance_event is keyed by
 * (student_id, date, kind) with no index on class_id (migration 0033: one b-tree a row made
 * imports fast enough), so a filter on `class_id` alone reads the whole table. Readers filter
 * `student_id` by the classes' enrolments, which the key seeks, AND keep their filter on
 * `class_id`: every event is written for a class its student is enrolled in
 * (imports/resolve-student-day.ts) and enrolments go only with their events (retention/purge.ts),
 * so the rows are the same as by class alone.
 */
export const studentsOfClasses =
  (classIds: readonly number[]) => (eb: ExpressionBuilder<Database, 'attendance_event'>) =>
    eb.selectFrom('enrolment as enrolled').select('enrolled.student_id').where('enrolled.class_id', 'in', classIds);

/** The same as a raw SQL condition on the `student_id` of the query's attendance_event. */
export const studentsOfClassesSql = (classIds: readonly number[], column = 'student_id'): RawBuilder<unknown> =>
  sql`${sql.ref(column)} in (select enrolled.student_id from enrolment enrolled where enrolled.class_id in (${sql.join(classIds)}))`;
