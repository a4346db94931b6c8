import type { Db } from '../../db/open-database';
import { ensureSchoolYear } from '../../imports/load-school';

/**
 * Test support: many small schools, one class each, students of every citizenship group with a
 * stored tier and attendance rate: a two-way table by school and citizenship group of a few
 * hundred groups, most of their counts small, so its suppression takes time (the audit works
 * hardest where most cells are hidden). Inserted in bulk: a second or less.
 */
export async function aWideRegion(db: Db, options: { schools: number; students: number; seed: number }): Promise<void> {
  let s = options.seed >>> 0;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const now = '2026-01-01T00:00:00.000Z';
  const yearId = await ensureSchoolYear(db, '2025/26', '2025-09-01', '2026-08-31');
  const schools = await db
    .insertInto('school')
    .values(
      Array.from({ length: options.schools }, (_, i) => {
        const code = `PU${String(i).padStart(6, '0')}WR`;
        return {
          code,
          name: `SCUOLA ${code}`,
          institute_code: code,
          institute_name: `SCUOLA ${code}`,
          province_code: ['AN', 'PU', 'MC', 'AP', 'FM'][i % 5]!,
          municipality_istat: null,
          municipality_name: 'X',
          cadastral_code: null,
          kind: 'X',
          level: 'secondo_grado' as const,
          address: null,
          created_at: now,
          updated_at: now,
        };
      }),
    )
    .returning('id')
    .execute();
  const classes = await db
    .insertInto('class')
    .values(
      schools.map((school) => ({
        school_id: school.id,
        school_year_id: yearId,
        name: '1A',
        grade_level: 1,
        track: 'liceo',
        timetable: '6-6-6-6-6-0',
        weekly_hours: 30,
        annual_hours: 990,
      })),
    )
    .returning(['id', 'school_id'])
    .execute();
  const perSchool = Math.max(1, Math.round(options.students / options.schools));
  for (const [c, cls] of classes.entries()) {
    // Italian, foreign born here, born abroad, newly arrived: the four citizenship groups.
    const students = Array.from({ length: perSchool }, (_, i) => {
      const kind = random();
      return {
        pseudonym: `wide-${options.seed}-${c}-${i}`,
        last_name: `C${i}`,
        first_name: `N${i}`,
        sex: (random() < 0.5 ? 'M' : 'F') as 'M' | 'F',
        birth_date: '2010-01-01',
        birthplace: null,
        citizenship: kind < 0.7 ? 'Italia' : 'Albania',
        born_in_italy: kind < 0.8 ? 1 : 0,
        arrival_date: kind < 0.8 ? null : kind < 0.9 ? '2025-02-01' : '2015-02-01',
        l2_level: null,
        residence_istat: null,
        created_at: now,
        updated_at: now,
      };
    });
    const ids = await db.insertInto('student').values(students).returning('id').execute();
    await db
      .insertInto('enrolment')
      .values(
        ids.map(({ id }) => ({
          student_id: id,
          class_id: cls.id,
          entered_on: '2025-09-15',
          left_on: null,
          exit_reason: null,
        })),
      )
      .execute();
    await db
      .insertInto('risk_result')
      .values(
        ids.map(({ id }) => {
          const tier = random() < 0.7 ? 1 : random() < 0.6 ? 2 : 3;
          return {
            student_id: id,
            class_id: cls.id,
            school_id: cls.school_id,
            school_year_id: yearId,
            as_of: '2026-01-01',
            settings_version: 1,
            tier,
            score: tier,
            indicators: '[]',
            input_hash: 'x',
            attendance_rate: 0.7 + random() * 0.3,
            projected_absence: random() * 0.3,
            failing_subjects: Math.floor(random() * 4),
            age_grade_delay: random() < 0.2 ? 1 : 0,
            computed_at: now,
          };
        }),
      )
      .execute();
  }
}
