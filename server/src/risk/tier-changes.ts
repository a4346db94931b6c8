import { addDays } from '@primm/shared/dates';
import type { ClassRiskChanges, RiskTier } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';

/**
 * Net tier moves of a class's students in the `days` before the class's latest data day: a student
 * who went 1 → 2 → 1 did not change. "Last week" is the data's week, not the server's.
 */
export async function classTierChanges(db: Db, classId: number, days: number): Promise<ClassRiskChanges> {
  const latest = await db
    .selectFrom('risk_result')
    .select(({ fn }) => fn.max<string>('as_of').as('as_of'))
    .where('class_id', '=', classId)
    .executeTakeFirst();
  const asOf = latest?.as_of ?? null;
  if (!asOf) return { asOf: null, since: null, up: 0, down: 0, items: [] };
  const since = addDays(asOf, -days);
  const rows = await db
    .selectFrom('risk_tier_change as c')
    .innerJoin('student as s', 's.id', 'c.student_id')
    .select(['c.student_id', 'c.from_tier', 'c.to_tier', 'c.as_of', 's.last_name', 's.first_name'])
    .where('c.class_id', '=', classId)
    .where('c.as_of', '>', since)
    .orderBy('c.id')
    .execute();
  const net = new Map<number, { from: number; to: number; asOf: string; lastName: string; firstName: string }>();
  for (const r of rows) {
    const seen = net.get(r.student_id);
    net.set(r.student_id, {
      from: seen?.from ?? r.from_tier,
      to: r.to_tier,
      asOf: r.as_of,
      lastName: r.last_name,
      firstName: r.first_name,
    });
  }
  const items = [...net]
    .filter(([, c]) => c.from !== c.to)
    .map(([studentId, c]) => ({
      studentId,
      lastName: c.lastName,
      firstName: c.firstName,
      fromTier: c.from as RiskTier,
      toTier: c.to as RiskTier,
      asOf: c.asOf,
    }))
    .sort((a, b) => b.toTier - b.fromTier - (a.toTier - a.fromTier) || a.lastName.localeCompare(b.lastName));
  return {
    asOf,
    since,
    up: items.filter((i) => i.toTier > i.fromTier).length,
    down: items.filter((i) => i.toTier < i.fromTier).length,
    items,
  };
}
