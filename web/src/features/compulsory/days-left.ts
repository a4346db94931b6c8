import { daysBetween } from '@primm/shared/dates';

/** Wording of the 7 days the family has to bring the student back (art. 114 c. 2, as rewritten in 2023). */

export type DaysLeftKey = 'today' | 'one' | 'many' | 'pastOne' | 'pastMany';
export type DaysLeft = { days: number; key: DaysLeftKey; count: number };

/**
 * Days left until the countdown ends, counted from the data's day (`asOf`, the last imported
 * event), not the browser's clock. The end day itself is still in time: 0 is "today".
 */
export function describeDaysLeft(endsOn: string, asOf: string): DaysLeft {
  const days = daysBetween(asOf, endsOn);
  if (days === 0) return { days, key: 'today', count: 0 };
  if (days === 1) return { days, key: 'one', count: 1 };
  if (days > 1) return { days, key: 'many', count: days };
  return { days, key: days === -1 ? 'pastOne' : 'pastMany', count: -days };
}

/** Today in the user's time zone: at 00:30 in Rome the UTC date is still yesterday. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
