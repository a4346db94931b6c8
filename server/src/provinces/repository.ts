import type { Province } from '@primm/shared/contracts/provinces';
import type { ProvinceCode } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { countStudentsOfYear } from '../school-data/students-counted';

/** Provinces with their number of schools and of students counted in the given year (countStudentsOfYear). */
export async function listProvinces(db: Db, schoolYearId: number | null): Promise<Province[]> {
  const provinces = await db
    .selectFrom('province')
    .leftJoin('school', 'school.province_code', 'province.code')
    .select(({ fn }) => ['province.code', 'province.name', fn.count<number>('school.id').as('schools')])
    .groupBy(['province.code', 'province.name'])
    .orderBy('province.code')
    .execute();

  const byProvince = new Map<string, number>();
  if (schoolYearId !== null) {
    const [bySchool, schools] = await Promise.all([
      countStudentsOfYear(db, schoolYearId),
      db.selectFrom('school').select(['id', 'province_code']).execute(),
    ]);
    for (const school of schools)
      byProvince.set(
        school.province_code,
        (byProvince.get(school.province_code) ?? 0) + (bySchool.get(school.id) ?? 0),
      );
  }

  return provinces.map((p) => ({
    code: p.code as ProvinceCode,
    name: p.name,
    schools: Number(p.schools),
    students: byProvince.get(p.code) ?? 0,
  }));
}
