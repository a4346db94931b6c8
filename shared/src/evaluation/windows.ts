import { addDays, mondayOf } from '../dates';

export interface WeekHours {
  weekStart: string;
  hoursHeld: number;
  hoursAbsent: number;
}
export interface DatedGrade {
  date: string;
  value: number | null;
  inAverage: boolean;
}

/** Issue 22: the 4 weeks before the action's week, and weeks 2–8 after it (its own week is week 1). */
export const BEFORE_WEEKS = 4;
export const AFTER_FROM_WEEK = 2;
export const AFTER_TO_WEEK = 8;

export interface Side {
  attendanceRate: number | null;
  average: number | null;
}
export interface Around {
  before: Side;
  after: Side;
  /** Year-to-date grade average before the action's week: the grade band of the match. */
  averageSoFar: number | null;
}

/**
 * Attendance and grades of one student around a date, read from the weekly series (the same
 * series as a case's effect, case-effect.ts). Null when weeks 2–8 are not over by `lastDay`:
 * an "after" cut short would compare unequal stretches of the year.
 */
export function measureAround(
  weeks: readonly WeekHours[],
  grades: readonly DatedGrade[],
  date: string,
  lastDay: string,
): Around | null {
  const week1 = mondayOf(date);
  const beforeFrom = addDays(week1, -7 * BEFORE_WEEKS);
  const afterFrom = addDays(week1, 7 * (AFTER_FROM_WEEK - 1));
  const afterTo = addDays(week1, 7 * AFTER_TO_WEEK); // exclusive
  if (addDays(afterTo, -1) > lastDay) return null;
  const side = (from: string, to: string): Side => ({
    attendanceRate: rateOf(weeks.filter((w) => w.weekStart >= from && w.weekStart < to)),
    average: meanOf(grades.filter((g) => g.date >= from && g.date < to)),
  });
  return {
    before: side(beforeFrom, week1),
    after: side(afterFrom, afterTo),
    averageSoFar: meanOf(grades.filter((g) => g.date < week1)),
  };
}

function rateOf(weeks: readonly WeekHours[]): number | null {
  const held = weeks.reduce((a, w) => a + w.hoursHeld, 0);
  return held === 0 ? null : 1 - weeks.reduce((a, w) => a + w.hoursAbsent, 0) / held;
}

function meanOf(grades: readonly DatedGrade[]): number | null {
  const values = grades.filter((g) => g.inAverage && g.value !== null).map((g) => g.value!);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** DESIGN.md's chronic-absence bands, on the 4 weeks before: ≥ 95 %, 90–95 %, 80–90 %, < 80 % attended. */
export function attendanceBand(rate: number | null): string {
  if (rate === null) return 'none';
  if (rate >= 0.95) return 'a95';
  if (rate >= 0.9) return 'a90';
  if (rate >= 0.8) return 'a80';
  return 'a0';
}

/** Grade-average bands around the pass mark (6): below 5, 5–6, 6–7, 7 and above. */
export function gradeBand(average: number | null): string {
  if (average === null) return 'none';
  if (average < 5) return 'g0';
  if (average < 6) return 'g5';
  if (average < 7) return 'g6';
  return 'g7';
}

/** "Similar students": same level and same indicator bands on the same date (issue 22). */
export function stratumOf(level: number | null, around: Around): string {
  return `${level ?? 0}|${attendanceBand(around.before.attendanceRate)}|${gradeBand(around.averageSoFar)}`;
}
