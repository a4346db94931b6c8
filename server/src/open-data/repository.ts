import { OpenDataTable } from '@primm/shared/contracts/open-data';
import type { Db } from '../db/open-database';

export interface StoredRelease {
  id: number;
  schoolYear: string;
  publishedAt: string;
  data: OpenDataTable;
}

type Row = { id: number; school_year: string; published_at: string; body: string };

function toRelease(row: Row): StoredRelease {
  return {
    id: Number(row.id),
    schoolYear: row.school_year,
    publishedAt: row.published_at,
    // Parsed with the contract: a row is what was published, and must still read as such.
    data: OpenDataTable.parse(JSON.parse(row.body)),
  };
}

/** Every published release, newest first, without the tables (the public list). */
export async function listReleaseHeads(db: Db): Promise<{ id: number; schoolYear: string; publishedAt: string }[]> {
  const rows = await db
    .selectFrom('open_data_release')
    .select(['id', 'school_year', 'published_at'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), schoolYear: r.school_year, publishedAt: r.published_at }));
}

export async function listReleasesOfYear(db: Db, schoolYear: string): Promise<StoredRelease[]> {
  const rows = await db
    .selectFrom('open_data_release')
    .select(['id', 'school_year', 'published_at', 'body'])
    .where('school_year', '=', schoolYear)
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toRelease);
}

export async function findRelease(db: Db, id: number): Promise<StoredRelease | undefined> {
  const row = await db
    .selectFrom('open_data_release')
    .select(['id', 'school_year', 'published_at', 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRelease(row) : undefined;
}

export async function insertRelease(
  db: Db,
  row: { data: OpenDataTable; publishedAt: string; publishedBy: number; dataVersion: number },
): Promise<StoredRelease> {
  const inserted = await db
    .insertInto('open_data_release')
    .values({
      school_year: row.data.schoolYear,
      published_at: row.publishedAt,
      published_by: row.publishedBy,
      data_version: row.dataVersion,
      body: JSON.stringify(row.data),
    })
    .returning(['id', 'school_year', 'published_at', 'body'])
    .executeTakeFirstOrThrow();
  return toRelease(inserted);
}
