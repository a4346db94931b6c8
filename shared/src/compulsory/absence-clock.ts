import { addDays, subtractMonths } from './dates';

/**
 * The absence clock of art. 114 D.Lgs 297/1994 as rewritten by art. 12 DL 123/2023 (L. 159/2023):
 * more than 15 days of unjustified absence, even not consecutive, within 3 months → the school
 * informs the family; no return within 7 days of the notice → the head teacher reports to the mayor.
 *
 * A day counts when the student missed the whole day without justification (docs/compulsory-
 * education.md); justified days never count. A return is a lesson day with the student present.
 */
export const CLOCK_RULES = { maxDays: 15, windowMonths: 3, returnWithinDays: 7 } as const;

export type ClockState = 'ok' | 'to_notify' | 'countdown' | 'returned' | 'report_due' | 'reported';

export interface ClockInput {
  /** The student's lesson days (enrolled, not closures), sorted. */
  lessonDays: string[];
  /** Lesson days missed entirely without justification. */
  unjustifiedDays: string[];
  /** Lesson days missed entirely for any reason (a present day is a lesson day not in here). */
  absentDays: string[];
  /** Days before this are not counted (a previous cycle that ended). */
  since?: string | null;
  notifiedOn?: string | null;
  reportedOn?: string | null;
  asOf: string;
}

export interface ClockResult {
  state: ClockState;
  /** Unjustified days in the 3 months up to `asOf` (or up to the trigger, once triggered). */
  daysInWindow: number;
  windowFrom: string;
  triggeredOn: string | null;
  /** The days counted at the trigger: the facts of the notice and the report. */
  countedDays: string[];
  countdownEndsOn: string | null;
  reportDueFrom: string | null;
  returnedOn: string | null;
}

export function runAbsenceClock(input: ClockInput): ClockResult {
  const since = input.since ?? '0000-01-01';
  const unjustified = input.unjustifiedDays.filter((d) => d >= since && d <= input.asOf).sort();
  const absent = new Set(input.absentDays);
  const windowOf = (day: string) => unjustified.filter((u) => u > subtractMonths(day, CLOCK_RULES.windowMonths) && u <= day);

  let triggeredOn: string | null = null;
  let countedDays: string[] = [];
  for (const day of unjustified) {
    const inWindow = windowOf(day);
    if (inWindow.length > CLOCK_RULES.maxDays) {
      triggeredOn = day;
      countedDays = inWindow;
      break;
    }
  }
  const base = { triggeredOn, countedDays, countdownEndsOn: null, reportDueFrom: null, returnedOn: null };
  if (!triggeredOn) {
    const now = windowOf(input.asOf);
    return { ...base, state: 'ok', daysInWindow: now.length, windowFrom: addDays(subtractMonths(input.asOf, CLOCK_RULES.windowMonths), 1) };
  }
  const windowFrom = addDays(subtractMonths(triggeredOn, CLOCK_RULES.windowMonths), 1);
  const triggered = { ...base, daysInWindow: countedDays.length, windowFrom };
  if (!input.notifiedOn) return { ...triggered, state: 'to_notify' };

  const countdownEndsOn = addDays(input.notifiedOn, CLOCK_RULES.returnWithinDays);
  const returnedOn = input.lessonDays.find((d) => d > input.notifiedOn! && d <= input.asOf && !absent.has(d)) ?? null;
  const reportDueFrom = addDays(countdownEndsOn, 1);
  if (returnedOn !== null && returnedOn <= countdownEndsOn) return { ...triggered, state: 'returned', countdownEndsOn, returnedOn };
  if (input.reportedOn) return { ...triggered, state: 'reported', countdownEndsOn, reportDueFrom, returnedOn };
  if (input.asOf <= countdownEndsOn) return { ...triggered, state: 'countdown', countdownEndsOn };
  return { ...triggered, state: 'report_due', countdownEndsOn, reportDueFrom, returnedOn };
}
