import type { Db } from '../db/open-database';
import { isNewlyArrived } from '../students/newly-arrived';

/**
 * The groups the backtest checks the levels' errors in (issue 18: citizenship group, sex, newly
 * arrived). Read for fairness only, never an input of the engine (docs/risk-model.md).
 */
export interface StudentGroups {
  citizenship_group: 'italiano' | 'straniero_nato_in_italia' | 'straniero_nato_all_estero';
  sex: 'F' | 'M';
  /** NAI: in Italy for less than two years on the cut date. */
  newly_arrived: 'si' | 'no';
}

export function groupsOf(
  s: { citizenship: string; born_in_italy: number; sex: 'M' | 'F'; arrival_date: string | null },
  cutDate: string,
): StudentGroups {
  const citizenship = s.citizenship.trim().toLowerCase();
  return {
    // The groups of DESIGN.md "Aggregates" without the NAI split: newly arrived is its own variable here.
    citizenship_group:
      citizenship === 'italia' || citizenship === 'italiana'
        ? 'italiano'
        : s.born_in_italy === 1
          ? 'straniero_nato_in_italia'
          : 'straniero_nato_all_estero',
    sex: s.sex,
    newly_arrived: isNewlyArrived(s.arrival_date, cutDate) ? 'si' : 'no',
  };
}

export async function readStudentGroups(
  db: Db,
  studentIds: number[],
  cutDate: string,
): Promise<Map<number, StudentGroups>> {
  const out = new Map<number, StudentGroups>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = await db
      .selectFrom('student')
      .select(['id', 'citizenship', 'born_in_italy', 'sex', 'arrival_date'])
      .where('id', 'in', studentIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, groupsOf(r, cutDate));
  }
  return out;
}
