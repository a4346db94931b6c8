import { addDays, mondayOf } from '@primm/shared/dates';
import type { CaseEffect } from '@primm/shared/contracts/cases';

interface Week {
  weekStart: string;
  hoursHeld: number;
  hoursAbsent: number;
}
interface Grade {
  date: string;
  value: number | null;
  inAverage: boolean;
}

/**
 * Attendance and grades in the `n` weeks before the first action (its week excluded) and in the
 * weeks from it on (DESIGN.md "Case management": reports compare before and after). Rates are
 * over hours held, so holiday weeks weigh nothing; averages are of the grades that count.
 */
export function computeCaseEffect(weeks: Week[], grades: Grade[], firstActionOn: string | null, n = 4): CaseEffect {
  const empty = { attendanceRate: null, average: null };
  if (!firstActionOn) return { firstActionOn: null, weeksEachSide: n, weeks: [], before: empty, after: empty };
  const actionWeek = mondayOf(firstActionOn);
  const before = weeks.filter((w) => w.weekStart < actionWeek).slice(-n);
  const after = weeks.filter((w) => w.weekStart >= actionWeek).slice(0, n);
  const averageIn = (from: string, to: string) =>
    mean(grades.filter((g) => g.inAverage && g.value !== null && g.date >= from && g.date < to).map((g) => g.value!));
  const end = (w: Week) => addDays(w.weekStart, 7);
  const rows = [
    ...before.map((w) => ({ ...w, side: 'before' as const })),
    ...after.map((w) => ({ ...w, side: 'after' as const })),
  ].map((w) => ({ ...w, attendanceRate: rate([w]), average: averageIn(w.weekStart, end(w)) }));
  return {
    firstActionOn,
    weeksEachSide: n,
    weeks: rows,
    before: {
      attendanceRate: rate(before),
      average: before.length ? averageIn(before[0]!.weekStart, actionWeek) : null,
    },
    after: {
      attendanceRate: rate(after),
      average: after.length ? averageIn(actionWeek, end(after[after.length - 1]!)) : null,
    },
  };
}

function rate(weeks: Week[]): number | null {
  const held = weeks.reduce((a, w) => a + w.hoursHeld, 0);
  if (held === 0) return null;
  return 1 - weeks.reduce((a, w) => a + w.hoursAbsent, 0) / held;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
