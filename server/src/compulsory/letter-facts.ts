import type { LetterStudent, MayorReport } from '@primm/shared/contracts/compulsory';
import type { Db } from '../db/open-database';

export const LEGAL_BASIS =
  'art. 114 D.Lgs 16 aprile 1994, n. 297, come modificato dall’art. 12 del D.L. 15 settembre 2023, n. 123, convertito dalla L. 13 novembre 2023, n. 159';

/**
 * What both letters of art. 114 say of the school and the student: names, sex (for the wording),
 * birth date, class and the municipality of residence with the PEC the admin keeps for it.
 */
export async function letterFacts(
  db: Db,
  studentId: number,
  schoolId: number,
  className: string,
): Promise<{
  school: MayorReport['school'];
  student: LetterStudent;
  municipality: MayorReport['municipality'];
}> {
  const s = await db
    .selectFrom('student')
    .leftJoin('municipality', 'municipality.istat_code', 'student.residence_istat')
    .leftJoin('municipality_contact', 'municipality_contact.istat_code', 'student.residence_istat')
    .select([
      'student.last_name',
      'student.first_name',
      'student.sex',
      'student.birth_date',
      'municipality.istat_code',
      'municipality.name as residence',
      'municipality_contact.pec',
      'municipality_contact.office',
    ])
    .where('student.id', '=', studentId)
    .executeTakeFirstOrThrow();
  const school = await db
    .selectFrom('school')
    .select(['code', 'name', 'municipality_name'])
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  return {
    school: { code: school.code, name: school.name, municipality: school.municipality_name },
    student: {
      lastName: s.last_name,
      firstName: s.first_name,
      sex: s.sex === 'F' ? 'F' : 'M',
      birthDate: s.birth_date,
      residence: s.residence ?? null,
      className,
    },
    municipality:
      s.istat_code && s.residence
        ? { istatCode: s.istat_code, name: s.residence, pec: s.pec ?? null, office: s.office ?? null }
        : null,
  };
}
