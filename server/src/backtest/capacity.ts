import type { RiskTier } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';

/** "We can follow N students": per school; null when the school has not said. */
export async function findSchoolCapacity(db: Db, schoolId: number): Promise<number | null> {
  const row = await db
    .selectFrom('school_risk_capacity')
    .select('capacity')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row?.capacity ?? null;
}

export async function listSchoolCapacities(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('school_risk_capacity').select(['school_id', 'capacity']).execute();
  return new Map(rows.map((r) => [r.school_id, r.capacity]));
}

/** Sets (or, with null, removes) a school's capacity. */
export async function saveSchoolCapacity(
  db: Db,
  schoolId: number,
  capacity: number | null,
  userId: number,
  now = new Date(),
): Promise<void> {
  if (capacity === null) {
    await db.deleteFrom('school_risk_capacity').where('school_id', '=', schoolId).execute();
    return;
  }
  await db
    .insertInto('school_risk_capacity')
    .values({ school_id: schoolId, capacity, updated_at: now.toISOString(), updated_by: userId })
    .onConflict((oc) =>
      oc.column('school_id').doUpdateSet({ capacity, updated_at: now.toISOString(), updated_by: userId }),
    )
    .execute();
}

/**
 * The `capacity` students most at risk of a school's list: by level after any human review (a
 * teacher's override counts), then by the model's probability when there is one, then by the
 * engine's score; ties by student id, so the same data always give the same students.
 */
export function mostAtRisk<T extends { studentId: number; tier: RiskTier; probability: number | null; score: number }>(
  rows: T[],
  capacity: number,
): Set<number> {
  const ranked = [...rows].sort(
    (a, b) =>
      b.tier - a.tier ||
      (b.probability ?? -1) - (a.probability ?? -1) ||
      b.score - a.score ||
      a.studentId - b.studentId,
  );
  return new Set(ranked.slice(0, capacity).map((r) => r.studentId));
}
