import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import type { Fields } from './csv-file';
import { RowError } from './csv-file';
import type { ImportContext } from './import-context';
import { parseDate } from './parse-values';
import { pseudonymize } from './pseudonym';
import { schoolYearOf } from '@primm/shared/dates';
import { classOnDate } from '../school-data/enrolment';
import type { SchoolState } from './school-state';

export interface StudentDay {
  studentId: number;
  classId: number;
  date: string;
}

/**
 * The student and class an event belongs to, from its codice fiscale and date: the student must be
 * in studenti.csv and enrolled in a class of this school on that date, within a known school year.
 */
export function resolveStudentDay(ctx: ImportContext, state: SchoolState, f: Fields): StudentDay {
  const studentId = resolveStudent(ctx, state, f.required('Codice fiscale'));
  const date = parseDateMemo(f.required('Data'));
  if (!date) throw new RowError('Data', 'data non valida');
  const yearLabel = schoolYearOf(date);
  if (!state.years.has(yearLabel))
    throw new RowError('Data', `data fuori dagli anni scolastici del calendario (${yearLabel})`);
  const classId = classOnDate(state.enrolments.get(studentId) ?? [], date);
  if (classId === undefined) throw new RowError('Data', 'lo studente non era iscritto in questa scuola in quella data');
  return { studentId, classId, date };
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

const dateMemo = new Map<string, string | undefined>();

/** parseDate, remembered: an event file has millions of rows but a few hundred distinct days. */
export function parseDateMemo(text: string): string | undefined {
  if (dateMemo.has(text)) return dateMemo.get(text);
  const date = parseDate(text);
  if (dateMemo.size > 50_000) dateMemo.clear();
  dateMemo.set(text, date);
  return date;
}
