import { weekdayOf } from '@primm/shared/dates';
import { RowError, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { parseDate, parseDecimal, parseYesNo } from './parse-values';
import { resolveStudentDay } from './resolve-student-day';
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
const DEROGHE = new Set(['salute', 'terapie', 'sport', 'religione', 'famiglia', 'altro']);

// Called once per attendance row: the few distinct values of a file are parsed once each.
const hoursMemo = new Map<string, number | undefined>();
function parseHours(text: string): number | undefined {
  if (hoursMemo.has(text)) return hoursMemo.get(text);
  const hours = parseDecimal(text);
  if (hoursMemo.size < 1000) hoursMemo.set(text, hours);
  return hours;
}

/** assenze.csv: whole-day absences, late entries and early exits, in lesson hours missed. */
export async function loadAttendance(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const sync = new BulkUpsert(
    ctx,
    'attendance_event',
    ['student_id', 'date', 'kind'],
    ['class_id', 'hours', 'justified', 'deroga', 'deroga_decided_on'],
  );
  const classById = new Map([...state.classes.values()].map((c) => [c.id, c]));

  await forEachRecord(ctx, dir, 'assenze.csv', requiredColumns('assenze.csv'), (f) => {
    const { studentId, classId, date } = resolveStudentDay(ctx, state, f);
    noteDate(ctx, date);
    const kindText = f.required('Tipo');
    const kind = KINDS[kindText] ?? KINDS[kindText.toLowerCase()];
    if (!kind) throw new RowError('Tipo', 'tipo: assenza, entrata posticipata o uscita anticipata');
    const cls = classById.get(classId)!;
    const calendar = state.calendars.get(cls.yearId)!;
    const held = lessonHoursOn(calendar, cls.timetable, date, weekdayOf(date));
    if (held === 0) throw new RowError('Data', 'non è un giorno di lezione della classe');
    const hours = parseHours(f.required('Ore'));
    if (hours === undefined || hours <= 0) throw new RowError('Ore', 'ore di assenza non valide');
    if (hours > held)
      throw new RowError('Ore', `ore di assenza (${hours}) oltre le ore di lezione del giorno (${held})`);
    const justified = parseYesNo(f.get('Giustificata'));
    if (justified === undefined) throw new RowError('Giustificata', 'atteso S o N');
    const deroga = f.get('Deroga').toLowerCase() || null;
    if (deroga !== null && !DEROGHE.has(deroga))
      throw new RowError('Deroga', `motivo di deroga non valido: "${deroga}"`);
    // The class council's decision date (DPR 122/2009 art. 14 c. 7: deroghe are its decisions).
    const decidedText = f.get('Data delibera deroga');
    const decidedOn = decidedText === '' ? null : parseDate(decidedText);
    if (decidedOn === undefined) throw new RowError('Data delibera deroga', 'data non valida');
    if (decidedOn !== null && deroga === null)
      throw new RowError('Data delibera deroga', 'data della delibera senza motivo di deroga');
    return sync.put({
      student_id: studentId,
      class_id: classId,
      date,
      kind,
      hours,
      justified: justified ? 1 : 0,
      deroga,
      deroga_decided_on: decidedOn,
      import_batch_id: ctx.batchId,
    });
  });
  await sync.flush();
}
