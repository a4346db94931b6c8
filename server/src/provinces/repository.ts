import type { Province } from '@primm/shared/contracts/provinces';
import type { ProvinceCode } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';

/** Provinces with their number of schools and of students enrolled now in the given year. */
export async function listProvinces(db: Db, schoolYearId: number | null): Promise<Province[]> {
  const provinces = await db
    .selectFrom('province')
    .leftJoin('school', 'school.province_code', 'province.code')
    .select(({ fn }) => ['province.code', 'province.name', fn.count<number>('school.id').as('schools')])
    .groupBy(['province.code', 'province.name'])
    .orderBy('province.code')
    .execute();

  const students = schoolYearId === null ? [] : await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('school', 'school.id', 'class.school_id')
    .where('class.school_year_id', '=', schoolYearId)
    .where('enrolment.left_on', 'is', null)
    .select(({ fn }) => ['school.province_code', fn.count<number>('enrolment.student_id').distinct().as('students')])
    .groupBy('school.province_code')
    .execute();
  const byProvince = new Map(students.map((s) => [s.province_code, Number(s.students)]));

  return provinces.map((p) => ({
    code: p.code as ProvinceCode,
    name: p.name,
    schools: Number(p.schools),
    students: byProvince.get(p.code) ?? 0,
  }));
}
