import type { StudentRiskInput } from '@primm/shared/risk/types';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { buildStudentInputs } from './build-inputs';
import { loadSchoolRiskData, type SchoolRiskData } from './load-school-data';

/** One student's rows in a school and the engine's input built from them. */
export interface StudentSeries {
  /** The school's calendar and classes with this student's rows only (`loadSchoolRiskData` with `studentId`). */
  data: SchoolRiskData;
  /** The student's input as the engine reads it (weeks, lesson days, grades); null when not enrolled there now. */
  input: StudentRiskInput | null;
}

/**
 * The series behind one student's figures, read the way the recompute reads them, for whatever
 * shows them one student at a time: the risk detail (at the stored `asOf`, so its chart shows the
 * weeks the tier came from), the effect of a case, the compulsory-schooling check. `year`: the
 * current school year when not given. Null without a year or a calendar.
 */
export async function loadStudentSeries(
  db: Db,
  schoolId: number,
  studentId: number,
  options: { asOf?: string; year?: { id: number; label: string } } = {},
): Promise<StudentSeries | null> {
  const year = options.year ?? (await findCurrentSchoolYear(db));
  if (!year) return null;
  const data = await loadSchoolRiskData(db, schoolId, year, {
    studentId,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  });
  if (!data) return null;
  return { data, input: buildStudentInputs(data).find((b) => b.studentId === studentId)?.input ?? null };
}
