import type { OutcomeResult } from '../db/database';
import type { Db } from '../db/open-database';

/**
 * What a past year's final outcome says for the backtest (issue 18): `bad` = not admitted,
 * withdrawn or dropped out (the year was lost); `suspended` = sospensione del giudizio, counted
 * apart (the June scrutinio leaves it open until the September exams, which the registers we read
 * do not record); `good` = admitted or assessed. A transfer says nothing of how the year ended
 * elsewhere: `null`, left out like a student without a final outcome.
 */
export type FinalClass = 'bad' | 'suspended' | 'good';

export function classifyResult(result: OutcomeResult): FinalClass | null {
  switch (result) {
    case 'non_ammesso':
    case 'ritirato':
    case 'abbandono':
      return 'bad';
    case 'sospensione_giudizio':
      return 'suspended';
    case 'ammesso':
    case 'valutato':
      return 'good';
    case 'trasferito':
      return null;
  }
}

const RANK: Record<FinalClass, number> = { bad: 3, suspended: 2, good: 1 };

/**
 * The year's final class of a student from all their final outcomes of that year: a student who
 * moved has `trasferito` from one school and the real outcome from the other; the worst real one
 * wins (a school that records a withdrawal after another recorded an admission is the later fact
 * we cannot order, and missing a bad outcome is the costlier error for a warning system).
 * `transferred` when only transfers are recorded.
 */
export function finalClassOf(results: OutcomeResult[]): FinalClass | 'transferred' | null {
  let best: FinalClass | null = null;
  for (const r of results) {
    const c = classifyResult(r);
    if (c !== null && (best === null || RANK[c] > RANK[best])) best = c;
  }
  return best ?? (results.length > 0 ? 'transferred' : null);
}

/** The final outcomes (`finale`) of a school year for these students, grouped by student. */
export async function readFinalResults(
  db: Db,
  schoolYear: string,
  studentIds: number[],
): Promise<Map<number, OutcomeResult[]>> {
  const out = new Map<number, OutcomeResult[]>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = await db
      .selectFrom('outcome')
      .select(['student_id', 'result'])
      .where('school_year', '=', schoolYear)
      .where('period', '=', 'finale')
      .where('student_id', 'in', studentIds.slice(i, i + 500))
      .orderBy('student_id')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.student_id) ?? [];
      list.push(r.result);
      out.set(r.student_id, list);
    }
  }
  return out;
}
