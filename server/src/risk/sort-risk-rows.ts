import type { RiskListQuery, RiskRow } from '@primm/shared/contracts/risk';

/**
 * Filter and order of the risk lists, in memory: a class has ~25 rows and a school ~1 000, read
 * from one indexed query, so sorting here keeps the SQL simple and the rules in one place.
 * Defaults: `tier` highest first (then score), `name` A→Z, `attendance` and `average` lowest
 * first; rows without a value go last whatever the order; ties fall back to the name.
 */
export function sortRiskRows<T extends RiskRow>(rows: T[], query: RiskListQuery): T[] {
  const filtered = rows.filter(
    (r) =>
      (query.tier === undefined || r.tier === query.tier) &&
      (query.indicator === undefined || r.indicators.some((i) => i.key === query.indicator && i.level !== 'ok')),
  );
  const order = query.order ?? (query.sort === 'tier' ? 'desc' : 'asc');
  const sign = order === 'asc' ? 1 : -1;
  const byName = (a: T, b: T) =>
    a.lastName.localeCompare(b.lastName, 'it') ||
    a.firstName.localeCompare(b.firstName, 'it') ||
    a.studentId - b.studentId;
  const nullsLast = (x: number | null, y: number | null) =>
    x === null ? (y === null ? 0 : 1) : y === null ? -1 : sign * (x - y);
  const compare: (a: T, b: T) => number =
    query.sort === 'name'
      ? (a, b) => sign * byName(a, b)
      : query.sort === 'attendance'
        ? (a, b) => nullsLast(a.attendanceRate, b.attendanceRate) || byName(a, b)
        : query.sort === 'average'
          ? (a, b) => nullsLast(a.average, b.average) || byName(a, b)
          : (a, b) => sign * (a.tier - b.tier) || sign * (a.score - b.score) || byName(a, b);
  return filtered.sort(compare);
}
