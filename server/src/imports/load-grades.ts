import { parseGrade } from '@primm/shared/grades/parse-grade';
import { RowError, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { resolveStudentDay, type StudentDay } from './resolve-student-day';
import type { SchoolState } from './school-state';
import { BulkUpsert } from './bulk-upsert';
import { noteDate } from './file-stats';
import type { Row } from './sync-rows';
import { requiredColumns } from '@primm/shared/import-format/school-files';

const KINDS: Record<string, string> = {
  scritto: 'scritto',
  'scritto/grafico': 'scritto',
  grafico: 'scritto',
  orale: 'orale',
  pratico: 'pratico',
  scrutinio: 'scrutinio',
};
// Religion and the alternative activity are graded with a judgement and never averaged.
const NOT_AVERAGED_SUBJECT = /^(RELIGIONE|IRC|ATTIVIT[AÀ] ALTERNATIVA|MATERIA ALTERNATIVA)/;
const CONDUCT = /^(COMPORTAMENTO|CONDOTTA)$/;

/** The order of the values handed to the writer (see `BulkUpsert.putValues`). */
const COLUMNS = [
  'student_id',
  'class_id',
  'date',
  'subject',
  'kind',
  'raw',
  'value',
  'is_conduct',
  'in_average',
  'judgement',
  'import_batch_id',
] as const;
const KIND_CODE: Record<string, number> = { scritto: 0, orale: 1, pratico: 2, scrutinio: 3 };
/** Subjects numbered below this, and student ids below 2^25 (≈ 33 million), make a numeric key. */
const SUBJECT_CODES = 1024;
const NUMERIC_STUDENT_IDS = 2 ** 25;

/**
 * The natural key (student, date, subject, kind) as one number where it fits, as attendance's is:
 * a file of millions of grades then builds no key string per row (the string key was ≈ 13 % of
 * the importer's CPU on the 20 000-student region, most of it hashing a new string into the
 * writer's map). `subjects` numbers the subjects of one writer as they come; a key that does not
 * fit (a subject beyond the 1 024th, a student id beyond 2^25) stays a string, which never equals
 * a number in a Map, so two different grades never share a key and the same grade always gets the
 * same one. Day numbers (days since 1970) stay below 2^16 until 2149.
 */
export function gradeKey(
  subjects: Map<string, number>,
  studentId: number,
  day: number,
  subject: string,
  kind: string,
): number | string {
  let code = subjects.get(subject);
  if (code === undefined && subjects.size < SUBJECT_CODES) subjects.set(subject, (code = subjects.size));
  if (code === undefined || studentId >= NUMERIC_STUDENT_IDS) return `${studentId}|${day}|${subject}|${kind}`;
  return ((studentId * 65_536 + day) * SUBJECT_CODES + code) * 4 + KIND_CODE[kind]!;
}

/** voti.csv: grades in Italian notation, conduct and religion judgements. */
export async function loadGrades(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const sync = new BulkUpsert(
    ctx,
    'grade',
    ['student_id', 'date', 'subject', 'kind'],
    ['class_id', 'raw', 'value', 'in_average', 'judgement'],
    undefined,
    COLUMNS,
  );
  const subjects = new Map<string, number>();
  // Reused for every row: the writer copies the values it keeps.
  const at: StudentDay = { studentId: 0, classId: 0, date: '', day: 0, weekday: 0 };
  const values: unknown[] = new Array(COLUMNS.length).fill(null);

  await forEachRecord(ctx, dir, 'voti.csv', requiredColumns('voti.csv'), (f) => {
    const { studentId, classId, date, day } = resolveStudentDay(ctx, state, f, at);
    noteDate(ctx, date);
    const grade = gradeFields(f.required('Materia').toUpperCase(), f.get('Tipo'), f.required('Voto'));
    values[0] = studentId;
    values[1] = classId;
    values[2] = date;
    values[3] = grade.subject;
    values[4] = grade.kind;
    values[5] = grade.raw;
    values[6] = grade.value;
    values[7] = grade.is_conduct;
    values[8] = grade.in_average;
    values[9] = grade.judgement;
    values[10] = ctx.batchId;
    return sync.putValues(gradeKey(subjects, studentId, day, grade.subject as string, grade.kind as string), values);
  });
  await sync.flush();
}

/**
 * The columns of a grade from its subject, kind and grade as written (RowError when unusable).
 * Registers mark some grades "(NON IN MEDIA)" after the kind: kept, not averaged.
 */
export function gradeFields(subject: string, kindWritten: string, raw: string): Row {
  const kindText = kindWritten.toLowerCase();
  const notInAverage = kindText.includes('non in media');
  const kind = KINDS[kindText.replace(/\(non in media\)/, '').trim() || 'orale'];
  if (!kind) throw new RowError('Tipo', 'tipo: Scritto, Orale, Pratico o Scrutinio');
  const grade = parseGrade(raw);
  if (grade.kind === 'invalid') throw new RowError('Voto', grade.reason);
  if (grade.kind === 'none') throw new RowError('Voto', 'nessun voto');
  const isConduct = CONDUCT.test(subject);
  const value = grade.kind === 'number' ? grade.value : null;
  const averaged = value !== null && !isConduct && !notInAverage && !NOT_AVERAGED_SUBJECT.test(subject);
  return {
    subject,
    kind,
    raw,
    value,
    is_conduct: isConduct ? 1 : 0,
    in_average: averaged ? 1 : 0,
    judgement: grade.kind === 'judgement' ? grade.judgement : null,
  };
}
