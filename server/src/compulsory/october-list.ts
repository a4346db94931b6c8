import type { Deadlines, OctoberList } from '@primm/shared/contracts/compulsory';
import { legalStatusOn } from '@primm/shared/compulsory/legal-status';
import type { Db } from '../db/open-database';
import { enrolledOnSql } from '../school-data/enrolment';

/**
 * The October list (art. 114 D.Lgs 297/1994 as amended in 2023): by October the head teacher
 * sends each municipality of residence the enrolled minors still under the obligation. The
 * codice fiscale is not in primm-ews (only its pseudonym): the register adds it when sending.
 */
export async function octoberListRows(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
  municipality?: string,
): Promise<OctoberList['rows']> {
  return (await octoberListStudents(db, schoolId, year, municipality)).map(({ studentId: _, ...row }) => row);
}

/** The same list with each student's id, for the audit row of an export: it names who was disclosed. */
export async function octoberListStudents(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
  municipality?: string,
): Promise<(OctoberList['rows'][number] & { studentId: number })[]> {
  const dueBy = dueDate(year.label);
  let q = db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .leftJoin('municipality', 'municipality.istat_code', 'student.residence_istat')
    .select([
      'student.id',
      'student.last_name',
      'student.first_name',
      'student.birth_date',
      'student.residence_istat',
      'municipality.name as residence',
      'class.name as class_name',
    ])
    .where('class.school_id', '=', schoolId)
    .where('class.school_year_id', '=', year.id)
    .where(enrolledOnSql(dueBy));
  if (municipality) q = q.where('student.residence_istat', '=', municipality);
  const rows = await q
    .orderBy('municipality.name')
    .orderBy('student.last_name')
    .orderBy('student.first_name')
    .execute();
  const seen = new Set<number>();
  return rows
    .filter((r) => legalStatusOn(r.birth_date, dueBy) === 'obbligo' && !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({
      studentId: r.id,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      residenceIstat: r.residence_istat,
      residence: r.residence,
      className: r.class_name,
    }));
}

export async function octoberListSummary(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
): Promise<Deadlines['octoberList']> {
  const rows = await octoberListRows(db, schoolId, year);
  const last = await db
    .selectFrom('october_list_export')
    .select('exported_at')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', year.id)
    .orderBy('exported_at', 'desc')
    .executeTakeFirst();
  return {
    dueBy: dueDate(year.label),
    studentsUnderObligation: rows.length,
    municipalities: new Set(rows.map((r) => r.residenceIstat ?? '')).size,
    lastExportedAt: last?.exported_at ?? null,
  };
}

/** 31 October of the school year. */
export const dueDate = (yearLabel: string) => `${yearLabel.slice(0, 4)}-10-31`;
