import { sql } from 'kysely';
import { snapshotYear } from '../backtest/snapshots';
import type { Db } from '../db/open-database';
import { findLatestRiskSettings } from '../risk-settings/repository';

export interface PurgeSummary {
  years: string[];
  summaries: number;
  attendance: number;
  grades: number;
  outcomes: number;
  enrolments: number;
  students: number;
  /** Pseudonymised snapshots kept for the backtest (student × period end). */
  snapshots: number;
  /** Reports to the mayor and October lists of those years in the municipalities' inboxes. */
  municipalityItems: number;
}

/**
 * Retention: removes the student-level data of the school years before `beforeYear` (e.g.
 * `2025/26` purges 2024/25 and earlier) in one transaction, after keeping their aggregates in
 * year_summary and, for the backtest of issue 18, a pseudonymised snapshot per student and period
 * end of the indicators, levels and final outcome (backtest/snapshots.ts; docs/privacy.md).
 * Students with nothing left are deleted with their flags, notes and cases.
 */
export async function purgeBefore(db: Db, beforeYear: string, now = new Date()): Promise<PurgeSummary> {
  return db.transaction().execute(async (trx) => {
    const years = await trx
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '<', beforeYear)
      .orderBy('label')
      .execute();
    const yearIds = years.map((y) => y.id);
    const result: PurgeSummary = {
      years: years.map((y) => y.label),
      summaries: 0,
      attendance: 0,
      grades: 0,
      outcomes: 0,
      enrolments: 0,
      students: 0,
      snapshots: 0,
      municipalityItems: 0,
    };
    if (yearIds.length > 0) {
      // Before anything goes: the replay reads the registers and the outcomes, history included.
      const settings = (await findLatestRiskSettings(trx)).data;
      for (const year of years) result.snapshots += await snapshotYearIfRegisters(trx, year, settings);
      result.summaries = await summarise(trx, yearIds, now.toISOString());
      const classIds = trx.selectFrom('class').select('id').where('school_year_id', 'in', yearIds);
      // attendance_event has no class index (migration 0033): its events are found through the
      // classes' enrolments, as every reader does (school-data/attendance-of-classes.ts), not by a
      // scan of the whole table; enrolments go below, after their events.
      const enrolled = trx.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds);
      result.attendance = count(
        await trx
          .deleteFrom('attendance_event')
          .where('student_id', 'in', enrolled)
          .where('class_id', 'in', classIds)
          .executeTakeFirst(),
      );
      result.grades = count(await trx.deleteFrom('grade').where('class_id', 'in', classIds).executeTakeFirst());
      // The grades' digests go with them (derived data, but still the students' grades).
      await trx.deleteFrom('grade_digest').where('school_year_id', 'in', yearIds).execute();
      await trx.deleteFrom('grade_digest_state').where('school_year_id', 'in', yearIds).execute();
      result.enrolments = count(await trx.deleteFrom('enrolment').where('class_id', 'in', classIds).executeTakeFirst());
      // What the schools sent the municipalities of those years (issue 21): an October list keeps
      // its residents' names in its payload, so deleting the students alone would leave them there.
      // The municipality keeps its own protocolled copy; this inbox was only the way it arrived.
      // Measures and the list's student links go with the item (on delete cascade).
      result.municipalityItems = count(
        await trx.deleteFrom('municipality_inbox_item').where('school_year_id', 'in', yearIds).executeTakeFirst(),
      );
    }
    // Outcomes of years before the cut, including history from before our data began.
    result.outcomes = count(await trx.deleteFrom('outcome').where('school_year', '<', beforeYear).executeTakeFirst());
    result.students = count(
      await trx
        .deleteFrom('student')
        .where('id', 'not in', trx.selectFrom('enrolment').select('student_id'))
        .executeTakeFirst(),
    );
    return result;
  });
}

/** A year already purged has no enrolments left: its snapshots stay as they were. */
async function snapshotYearIfRegisters(
  trx: Db,
  year: { id: number; label: string },
  settings: Parameters<typeof snapshotYear>[2],
): Promise<number> {
  const enrolled = await trx
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .select('enrolment.id')
    .where('class.school_year_id', '=', year.id)
    .limit(1)
    .executeTakeFirst();
  return enrolled ? snapshotYear(trx, year, settings) : 0;
}

const count = (r: { numDeletedRows: bigint } | undefined) => Number(r?.numDeletedRows ?? 0);

/** Counts per school and year: students, by sex, by citizenship group and by final result. */
async function summarise(trx: Db, yearIds: number[], at: string): Promise<number> {
  const base = trx
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .where('class.school_year_id', 'in', yearIds);
  const group = (measure: string, key: ReturnType<typeof sql<string>>) =>
    base
      .select(({ fn }) => [
        'class.school_id as school_id',
        'school_year.label as school_year',
        sql<string>`${measure}`.as('measure'),
        key.as('group_key'),
        fn.count<number>('student.id').distinct().as('value'),
      ])
      .groupBy(['class.school_id', 'school_year.label', sql`group_key`])
      .execute();
  const rows = [
    ...(await group('students', sql<string>`''`)),
    ...(await group('sex', sql<string>`student.sex`)),
    // The citizenship groups of DESIGN.md "Aggregates" (newly arrived needs the date: left to the aggregates feature).
    ...(await group(
      'citizenship_group',
      sql<string>`case when student.citizenship = 'Italia' then 'italiano' when student.born_in_italy = 1 then 'straniero_nato_in_italia' else 'straniero_nato_all_estero' end`,
    )),
  ];
  const finals = await trx
    .selectFrom('outcome')
    .innerJoin('school_year', 'school_year.label', 'outcome.school_year')
    .where('school_year.id', 'in', yearIds)
    .where('outcome.period', '=', 'finale')
    .where('outcome.school_id', 'is not', null)
    .select(({ fn }) => [
      'outcome.school_id as school_id',
      'outcome.school_year',
      'outcome.result as group_key',
      fn.count<number>('outcome.student_id').distinct().as('value'),
    ])
    .groupBy(['outcome.school_id', 'outcome.school_year', 'outcome.result'])
    .execute();
  const all = [
    ...rows.map((r) => ({
      school_id: r.school_id,
      school_year: r.school_year,
      measure: r.measure,
      group_key: r.group_key,
      value: Number(r.value),
    })),
    ...finals.map((r) => ({
      school_id: r.school_id!,
      school_year: r.school_year,
      measure: 'final_result',
      group_key: r.group_key,
      value: Number(r.value),
    })),
  ];
  for (const r of all) {
    await trx
      .insertInto('year_summary')
      .values({ ...r, created_at: at })
      .onConflict((oc) =>
        oc
          .columns(['school_id', 'school_year', 'measure', 'group_key'])
          .doUpdateSet({ value: r.value, created_at: at }),
      )
      .execute();
  }
  return all.length;
}
