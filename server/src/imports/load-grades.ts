import { parseGrade } from '@primm/shared/grades/parse-grade';
import { RowError, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { resolveStudentDay } from './resolve-student-day';
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

/** voti.csv: grades in Italian notation, conduct and religion judgements. */
export async function loadGrades(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const sync = new BulkUpsert(
    ctx,
    'grade',
    ['student_id', 'date', 'subject', 'kind'],
    ['class_id', 'raw', 'value', 'in_average', 'judgement'],
  );

  await forEachRecord(ctx, dir, 'voti.csv', requiredColumns('voti.csv'), (f) => {
    const { studentId, classId, date } = resolveStudentDay(ctx, state, f);
    noteDate(ctx, date);
    return sync.put({
      student_id: studentId,
      class_id: classId,
      date,
      ...gradeFields(f.required('Materia').toUpperCase(), f.get('Tipo'), f.required('Voto')),
      import_batch_id: ctx.batchId,
    });
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
