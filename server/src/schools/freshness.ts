import type { SchoolFreshness } from '@primm/shared/contracts/schools';
import type { Db } from '../db/open-database';
import { studentsOfClasses } from '../school-data/attendance-of-classes';

/**
 * How recent a school's data is: the latest day of its register data this year (absences and
 * grades of its classes) and the end of its latest import (issue 20). The first says what the
 * lists and deadlines can know; the second, when the school last sent files.
 */
export async function findSchoolFreshness(
  db: Db,
  schoolId: number,
  schoolYearId: number | null,
): Promise<SchoolFreshness> {
  const classIds =
    schoolYearId === null
      ? []
      : (
          await db
            .selectFrom('class')
            .select('id')
            .where('school_id', '=', schoolId)
            .where('school_year_id', '=', schoolYearId)
            .execute()
        ).map((c) => c.id);
  const [absence, grade, batch] = await Promise.all([
    classIds.length === 0
      ? undefined
      : db
          .selectFrom('attendance_event')
          .select(({ fn }) => fn.max('date').as('d'))
          .where('student_id', 'in', studentsOfClasses(classIds))
          .where('class_id', 'in', classIds)
          .executeTakeFirst(),
    classIds.length === 0
      ? undefined
      : db
          .selectFrom('grade')
          .select(({ fn }) => fn.max('date').as('d'))
          .where('class_id', 'in', classIds)
          .executeTakeFirst(),
    db
      .selectFrom('import_batch_school')
      .innerJoin('import_batch', 'import_batch.id', 'import_batch_school.import_batch_id')
      .select(({ fn }) => fn.max('import_batch.finished_at').as('at'))
      .where('import_batch_school.school_id', '=', schoolId)
      .where('import_batch.status', '=', 'committed')
      .executeTakeFirst(),
  ]);
  const days = [absence?.d, grade?.d].filter((d): d is string => typeof d === 'string').sort();
  return { latestDataOn: days.at(-1) ?? null, latestImportAt: batch?.at ?? null };
}
