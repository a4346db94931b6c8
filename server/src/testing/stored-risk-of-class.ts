import type { Db } from '../db/open-database';
import { findStoredRisk, type StoredRisk } from '../risk/repository';

/** Each stored result of a class, worded as the student's page has it, in the lists' order (name, then id). */
export async function storedRiskOfClass(db: Db, classId: number): Promise<StoredRisk[]> {
  const students = await db
    .selectFrom('risk_result as r')
    .innerJoin('student as s', 's.id', 'r.student_id')
    .select(['r.student_id', 'r.school_year_id'])
    .where('r.class_id', '=', classId)
    .orderBy('s.last_name')
    .orderBy('s.first_name')
    .orderBy('r.student_id')
    .execute();
  const stored = await Promise.all(students.map((s) => findStoredRisk(db, s.student_id, s.school_year_id)));
  return stored.map((s) => s!);
}
