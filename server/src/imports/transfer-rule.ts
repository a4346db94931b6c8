import { hasLeftBy } from '../school-data/enrolment';

/** An enrolment a student already has, in this school or another. */
export interface KnownStay {
  schoolId: number;
  classId: number;
  enteredOn: string;
  leftOn: string | null;
}

export type TransferStatus = 'accepted' | 'conflict' | 'confirmed';

export type EnrolmentVerdict =
  /** Write the enrolment; the student's personal data too only when `personalData`. */
  | { write: true; personalData: boolean; transfer?: { status: 'accepted' | 'confirmed'; from: KnownStay } }
  /** Reject the row: another school still holds the student. */
  | { write: false; personalData: false; transfer: { status: 'conflict'; from: KnownStay } };

/**
 * May a school's import enrol a student the database already knows, and rewrite their personal
 * data? A codice fiscale alone must not pull another school's student in (and, with the
 * enrolment, open their file to this school), nor let one school rewrite what another records.
 *
 * Another school *holds* the student on the row's entry date when it has an enrolment of theirs
 * that is open or ends after that date. Then:
 * - a new enrolment is a conflict: rejected, unless the admin confirms it (`confirm`);
 * - the personal data is not written, not even with the enrolment confirmed or already there
 *   (a school re-importing a past stay of a student who has since moved on).
 * When no other school holds the student, the old school has recorded the exit (its agreement)
 * and this school becomes theirs: the enrolment and the personal data are written, and when the
 * student's last stay before the entry was elsewhere, the row is reported as an accepted transfer.
 */
export function judgeEnrolment(
  row: { schoolId: number; classId: number; enteredOn: string },
  stays: readonly KnownStay[],
  confirm: boolean,
): EnrolmentVerdict {
  const holding = stays.filter((s) => s.schoolId !== row.schoolId && !hasLeftBy(s, row.enteredOn));
  const exists = stays.some(
    (s) => s.schoolId === row.schoolId && s.classId === row.classId && s.enteredOn === row.enteredOn,
  );
  if (holding.length > 0) {
    if (exists) return { write: true, personalData: false };
    const from = latest(holding);
    return confirm
      ? { write: true, personalData: false, transfer: { status: 'confirmed', from } }
      : { write: false, personalData: false, transfer: { status: 'conflict', from } };
  }
  const before = stays.filter((s) => s.enteredOn <= row.enteredOn);
  const last = before.length === 0 ? undefined : latest(before);
  if (exists || last === undefined || last.schoolId === row.schoolId) return { write: true, personalData: true };
  return { write: true, personalData: true, transfer: { status: 'accepted', from: last } };
}

/** The stay entered last (on a tie, the one still open or left last). */
function latest(stays: readonly KnownStay[]): KnownStay {
  return stays.reduce((a, b) =>
    b.enteredOn > a.enteredOn || (b.enteredOn === a.enteredOn && (b.leftOn ?? '9') > (a.leftOn ?? '9')) ? b : a,
  );
}
