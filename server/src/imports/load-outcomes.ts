import { basename } from 'node:path';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import { RowError, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { pseudonymize } from './pseudonym';
import type { SchoolState } from './school-state';
import { RowSync, type Row } from './sync-rows';
import { requiredColumns } from '@primm/shared/import-format/school-files';

const RESULTS: Record<string, string> = {
  ammesso: 'ammesso',
  ammessa: 'ammesso',
  'non ammesso': 'non_ammesso',
  'non ammessa': 'non_ammesso',
  'sospensione del giudizio': 'sospensione_giudizio',
  'giudizio sospeso': 'sospensione_giudizio',
  ritirato: 'ritirato',
  trasferito: 'trasferito',
  abbandono: 'abbandono',
  valutato: 'valutato',
};

/** esiti.csv: outcomes of past years (history) and of the terms closed this year. */
export async function loadOutcomes(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const studentIds = [...state.students.values()];
  const existing =
    studentIds.length === 0
      ? []
      : await ctx.trx
          .selectFrom('outcome')
          .select(['student_id', 'school_year', 'period', 'school_id', 'grade_level', 'result', 'failed_subjects'])
          .where('student_id', 'in', studentIds)
          .execute();
  // An outcome another school recorded stays theirs (issue 20): both schools of a transferred
  // student list its past years, and each import rewrote the other's rows with its own school,
  // so re-importing unchanged files reported dozens of updates.
  const owner = new Map(existing.map((o) => [`${o.student_id}|${o.school_year}|${o.period}`, o]));
  let keptOther = 0;
  const sync = new RowSync(
    ctx,
    'outcome',
    ['student_id', 'school_year', 'period'],
    ['school_id', 'grade_level', 'result', 'failed_subjects'],
    new Map(existing.map((o) => [`${o.student_id}|${o.school_year}|${o.period}`, { ...o } as Row])),
  );

  await forEachRecord(ctx, dir, 'esiti.csv', requiredColumns('esiti.csv'), (f) => {
    const cf = f.required('Codice fiscale').toUpperCase();
    if (!isValidCodiceFiscale(cf)) throw new RowError('Codice fiscale', 'codice fiscale non valido');
    const studentId = state.students.get(pseudonymize(cf, ctx.pseudonymKey));
    if (studentId === undefined) throw new RowError('Codice fiscale', 'studente assente da studenti.csv');
    const year = f.required('Anno scolastico');
    if (!/^\d{4}\/\d{2}$/.test(year)) throw new RowError('Anno scolastico', 'anno scolastico nel formato 2025/26');
    const gradeLevel = Number(f.required('Anno di corso'));
    if (!Number.isInteger(gradeLevel) || gradeLevel < 1 || gradeLevel > 5)
      throw new RowError('Anno di corso', 'anno di corso: da 1 a 5');
    const result = RESULTS[f.required('Esito').toLowerCase()];
    if (!result) throw new RowError('Esito', `esito non valido: "${f.get('Esito')}"`);
    const failedText = f.get('Materie insufficienti');
    const failed =
      failedText === ''
        ? null
        : JSON.stringify(
            failedText
              .split(',')
              .map((s) => s.trim().toUpperCase())
              .filter(Boolean),
          );
    const period = f.required('Periodo').toLowerCase();
    const recorded = owner.get(`${studentId}|${year}|${period}`);
    if (recorded && recorded.school_id !== state.schoolId) {
      if (
        recorded.grade_level !== gradeLevel ||
        recorded.result !== result ||
        (recorded.failed_subjects ?? null) !== failed
      )
        keptOther += 1;
      return 'unchanged';
    }
    return sync.put({
      student_id: studentId,
      school_year: year,
      period,
      school_id: state.schoolId,
      grade_level: gradeLevel,
      result,
      failed_subjects: failed,
      import_batch_id: ctx.batchId,
    });
  });
  await sync.flush();
  if (keptOther > 0) {
    ctx.notes.push({
      file: `${basename(dir)}/esiti.csv`,
      line: 0,
      column: '',
      message:
        keptOther === 1
          ? "un esito è già registrato da un'altra scuola con valori diversi: è stato lasciato com'è (lo aggiorna la scuola che lo ha registrato)"
          : `${keptOther} esiti sono già registrati da un'altra scuola con valori diversi: sono stati lasciati come sono (li aggiorna la scuola che li ha registrati)`,
    });
  }
}
