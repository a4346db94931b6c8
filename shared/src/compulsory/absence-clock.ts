import { addDays, subtractMonths } from '../dates';

/**
 * The absence clock of art. 114 D.Lgs 297/1994 as rewritten by art. 12 DL 123/2023 (L. 159/2023):
 * more than 15 days of unjustified absence, even not consecutive, within 3 months → the school
 * informs the family; no return within 7 days of the notice → the head teacher reports to the mayor.
 *
 * A day counts when the student missed the whole day without justification (docs/compulsory-
 * education.md); justified days never count. A return ("ripresa della frequenza") is a lesson day
 * with the student present, within the 7 days, followed by 7 days without a whole day of
 * unjustified absence: one day at school between absences that go on is not a return.
 */
export const CLOCK_RULES = { maxDays: 15, windowMonths: 3, returnWithinDays: 7, returnHoldsDays: 7 } as const;

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
  /** Unjustified days of this cycle in the 3 months up to `asOf` (they keep counting after the trigger). */
  daysInWindow: number;
  /** First day of that window. */
  windowFrom: string;
  triggeredOn: string | null;
  /** The days counted at the trigger: the facts of the notice and the report. */
  countedDays: string[];
  countdownEndsOn: string | null;
  reportDueFrom: string | null;
  returnedOn: string | null;
  /**
   * When the student returned after the notice and the clock started again from the return: the
   * day of that return, which closes the notified cycle (the server records it as the notice's
   * `closed_on` when a new notice is made). Null otherwise.
   */
  closedReturnOn: string | null;
}

export function runAbsenceClock(input: ClockInput): ClockResult {
  const since = input.since ?? '0000-01-01';
  const unjustified = input.unjustifiedDays.filter((d) => d >= since && d <= input.asOf).sort();
  const unjustifiedSet = new Set(unjustified);
  const absent = new Set(input.absentDays);
  const windowOf = (day: string) =>
    unjustified.filter((u) => u > subtractMonths(day, CLOCK_RULES.windowMonths) && u <= day);
  const windowFrom = addDays(subtractMonths(input.asOf, CLOCK_RULES.windowMonths), 1);
  const daysInWindow = windowOf(input.asOf).length;

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
  const base = {
    daysInWindow,
    windowFrom,
    triggeredOn,
    countedDays,
    countdownEndsOn: null,
    reportDueFrom: null,
    returnedOn: null,
    closedReturnOn: null,
  };
  if (!triggeredOn) return { ...base, state: 'ok' };
  if (!input.notifiedOn) return { ...base, state: 'to_notify' };

  const notifiedOn = input.notifiedOn;
  const countdownEndsOn = addDays(notifiedOn, CLOCK_RULES.returnWithinDays);
  const reportDueFrom = addDays(countdownEndsOn, 1);
  // The first day back that holds: present, and no unjustified whole day in the week after it
  // (as far as the data go). A later day back may hold where an earlier one did not.
  const returnedOn =
    input.lessonDays.find((d) => {
      if (d <= notifiedOn || d > countdownEndsOn || d > input.asOf || absent.has(d)) return false;
      const holdsUntil = addDays(d, CLOCK_RULES.returnHoldsDays);
      return !input.lessonDays.some((x) => x > d && x <= holdsUntil && x <= input.asOf && unjustifiedSet.has(x));
    }) ?? null;

  if (returnedOn !== null) {
    // The notified cycle is closed by the return; what follows is a new cycle, counted from the
    // day after it, which may trigger a new notice.
    const next = runAbsenceClock({ ...input, since: addDays(returnedOn, 1), notifiedOn: null, reportedOn: null });
    if (next.state !== 'ok') return { ...next, closedReturnOn: returnedOn };
    return { ...base, daysInWindow: next.daysInWindow, state: 'returned', countdownEndsOn, returnedOn };
  }
  const counting = { ...base, countdownEndsOn };
  if (input.reportedOn) return { ...counting, state: 'reported', reportDueFrom };
  if (input.asOf <= countdownEndsOn) return { ...counting, state: 'countdown' };
  return { ...counting, state: 'report_due', reportDueFrom };
}
