import type { ProvinceCode, SchoolLevel, Track } from '@primm/shared/contracts/domain';
import type { ClassSummary, SchoolListQuery, SchoolSummary } from '@primm/shared/contracts/schools';
import type { Db } from '../db/open-database';
import { countStudentsOfYear } from '../school-data/students-counted';

type SchoolCounts = { classes: number; students: number };

/** Schools matching the filters (and among `onlyIds` when given), with their classes and students counted (countStudentsOfYear). */
export async function listSchools(
  db: Db,
  query: SchoolListQuery,
  schoolYearId: number | null,
  onlyIds: number[] | null = null,
): Promise<SchoolSummary[]> {
  if (onlyIds !== null && onlyIds.length === 0) return [];
  let q = db.selectFrom('school').selectAll();
  if (onlyIds !== null) q = q.where('id', 'in', onlyIds);
  if (query.province) q = q.where('province_code', '=', query.province);
  if (query.level) q = q.where('level', '=', query.level);
  if (query.q) {
    const like = `%${query.q.toUpperCase()}%`;
    q = q.where((eb) =>
      eb.or([eb('name', 'like', like), eb('code', 'like', like), eb('municipality_name', 'like', like)]),
    );
  }
  const schools = await q.orderBy('province_code').orderBy('municipality_name').orderBy('name').execute();
  const counts = await countBySchool(db, schoolYearId);
  return schools.map((s) => toSchoolSummary(s, counts.get(s.id)));
}

export async function findSchoolByCode(db: Db, code: string, schoolYearId: number | null) {
  const school = await db.selectFrom('school').selectAll().where('code', '=', code).executeTakeFirst();
  if (!school) return undefined;
  const counts = await countBySchool(db, schoolYearId, school.id);
  return { ...toSchoolSummary(school, counts.get(school.id)), address: school.address };
}

/** Classes of a school in a year, with the students enrolled in each now. */
export async function listClassesOfSchool(db: Db, schoolId: number, schoolYearId: number): Promise<ClassSummary[]> {
  const rows = await db
    .selectFrom('class')
    .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
    .leftJoin('enrolment', (join) =>
      join.onRef('enrolment.class_id', '=', 'class.id').on('enrolment.left_on', 'is', null),
    )
    .where('class.school_id', '=', schoolId)
    .where('class.school_year_id', '=', schoolYearId)
    .select(({ fn }) => [
      'class.id',
      'class.name',
      'class.grade_level',
      'class.track',
      'class.weekly_hours',
      'class.annual_hours',
      'school_year.label',
      fn.count<number>('enrolment.id').as('students'),
    ])
    .groupBy(['class.id', 'school_year.label'])
    .orderBy('class.grade_level')
    .orderBy('class.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    schoolYear: r.label,
    gradeLevel: r.grade_level,
    track: r.track as Track | null,
    weeklyHours: r.weekly_hours,
    annualHours: r.annual_hours,
    students: Number(r.students),
  }));
}

async function countBySchool(
  db: Db,
  schoolYearId: number | null,
  schoolId?: number,
): Promise<Map<number, SchoolCounts>> {
  if (schoolYearId === null) return new Map();
  let q = db
    .selectFrom('class')
    .where('class.school_year_id', '=', schoolYearId)
    .select(({ fn }) => ['class.school_id', fn.count<number>('class.id').as('classes')])
    .groupBy('class.school_id');
  if (schoolId !== undefined) q = q.where('class.school_id', '=', schoolId);
  // the school's total follows the one rule of every total, as the province and the analysis do (issue 20)
  const [rows, students] = await Promise.all([q.execute(), countStudentsOfYear(db, schoolYearId, schoolId)]);
  return new Map(
    rows.map((r) => [r.school_id, { classes: Number(r.classes), students: students.get(r.school_id) ?? 0 }]),
  );
}

function toSchoolSummary(
  s: {
    id: number;
    code: string;
    name: string;
    institute_code: string;
    municipality_name: string;
    province_code: string;
    kind: string;
    level: string;
    paritaria: number;
  },
  counts: SchoolCounts | undefined,
): SchoolSummary {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    instituteCode: s.institute_code,
    municipality: s.municipality_name,
    province: s.province_code as ProvinceCode,
    kind: s.kind,
    level: s.level as SchoolLevel,
    paritaria: Number(s.paritaria) === 1,
    classes: counts?.classes ?? 0,
    students: counts?.students ?? 0,
  };
}
