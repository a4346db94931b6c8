import type { Db } from '../db/open-database';

/**
 * School years with at least one enrolment, newest first; `only`: the schools a referent sees
 * (null: all). A year row can exist without data (created by an import that failed, or ahead of
 * September): issue 20, the analyst was offered such years and got an error.
 */
export async function listYearsWithData(db: Db, only: number[] | null): Promise<string[]> {
  return (await yearsWithData(db, only)).map((y) => y.label);
}

/**
 * The year the aggregates answer when none is asked: the latest with data in the region, so that
 * an empty year row ahead of September does not blank every chart; null when there is none. The
 * one rule for every default year of the analyst's pages (db/current-year.ts: provinces, schools).
 */
export { findLatestYearWithData } from '../db/current-year';

async function yearsWithData(db: Db, only: number[] | null, limit?: number): Promise<{ id: number; label: string }[]> {
  if (only !== null && only.length === 0) return [];
  let query = db
    .selectFrom('school_year as y')
    .select(['y.id', 'y.label'])
    .where(({ exists, selectFrom }) => {
      let classes = selectFrom('class as c')
        .innerJoin('enrolment as e', 'e.class_id', 'c.id')
        .select('c.id')
        .whereRef('c.school_year_id', '=', 'y.id');
      if (only !== null) classes = classes.where('c.school_id', 'in', only);
      return exists(classes);
    })
    .orderBy('y.label', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}
