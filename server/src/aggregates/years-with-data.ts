import { yearsWithData } from '../db/current-year';
import type { Db } from '../db/open-database';

/** The labels of the school years with data (db/current-year.ts), newest first. */
export async function listYearsWithData(db: Db, only: number[] | null): Promise<string[]> {
  return (await yearsWithData(db, only)).map((y) => y.label);
}

/**
 * The year the aggregates answer when none is asked: the latest with data in the region, so that
 * an empty year row ahead of September does not blank every chart; null when there is none. The
 * one rule for every default year of the analyst's pages (db/current-year.ts: provinces, schools).
 */
export { findLatestYearWithData } from '../db/current-year';
