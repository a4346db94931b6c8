import { sql } from 'kysely';
import type { OutcomeResult } from '../db/database';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/open-database';

export interface SchoolOutcome {
  studentId: number;
  schoolYear: string;
  gradeLevel: number;
  result: OutcomeResult;
}

/**
 * The final outcomes (`finale`) of years before `schoolYear` of the students enrolled in the
 * classes (`only`: of that student alone), by student and then year.
 *
 * Read as one text per student (`grade,result,year` records, year last), not one row per outcome:
 * a region has ≈ 5 past outcomes per student, and a row per outcome cost the full recompute
 * 0.5 CPU-s of 20 at 200 000 students, mostly in making the row objects
 * (docs/performance-history.md §14). The year is the one free text (the import checks its shape,
 * the database does not), so it comes last and may hold anything but the record separator; a
 * student with more records than outcomes is read again as rows: nothing is ever misread.
 */
export async function readPastOutcomes(
  db: Db,
  classIds: number[],
  schoolYear: string,
  only?: number,
): Promise<SchoolOutcome[]> {
  const joined = isPostgres(db)
    ? sql<string>`string_agg(grade_level::text || ',' || result || ',' || school_year, chr(30) order by school_year)`
    : sql<string>`group_concat(grade_level || ',' || result || ',' || school_year, char(30) order by school_year)`;
  const texts = await pastFinals(db, classIds, schoolYear, only)
    .select(({ fn }) => ['student_id', joined.as('t'), fn.countAll<number | string>().as('n')])
    .groupBy('student_id')
    .orderBy('student_id')
    .execute();
  const outcomes: SchoolOutcome[] = [];
  for (const { student_id: studentId, t, n } of texts) {
    const records = t.split(RECORD);
    if (records.length !== Number(n)) return readPastOutcomeRows(db, classIds, schoolYear, only);
    for (const record of records) {
      const comma = record.indexOf(',');
      const second = record.indexOf(',', comma + 1);
      const gradeLevel = Number(record.slice(0, comma));
      const result = record.slice(comma + 1, second) as OutcomeResult;
      const year = record.slice(second + 1);
      if (comma < 1 || second < 0 || !Number.isInteger(gradeLevel) || !Object.hasOwn(RESULTS, result))
        return readPastOutcomeRows(db, classIds, schoolYear, only);
      outcomes.push({ studentId, schoolYear: year, gradeLevel, result });
    }
  }
  return outcomes;
}

const RECORD = '\x1e'; // ASCII's record separator: char(30) / chr(30) above
/** Every result the schema allows (its check constraint): the type makes this list complete. */
const RESULTS: Record<OutcomeResult, true> = {
  ammesso: true,
  non_ammesso: true,
  sospensione_giudizio: true,
  ritirato: true,
  trasferito: true,
  abbandono: true,
  valutato: true,
};

/** The same as rows: for a year the text above cannot carry. */
async function readPastOutcomeRows(
  db: Db,
  classIds: number[],
  schoolYear: string,
  only: number | undefined,
): Promise<SchoolOutcome[]> {
  const rows = await pastFinals(db, classIds, schoolYear, only)
    .select(['student_id', 'school_year', 'grade_level', 'result'])
    .orderBy('student_id')
    .orderBy('school_year')
    .execute();
  return rows.map((o) => ({
    studentId: o.student_id,
    schoolYear: o.school_year,
    gradeLevel: o.grade_level,
    result: o.result,
  }));
}

const pastFinals = (db: Db, classIds: number[], schoolYear: string, only: number | undefined) =>
  db
    .selectFrom('outcome')
    .where('period', '=', 'finale')
    .where('school_year', '<', schoolYear)
    .where('student_id', 'in', (eb) =>
      eb.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds),
    )
    .$if(only !== undefined, (q) => q.where('student_id', '=', only!));
