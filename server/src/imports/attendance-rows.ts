import { dayNumber, fromDayNumber } from '@primm/shared/dates';
import { requiredColumns } from '@primm/shared/import-format/school-files';
import { BulkUpsert } from './bulk-upsert';
import { RowError, forEachRecord } from './csv-file';
import { noteDate } from './file-stats';
import type { ImportContext } from './import-context';
import { parseDate, parseDecimal, parseYesNo } from './parse-values';
import { resolveStudentDay, type StudentDay } from './resolve-student-day';
import { lessonHoursOn, type SchoolState } from './school-state';

const KINDS: Record<string, string> = {
  assenza: 'assenza',
  'entrata posticipata': 'entrata_posticipata',
  ritardo: 'entrata_posticipata',
  'uscita anticipata': 'uscita_anticipata',
};
/** The stored kinds; a kind's position is its number in the row's key and in a chunk. */
const KIND_NAMES = ['assenza', 'entrata_posticipata', 'uscita_anticipata'] as const;
const KIND_CODE: Record<string, number> = Object.fromEntries(KIND_NAMES.map((k, i) => [k, i]));
const DEROGA_NAMES = ['salute', 'terapie', 'sport', 'religione', 'famiglia', 'altro'] as const;
const DEROGA_CODE = new Map<string, number>(DEROGA_NAMES.map((d, i) => [d, i]));

/** The order of the values handed to the writer (see `BulkUpsert.putValues`). */
export const ATTENDANCE_COLUMNS = [
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

/** The writer of attendance_event rows; with `sink`, a reader's (see `BulkUpsert`). */
export function attendanceWriter(
  ctx: ImportContext,
  chunkSize?: number,
  sink?: (values: readonly unknown[], rows: number) => Promise<void>,
): BulkUpsert {
  return new BulkUpsert(
    ctx,
    'attendance_event',
    ['student_id', 'date', 'kind'],
    ['class_id', 'hours', 'justified', 'deroga', 'deroga_decided_on'],
    chunkSize,
    ATTENDANCE_COLUMNS,
    sink,
  );
}

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

/**
 * Reads assenze.csv of `dir` row by row into `sync`: whole-day absences, late entries and early
 * exits, in lesson hours missed, each checked against the school's students, enrolments and
 * class calendars. Rejected rows go to `ctx` with file, line and column. The one rule of an
 * attendance row, run on the import's thread or on a reader thread (`event-reader-thread.ts`).
 */
export function readAttendance(
  ctx: ImportContext,
  dir: string,
  state: SchoolState,
  sync: BulkUpsert,
): Promise<boolean> {
  const classById = new Map([...state.classes.values()].map((c) => [c.id, c]));
  // Reused for every row: the writer copies the values it keeps.
  const at: StudentDay = { studentId: 0, classId: 0, date: '', day: 0, weekday: 0 };
  const values: unknown[] = new Array(ATTENDANCE_COLUMNS.length).fill(null);

  return forEachRecord(ctx, dir, 'assenze.csv', requiredColumns('assenze.csv'), (f) => {
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
    if (deroga !== null && !DEROGA_CODE.has(deroga))
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
}

/** Numbers a row of a chunk takes between threads: the columns but the batch, dates as day numbers. */
const PACKED = 8;

/**
 * A chunk of attendance values (in the order of `ATTENDANCE_COLUMNS`) as numbers, to cross to
 * another thread without a copy: an array of 45 000 values, strings among them, cost the thread
 * receiving it more to rebuild than to write. Dates become day numbers, kinds and deroghe their
 * position, a missing value NaN (or -1 for the deroga).
 */
export function packAttendance(values: readonly unknown[], rows: number): Float64Array {
  const packed = new Float64Array(rows * PACKED);
  const width = ATTENDANCE_COLUMNS.length;
  for (let r = 0, v = 0, p = 0; r < rows; r++, v += width, p += PACKED) {
    packed[p] = values[v] as number;
    packed[p + 1] = dayNumber(values[v + 1] as string);
    packed[p + 2] = KIND_CODE[values[v + 2] as string]!;
    packed[p + 3] = values[v + 3] as number;
    packed[p + 4] = values[v + 4] as number;
    packed[p + 5] = values[v + 5] as number;
    const deroga = values[v + 6] as string | null;
    packed[p + 6] = deroga === null ? -1 : DEROGA_CODE.get(deroga)!;
    const decided = values[v + 7] as string | null;
    packed[p + 7] = decided === null ? NaN : dayNumber(decided);
  }
  return packed;
}

/** The values of a packed chunk back into `values` (as `packAttendance` was given them), with `batchId`. */
export function unpackAttendance(packed: Float64Array, values: unknown[], batchId: number | null): number {
  const rows = packed.length / PACKED;
  const width = ATTENDANCE_COLUMNS.length;
  for (let r = 0, v = 0, p = 0; r < rows; r++, v += width, p += PACKED) {
    values[v] = packed[p];
    values[v + 1] = fromDayNumber(packed[p + 1]!);
    values[v + 2] = KIND_NAMES[packed[p + 2]!];
    values[v + 3] = packed[p + 3];
    values[v + 4] = packed[p + 4];
    values[v + 5] = packed[p + 5];
    const deroga = packed[p + 6]!;
    values[v + 6] = deroga < 0 ? null : DEROGA_NAMES[deroga];
    const decided = packed[p + 7]!;
    values[v + 7] = Number.isNaN(decided) ? null : fromDayNumber(decided);
    values[v + 8] = batchId;
  }
  return rows;
}
