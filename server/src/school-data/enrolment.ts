import type { ExpressionBuilder } from 'kysely';
import { dayNumber } from '@primm/shared/dates';
import type { Database } from '../db/database';

/**
 * THE enrolment rule, for every reader of `enrolment` (docs/data-format.md, studenti.csv): a stay
 * runs from `entered_on` (Data ingresso, the first day in the class) up to the day BEFORE
 * `left_on` (Data uscita, the first day out); `left_on` null: still there. On a class change the
 * old class's `left_on` is the new class's `entered_on`, and that day belongs to the new class:
 * an absence that day is filed under it and its hours are counted there. OneRoster's enrolment
 * `endDate` reads the same way (exclusive), and a transfer is accepted when the old school's exit
 * is not after the new school's entry (transfer-rule.ts).
 */
export interface EnrolmentSpan {
  enteredOn: string;
  leftOn: string | null;
}

/** Enrolled on `date`: entered by then and not yet out. */
export const isEnrolledOn = (stay: EnrolmentSpan, date: string): boolean =>
  stay.enteredOn <= date && (stay.leftOn === null || date < stay.leftOn);

/** Enrolled on at least one day of [from, to]. */
export const isEnrolledBetween = (stay: EnrolmentSpan, from: string, to: string): boolean =>
  stay.enteredOn <= to && (stay.leftOn === null || stay.leftOn > from);

/** Out by `date`: an exit recorded on or before it. */
export const hasLeftBy = (stay: Pick<EnrolmentSpan, 'leftOn'>, date: string): boolean =>
  stay.leftOn !== null && stay.leftOn <= date;

/** The first and last day in the class as day numbers (shared/src/dates.ts); the last is Infinity while enrolled. */
export const enrolledDays = (stay: EnrolmentSpan): [first: number, last: number] => [
  dayNumber(stay.enteredOn),
  stay.leftOn === null ? Infinity : dayNumber(stay.leftOn) - 1,
];

/** The class of the stay holding `date`, if any (a student is in one class of a school on a day). */
export function classOnDate<S extends EnrolmentSpan & { classId: number }>(
  stays: readonly S[],
  date: string,
): number | undefined {
  // A loop, not `find` with a closure: the import asks this for each of millions of event rows.
  for (let i = 0; i < stays.length; i++) if (isEnrolledOn(stays[i]!, date)) return stays[i]!.classId;
  return undefined;
}

/** `isEnrolledOn` in SQL, on the `enrolment` table of the query. */
export const enrolledOnSql = (date: string) => (eb: ExpressionBuilder<Database, 'enrolment'>) =>
  eb.and([
    eb('enrolment.entered_on', '<=', date),
    eb.or([eb('enrolment.left_on', 'is', null), eb('enrolment.left_on', '>', date)]),
  ]);
