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
