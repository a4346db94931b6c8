import { RowError, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { parseDate, parseDecimal, parseYesNo } from './parse-values';
import { resolveStudentDay, type StudentDay } from './resolve-student-day';
import { lessonHoursOn, type SchoolState } from './school-state';
import { BulkUpsert } from './bulk-upsert';
import { noteDate } from './file-stats';
import { requiredColumns } from '@primm/shared/import-format/school-files';

const KINDS: Record<string, string> = {
  assenza: 'assenza',
  'entrata posticipata': 'entrata_posticipata',
  ritardo: 'entrata_posticipata',
  'uscita anticipata': 'uscita_anticipata',
};
/** A number per stored kind, for the row's numeric key. */
const KIND_CODE: Record<string, number> = { assenza: 0, entrata_posticipata: 1, uscita_anticipata: 2 };
const DEROGHE = new Set(['salute', 'terapie', 'sport', 'religione', 'famiglia', 'altro']);

/** The order of the values handed to the writer (see `BulkUpsert.putValues`). */
const COLUMNS = [
  'student_id',
  'date',
  'kind',
  'class_id',
  'hours',
  'justified',
  'deroga',
  'deroga_decided_on',
  'import_batch_id',
] as const;

/**
 * The natural key (student, date, kind) as one number: day numbers (days since 1970) stay below
 * 2^16 until the year 2149 and the kinds are three, so distinct keys never meet while student ids
 * stay below 2^53 / 2^18 ≈ 3.4 · 10^10. A number is hashed without building a string per row.
 */
const attendanceKey = (studentId: number, day: number, kind: string): number =>
  studentId * 262_144 + day * 4 + KIND_CODE[kind]!;

// Called once per attendance row: the few distinct values of a file are parsed once each.
function memo<T>(parse: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      value = parse(text);
      if (seen.size < 1000) seen.set(text, value);
    }
    return value as T;
  };
}
const parseHours = memo(parseDecimal);
const parseJustified = memo(parseYesNo);

/** assenze.csv: whole-day absences, late entries and early exits, in lesson hours missed. */
export async function loadAttendance(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const sync = new BulkUpsert(
    ctx,
    'attendance_event',
    ['student_id', 'date', 'kind'],
    ['class_id', 'hours', 'justified', 'deroga', 'deroga_decided_on'],
    undefined,
    COLUMNS,
  );
  const classById = new Map([...state.classes.values()].map((c) => [c.id, c]));
  // Reused for every row: the writer copies the values it keeps.
  const at: StudentDay = { studentId: 0, classId: 0, date: '', day: 0, weekday: 0 };
  const values: unknown[] = new Array(COLUMNS.length).fill(null);

  await forEachRecord(ctx, dir, 'assenze.csv', requiredColumns('assenze.csv'), (f) => {
    const { studentId, classId, date } = resolveStudentDay(ctx, state, f, at);
    noteDate(ctx, date);
    const kindText = f.required('Tipo');
    const kind = KINDS[kindText] ?? KINDS[kindText.toLowerCase()];
    if (!kind) throw new RowError('Tipo', 'tipo: assenza, entrata posticipata o uscita anticipata');
    const cls = classById.get(classId)!;
    const calendar = state.calendars.get(cls.yearId)!;
    const held = lessonHoursOn(calendar, cls.timetable, date, at.weekday);
    if (held === 0) throw new RowError('Data', 'non è un giorno di lezione della classe');
    const hours = parseHours(f.required('Ore'));
    if (hours === undefined || hours <= 0) throw new RowError('Ore', 'ore di assenza non valide');
    if (hours > held)
      throw new RowError('Ore', `ore di assenza (${hours}) oltre le ore di lezione del giorno (${held})`);
    const justified = parseJustified(f.get('Giustificata'));
    if (justified === undefined) throw new RowError('Giustificata', 'atteso S o N');
    const derogaText = f.get('Deroga');
    const deroga = derogaText === '' ? null : derogaText.toLowerCase();
    if (deroga !== null && !DEROGHE.has(deroga))
      throw new RowError('Deroga', `motivo di deroga non valido: "${deroga}"`);
    // The class council's decision date (DPR 122/2009 art. 14 c. 7: deroghe are its decisions).
    const decidedText = f.get('Data delibera deroga');
    const decidedOn = decidedText === '' ? null : parseDate(decidedText);
    if (decidedOn === undefined) throw new RowError('Data delibera deroga', 'data non valida');
    if (decidedOn !== null && deroga === null)
      throw new RowError('Data delibera deroga', 'data della delibera senza motivo di deroga');
    values[0] = studentId;
    values[1] = date;
    values[2] = kind;
    values[3] = classId;
    values[4] = hours;
    values[5] = justified ? 1 : 0;
    values[6] = deroga;
    values[7] = decidedOn;
    values[8] = ctx.batchId;
    return sync.putValues(attendanceKey(studentId, at.day, kind), values);
  });
  await sync.flush();
}
