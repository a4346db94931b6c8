import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import type { Fields } from './csv-file';
import { RowError } from './csv-file';
import type { ImportContext } from './import-context';
import { parseDate } from './parse-values';
import { pseudonymize } from './pseudonym';
import { dayNumber, schoolYearOf, weekdayOfDay } from '@primm/shared/dates';
import { classOnDate } from '../school-data/enrolment';
import type { SchoolState } from './school-state';

export interface StudentDay {
  studentId: number;
  classId: number;
  /** ISO date */
  date: string;
  /** `date` as a day number (shared/src/dates.ts) and its weekday (0 = Monday) */
  day: number;
  weekday: number;
}

/**
 * The student and class an event belongs to, from its codice fiscale and date: the student must be
 * in studenti.csv and enrolled in a class of this school on that date, within a known school year.
 * `out`, when given, is filled and returned instead of a new object: a loader of millions of rows
 * passes one of its own (an object per row was a measurable share of the garbage collector's work).
 */
export function resolveStudentDay(ctx: ImportContext, state: SchoolState, f: Fields, out?: StudentDay): StudentDay {
  const studentId = resolveStudent(ctx, state, f.required('Codice fiscale'));
  const facts = dateFacts(f.required('Data'));
  if (!facts) throw new RowError('Data', 'data non valida');
  if (!state.years.has(facts.yearLabel))
    throw new RowError('Data', `data fuori dagli anni scolastici del calendario (${facts.yearLabel})`);
  const classId = classOnDate(state.enrolments.get(studentId) ?? [], facts.iso);
  if (classId === undefined) throw new RowError('Data', 'lo studente non era iscritto in questa scuola in quella data');
  const day = out ?? { studentId: 0, classId: 0, date: '', day: 0, weekday: 0 };
  day.studentId = studentId;
  day.classId = classId;
  day.date = facts.iso;
  day.day = facts.day;
  day.weekday = facts.weekday;
  return day;
}

// Event files come sorted by student: the last codice fiscale seen is the next one most of the
// time, and its check and HMAC are most of a row's cost. One entry only, so no codice fiscale is
// kept beyond the row that follows it.
const lastStudent = new WeakMap<SchoolState, { cf: string; id: number }>();

/** The id of a student of this school from the codice fiscale as written, or a RowError. */
export function resolveStudent(ctx: ImportContext, state: SchoolState, written: string): number {
  const last = lastStudent.get(state);
  if (last !== undefined && last.cf === written) return last.id;
  const cf = written.toUpperCase();
  if (!isValidCodiceFiscale(cf)) throw new RowError('Codice fiscale', 'codice fiscale non valido');
  const studentId = state.students.get(pseudonymize(cf, ctx.pseudonymKey));
  if (studentId === undefined) throw new RowError('Codice fiscale', 'studente assente da studenti.csv');
  lastStudent.set(state, { cf: written, id: studentId });
  return studentId;
}

interface DateFacts {
  iso: string;
  day: number;
  weekday: number;
  yearLabel: string;
}

const dateMemo = new Map<string, DateFacts | null>();

/**
 * A date as written, parsed once with what the loaders derive from it (day number, weekday,
 * school year): an event file has millions of rows but a few hundred distinct days.
 */
function dateFacts(text: string): DateFacts | null {
  let facts = dateMemo.get(text);
  if (facts === undefined) {
    const iso = parseDate(text);
    facts = iso === undefined ? null : { iso, day: dayNumber(iso), weekday: 0, yearLabel: schoolYearOf(iso) };
    if (facts) facts.weekday = weekdayOfDay(facts.day);
    if (dateMemo.size > 50_000) dateMemo.clear();
    dateMemo.set(text, facts);
  }
  return facts;
}
