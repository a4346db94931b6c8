import { sql } from 'kysely';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import { RowError, forEachRecord } from './csv-file';
import { combine, type ImportContext, type RowChange } from './import-context';
import { parseDate, parseYesNo } from './parse-values';
import { pseudonymize } from './pseudonym';
import { schoolYearOf, type SchoolState } from './school-state';
import { RowSync, type Row } from './sync-rows';

const EXIT_REASONS: Record<string, string> = {
  'cambio classe': 'cambio_classe',
  trasferito: 'trasferito',
  'passaggio iefp': 'passaggio_iefp',
  ritirato: 'ritirato',
  abbandono: 'abbandono',
};
const L2_LEVELS = new Set(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const STUDENT_FIELDS = [
  'last_name', 'first_name', 'sex', 'birth_date', 'birthplace', 'citizenship',
  'born_in_italy', 'arrival_date', 'l2_level', 'residence_istat',
] as const;

/**
 * studenti.csv: one row per enrolment. The student is found by the pseudonym of the codice
 * fiscale, so a student who moved here from another school keeps one history.
 */
export async function loadStudents(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const classIds = [...state.classes.values()].map((c) => c.id);
  const existingEnrolments = classIds.length === 0 ? [] : await ctx.trx
    .selectFrom('enrolment').selectAll().where('class_id', 'in', classIds).execute();
  const enrolments = new RowSync(
    ctx, 'enrolment', ['student_id', 'class_id', 'entered_on'], ['left_on', 'exit_reason'],
    new Map(existingEnrolments.map((e) => [`${e.student_id}|${e.class_id}|${e.entered_on}`, { ...e }])),
  );
  // One query for the students already enrolled here (a re-import finds them all), one for the
  // ids of every student (a new student needs no lookup, a transferred one is read on demand).
  const known = new Map<string, Row>();
  if (classIds.length > 0) {
    const rows = await ctx.trx.selectFrom('student').selectAll()
      .where('id', 'in', ctx.trx.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds))
      .execute();
    for (const r of rows) known.set(r.pseudonym, r as unknown as Row);
  }
  if (!ctx.studentIds) {
    const all = await ctx.trx.selectFrom('student').select(['id', 'pseudonym']).execute();
    ctx.studentIds = new Map(all.map((r) => [r.pseudonym, r.id]));
  }
  const studentIds = ctx.studentIds;

  await forEachRecord(
    ctx, dir, 'studenti.csv',
    ['Codice fiscale', 'Cognome', 'Nome', 'Sesso', 'Data di nascita', 'Cittadinanza', 'Classe', 'Data ingresso'],
    async (f) => {
      const cf = f.required('Codice fiscale').toUpperCase();
      if (!isValidCodiceFiscale(cf)) throw new RowError('Codice fiscale', 'codice fiscale non valido (carattere di controllo errato o formato sbagliato)');
      const student = parseStudent(f);
      const enteredOn = parseDate(f.required('Data ingresso'));
      if (!enteredOn) throw new RowError('Data ingresso', 'data non valida');
      const leftText = f.get('Data uscita');
      const leftOn = leftText === '' ? null : parseDate(leftText);
      if (leftOn === undefined) throw new RowError('Data uscita', 'data non valida');
      if (leftOn !== null && leftOn < enteredOn) throw new RowError('Data uscita', "la data di uscita precede quella d'ingresso");
      const reasonText = f.get('Motivo uscita').toLowerCase();
      const exitReason = reasonText === '' ? null : EXIT_REASONS[reasonText];
      if (exitReason === undefined) throw new RowError('Motivo uscita', `motivo di uscita non valido: "${reasonText}"`);
      if (leftOn === null && exitReason !== null) throw new RowError('Data uscita', 'motivo di uscita senza data di uscita');

      const yearLabel = schoolYearOf(enteredOn);
      const yearId = state.years.get(yearLabel);
      const className = f.required('Classe').toUpperCase();
      const cls = yearId === undefined ? undefined : state.classes.get(`${yearId}|${className}`);
      if (!cls) throw new RowError('Classe', `classe ${className} dell'anno ${yearLabel} assente da classi.csv`);

      const pseudonym = pseudonymize(cf, ctx.pseudonymKey);
      const { id: studentId, change: studentChange } = await upsertStudent(ctx, pseudonym, student, known, studentIds);
      state.students.set(pseudonym, studentId);
      const enrolmentChange = await enrolments.put({
        student_id: studentId, class_id: cls.id, entered_on: enteredOn, left_on: leftOn, exit_reason: exitReason,
      });
      const stays = state.enrolments.get(studentId) ?? [];
      stays.push({ classId: cls.id, enteredOn, leftOn });
      state.enrolments.set(studentId, stays);
      return combine(studentChange, enrolmentChange);
    },
  );
  await enrolments.flush();
}

function parseStudent(f: { get(c: string): string; required(c: string): string }): Row {
  const sex = f.required('Sesso').toUpperCase();
  if (sex !== 'M' && sex !== 'F') throw new RowError('Sesso', 'sesso: M o F');
  const birthDate = parseDate(f.required('Data di nascita'));
  if (!birthDate) throw new RowError('Data di nascita', 'data non valida');
  const bornInItaly = parseYesNo(f.get('Nato in Italia'));
  if (bornInItaly === undefined) throw new RowError('Nato in Italia', 'atteso S o N');
  const arrivalText = f.get('Data arrivo in Italia');
  const arrival = arrivalText === '' ? null : parseDate(arrivalText);
  if (arrival === undefined) throw new RowError('Data arrivo in Italia', 'data non valida');
  if (arrival !== null && arrival < birthDate) throw new RowError('Data arrivo in Italia', 'arrivo in Italia prima della nascita');
  const l2 = f.get('Livello italiano L2').toUpperCase() || null;
  if (l2 !== null && !L2_LEVELS.has(l2)) throw new RowError('Livello italiano L2', 'livello L2: A1, A2, B1, B2, C1 o C2');
  const residence = f.get('Comune di residenza') || null;
  if (residence !== null && !/^\d{6}$/.test(residence)) throw new RowError('Comune di residenza', 'codice ISTAT del comune: 6 cifre');
  return {
    last_name: f.required('Cognome'),
    first_name: f.required('Nome'),
    sex,
    birth_date: birthDate,
    birthplace: f.get('Luogo di nascita') || null,
    citizenship: f.required('Cittadinanza'),
    born_in_italy: bornInItaly ? 1 : 0,
    arrival_date: arrival,
    l2_level: l2,
    residence_istat: residence,
  };
}

async function upsertStudent(
  ctx: ImportContext, pseudonym: string, row: Row, known: Map<string, Row>, studentIds: Map<string, number>,
): Promise<{ id: number; change: RowChange }> {
  let current = known.get(pseudonym);
  if (!current && studentIds.has(pseudonym)) {
    current = (await ctx.trx.selectFrom('student').selectAll().where('pseudonym', '=', pseudonym).executeTakeFirstOrThrow()) as unknown as Row;
  }
  if (!current) {
    // A plain template, not the query builder: one insert per new student, thousands per school.
    const values = STUDENT_FIELDS.map((k) => sql`${row[k] ?? null}`);
    const inserted = await sql<{ id: number }>`insert into student (pseudonym, ${sql.join(STUDENT_FIELDS.map((k) => sql.ref(k)))}, created_at, updated_at)
      values (${pseudonym}, ${sql.join(values)}, ${ctx.now}, ${ctx.now}) returning id`.execute(ctx.trx);
    const id = inserted.rows[0]!.id;
    studentIds.set(pseudonym, id);
    known.set(pseudonym, { ...row, id, pseudonym });
    return { id, change: 'inserted' };
  }
  const id = Number(current.id);
  known.set(pseudonym, current);
  const changed = STUDENT_FIELDS.filter((k) => (current[k] ?? null) !== (row[k] ?? null));
  if (changed.length === 0) return { id, change: 'unchanged' };
  const patch = Object.fromEntries(changed.map((k) => [k, row[k]]));
  await ctx.trx.updateTable('student').set({ ...patch, updated_at: ctx.now }).where('id', '=', id).execute();
  Object.assign(current, patch);
  return { id, change: 'updated' };
}
