import type { Db } from './open-database';

/** The latest school year with data, the one lists show by default; null on an empty database. */
export async function findCurrentSchoolYear(db: Db): Promise<{ id: number; label: string } | null> {
  const row = await db
    .selectFrom('school_year')
    .select(['id', 'label'])
    .orderBy('label', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The latest school year with at least one enrolment in the region; null when there is none. A
 * year row can exist without data (ahead of September, or left by a failed import): the
 * aggregates answer this year by default, and so do the province and school lists (issue 20:
 * their totals disagreed when one used the empty new year and the other the year with data).
 */
export async function findLatestYearWithData(db: Db): Promise<{ id: number; label: string } | null> {
  return (await yearsWithData(db, null, 1))[0] ?? null;
}

/**
 * School years with at least one enrolment, newest first; `only`: the schools a referent sees
 * (null: all). A year row can exist without data (created by an import that failed, or ahead of
 * September): issue 20, the analyst was offered such years and got an error.
 */
export async function yearsWithData(
  db: Db,
  only: number[] | null,
  limit?: number,
): Promise<{ id: number; label: string }[]> {
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
