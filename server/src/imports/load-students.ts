import { basename } from 'node:path';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import { schoolYearOf } from '@primm/shared/dates';
import { NAME_MAX } from '@primm/shared/text/check-name';
import { insertRowsStaged } from '../db/bulk-insert';
import { isPostgres } from '../db/dialect';
import { RowError, forEachRecord } from './csv-file';
import { describeChanges, noteDate, noteUpdate } from './file-stats';
import {
  MAX_MATCHES,
  combine,
  reject,
  tally,
  type ImportContext,
  type RowChange,
  type TransferNote,
} from './import-context';
import { nameField, optionalNameField } from './name-field';
import { parseDate, parseYesNo } from './parse-values';
import { pseudonymize } from './pseudonym';
import type { SchoolState } from './school-state';
import { RowSync, type Row } from './sync-rows';
import { judgeEnrolment, type KnownStay } from './transfer-rule';
import { requiredColumns } from '@primm/shared/import-format/school-files';

const EXIT_REASONS: Record<string, string> = {
  'cambio classe': 'cambio_classe',
  trasferito: 'trasferito',
  'passaggio iefp': 'passaggio_iefp',
  ritirato: 'ritirato',
  abbandono: 'abbandono',
};
const L2_LEVELS = new Set(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const STUDENT_FIELDS = [
  'last_name',
  'first_name',
  'sex',
  'birth_date',
  'birthplace',
  'citizenship',
  'born_in_italy',
  'arrival_date',
  'l2_level',
  'residence_istat',
] as const;

/**
 * studenti.csv: one row per enrolment. The student is found by the pseudonym of the codice
 * fiscale, so a student who moved here from another school keeps one history; but a student
 * another school still holds is not enrolled here, nor their personal data rewritten
 * (transfer-rule.ts): the row is a conflict, listed apart, unless the admin confirms it.
 */
export async function loadStudents(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const classIds = [...state.classes.values()].map((c) => c.id);
  const existingEnrolments =
    classIds.length === 0
      ? []
      : await ctx.trx.selectFrom('enrolment').selectAll().where('class_id', 'in', classIds).execute();
  const enrolments = new RowSync(
    ctx,
    'enrolment',
    ['student_id', 'class_id', 'entered_on'],
    ['left_on', 'exit_reason'],
    new Map(existingEnrolments.map((e) => [`${e.student_id}|${e.class_id}|${e.entered_on}`, { ...e }])),
  );
  // One query for the students already enrolled here (a re-import finds them all), one for the
  // ids of every student (a new student needs no lookup, a transferred one is read on demand).
  const known = new Map<string, Row>();
  if (classIds.length > 0) {
    const rows = await ctx.trx
      .selectFrom('student')
      .selectAll()
      .where('id', 'in', ctx.trx.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds))
      .execute();
    for (const r of rows) known.set(r.pseudonym, r as unknown as Row);
  }
  if (!ctx.studentIds) {
    const all = await ctx.trx.selectFrom('student').select(['id', 'pseudonym']).execute();
    ctx.studentIds = new Map(all.map((r) => [r.pseudonym, r.id]));
  }
  const file = `${basename(dir)}/studenti.csv`;
  const writer = new StudentWriter(ctx, known, ctx.studentIds, enrolments, state, file);
  const listed = new Set<string>();
  const years = new Set<number>();

  await forEachRecord(ctx, dir, 'studenti.csv', requiredColumns('studenti.csv'), (f, line) => {
    const cf = f.required('Codice fiscale').toUpperCase();
    if (!isValidCodiceFiscale(cf))
      throw new RowError(
        'Codice fiscale',
        'codice fiscale non valido (carattere di controllo errato o formato sbagliato)',
      );
    const pseudonym = pseudonymize(cf, ctx.pseudonymKey);
    listed.add(pseudonym); // in the file, even on a line rejected below: not missing from it
    const student = parseStudent(f);
    const enteredOn = parseDate(f.required('Data ingresso'));
    if (!enteredOn) throw new RowError('Data ingresso', 'data non valida');
    const leftText = f.get('Data uscita');
    const leftOn = leftText === '' ? null : parseDate(leftText);
    if (leftOn === undefined) throw new RowError('Data uscita', 'data non valida');
    if (leftOn !== null && leftOn < enteredOn)
      throw new RowError('Data uscita', "la data di uscita precede quella d'ingresso");
    const reasonText = f.get('Motivo uscita').toLowerCase();
    const exitReason = reasonText === '' ? null : EXIT_REASONS[reasonText];
    if (exitReason === undefined) throw new RowError('Motivo uscita', `motivo di uscita non valido: "${reasonText}"`);
    if (leftOn === null && exitReason !== null)
      throw new RowError('Data uscita', 'motivo di uscita senza data di uscita');

    const yearLabel = schoolYearOf(enteredOn);
    const yearId = state.years.get(yearLabel);
    const className = f.required('Classe').toUpperCase();
    const cls = yearId === undefined ? undefined : state.classes.get(`${yearId}|${className}`);
    if (!cls) throw new RowError('Classe', `classe ${className} dell'anno ${yearLabel} assente da classi.csv`);
    noteDate(ctx, enteredOn);
    years.add(yearId!);

    return writer.add({
      line,
      pseudonym,
      student,
      enrolment: { class_id: cls.id, entered_on: enteredOn, left_on: leftOn, exit_reason: exitReason },
    });
  });
  await writer.flush();
  await enrolments.flush();
  await noteMissingStudents(
    ctx,
    state,
    file,
    [...years],
    new Set([...listed].map((p) => ctx.studentIds!.get(p)).filter((id) => id !== undefined)),
  );
  if (writer.keptPersonalData.size > 0) {
    ctx.notes.push({
      file: `${basename(dir)}/studenti.csv`,
      line: 0,
      column: '',
      message:
        writer.keptPersonalData.size === 1
          ? "uno studente risulta iscritto presso un'altra scuola: i suoi dati anagrafici non sono stati aggiornati (li aggiorna la scuola che lo ha iscritto)"
          : `${writer.keptPersonalData.size} studenti risultano iscritti presso un'altra scuola: i loro dati anagrafici non sono stati aggiornati (li aggiorna la scuola che li ha iscritti)`,
    });
  }
}

/** Names listed in the preview per file; the count says how many more. */
const MAX_MISSING_NAMED = 200;

/**
 * The students this school holds in the file's school years (enrolled, no exit date) whom the file
 * does not list. The import leaves them enrolled — a file may only add — so a studenti.csv of
 * another school or another year would add its students to these without a word: they are
 * listed for the preview instead (a school went from 264 to 495 students that way).
 */
async function noteMissingStudents(
  ctx: ImportContext,
  state: SchoolState,
  file: string,
  yearIds: number[],
  listed: Set<number>,
): Promise<void> {
  if (yearIds.length === 0) return;
  const rows = await ctx.trx
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .select(['student.id', 'student.last_name', 'student.first_name', 'class.name'])
    .where('class.school_id', '=', state.schoolId)
    .where('class.school_year_id', 'in', yearIds)
    .where('enrolment.left_on', 'is', null)
    .orderBy('class.name')
    .orderBy('student.last_name')
    .orderBy('student.first_name')
    .orderBy('student.id')
    .execute();
  const missing = [...new Map(rows.filter((r) => !listed.has(r.id)).map((r) => [r.id, r])).values()];
  if (missing.length === 0) return;
  const school = [...ctx.schools.values()].find((s) => s.id === state.schoolId);
  ctx.missingStudents.push({
    file,
    school: { code: school?.code ?? '', name: school?.name ?? '' },
    count: missing.length,
    students: missing
      .slice(0, MAX_MISSING_NAMED)
      .map((r) => ({ lastName: r.last_name, firstName: r.first_name, className: r.name })),
  });
  ctx.missingStudentIds.push(...missing.slice(0, MAX_MISSING_NAMED).map((r) => r.id));
}

interface StudentLine {
  line: number;
  pseudonym: string;
  student: Row;
  enrolment: { class_id: number; entered_on: string; left_on: string | null; exit_reason: string | null };
}

/**
 * Writes the students and enrolments of studenti.csv a few hundred lines at a time: the new
 * students of a batch are one INSERT (a school brings thousands; one statement each was most of
 * the cost of this file), then each line's enrolment is written with the id it got. A line's
 * change (student and enrolment together) is tallied when its batch is written.
 */
class StudentWriter {
  private lines: StudentLine[] = [];
  /**
   * Lines per batch. PostgreSQL: each batch's students go through a staging table
   * (db/bulk-insert.ts `insertRowsStaged`), four round trips whatever its size, so fewer, bigger.
   */
  private readonly batchLines: number;
  /** Enrolments this file wrote here (RowSync may hold them unwritten yet): seen by the later rows. */
  private readonly staysWritten = new Map<number, KnownStay[]>();
  private readonly schoolNames = new Map<number, { code: string; name: string }>();
  /** Students another school holds, whose personal data was therefore left as it was. */
  readonly keptPersonalData = new Set<number>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly known: Map<string, Row>,
    private readonly studentIds: Map<string, number>,
    private readonly enrolments: RowSync,
    private readonly state: SchoolState,
    private readonly file: string,
  ) {
    this.batchLines = isPostgres(ctx.trx) ? 4000 : 500;
  }

  add(line: StudentLine): null | Promise<null> {
    this.lines.push(line);
    return this.lines.length >= this.batchLines ? this.flush().then(() => null) : null;
  }

  async flush(): Promise<void> {
    const lines = this.lines;
    this.lines = [];
    const fresh = new Map<string, Row>();
    const existing = [...new Set(lines.map((l) => this.studentIds.get(l.pseudonym)).filter((id) => id !== undefined))];
    const stays = await this.staysOf(existing);
    const studentChanges: (RowChange | 'rejected')[] = [];
    for (const { line, pseudonym, student, enrolment } of lines) {
      const pending = fresh.get(pseudonym);
      const id = this.studentIds.get(pseudonym);
      if (pending) {
        // The same new student on a second line (a change of class): the later line wins.
        const changed = STUDENT_FIELDS.filter((k) => (pending[k] ?? null) !== (student[k] ?? null));
        noteUpdate(this.ctx, line, describeChanges('student', changed, pending, student));
        for (const k of changed) pending[k] = student[k] ?? null;
        studentChanges.push(changed.length === 0 ? 'unchanged' : 'updated');
      } else if (id !== undefined) {
        const own = stays.get(id) ?? [];
        const verdict = judgeEnrolment(
          { schoolId: this.state.schoolId, classId: enrolment.class_id, enteredOn: enrolment.entered_on },
          own,
          this.ctx.confirmTransfers,
        );
        if (verdict.transfer) await this.note(line, verdict.transfer.status, verdict.transfer.from.schoolId, id);
        if (!verdict.write) {
          const other = await this.schoolOf(verdict.transfer.from.schoolId);
          reject(this.ctx, {
            file: this.file,
            line,
            column: 'Codice fiscale',
            message:
              `studente iscritto presso un'altra scuola (${other.code} ${other.name}) senza uscita registrata entro il ${italianDate(enrolment.entered_on)}: ` +
              "il trasferimento richiede che quella scuola ne registri l'uscita, o la conferma dell'amministratore",
          });
          studentChanges.push('rejected');
          continue;
        }
        own.push({
          schoolId: this.state.schoolId,
          classId: enrolment.class_id,
          enteredOn: enrolment.entered_on,
          leftOn: enrolment.left_on,
        });
        const written = this.staysWritten.get(id) ?? [];
        written.push(own.at(-1)!);
        this.staysWritten.set(id, written);
        if (verdict.personalData)
          studentChanges.push(await updateStudent(this.ctx, pseudonym, student, this.known, line));
        else {
          this.keptPersonalData.add(id);
          studentChanges.push('unchanged');
        }
      } else {
        fresh.set(pseudonym, student); // its line's own object: parseStudent made it for this line alone
        studentChanges.push('inserted');
      }
    }
    await this.insertStudents(fresh);
    for (const [i, { line, pseudonym, enrolment }] of lines.entries()) {
      const studentChange = studentChanges[i]!;
      if (studentChange === 'rejected') continue;
      const studentId = this.studentIds.get(pseudonym)!;
      this.state.students.set(pseudonym, studentId);
      this.ctx.studentsWritten.add(studentId);
      const enrolmentChange = await this.enrolments.put({ student_id: studentId, ...enrolment }, line);
      const stays = this.state.enrolments.get(studentId) ?? [];
      stays.push({ classId: enrolment.class_id, enteredOn: enrolment.entered_on, leftOn: enrolment.left_on });
      this.state.enrolments.set(studentId, stays);
      tally(this.ctx, combine(studentChange, enrolmentChange));
    }
  }

  /**
   * Every enrolment of these students, in any school, with this file's own not written yet:
   * one query per batch of lines (an index on student_id), for students the database knew.
   */
  private async staysOf(ids: number[]): Promise<Map<number, KnownStay[]>> {
    const out = new Map<number, KnownStay[]>();
    if (ids.length === 0) return out;
    const rows = await this.ctx.trx
      .selectFrom('enrolment')
      .innerJoin('class', 'class.id', 'enrolment.class_id')
      .select([
        'enrolment.student_id',
        'enrolment.class_id',
        'enrolment.entered_on',
        'enrolment.left_on',
        'class.school_id',
      ])
      .where('enrolment.student_id', 'in', ids)
      .execute();
    for (const r of rows) {
      const list = out.get(r.student_id) ?? [];
      list.push({ schoolId: r.school_id, classId: r.class_id, enteredOn: r.entered_on, leftOn: r.left_on });
      out.set(r.student_id, list);
    }
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), ...(this.staysWritten.get(id) ?? [])]);
    return out;
  }

  private async note(line: number, status: TransferNote['status'], schoolId: number, studentId: number): Promise<void> {
    if (this.ctx.transfers.length >= MAX_MATCHES) return;
    this.ctx.transfers.push({ file: this.file, line, status, school: await this.schoolOf(schoolId), studentId });
  }

  private async schoolOf(id: number): Promise<{ code: string; name: string }> {
    let school = this.schoolNames.get(id);
    if (!school) {
      school = await this.ctx.trx
        .selectFrom('school')
        .select(['code', 'name'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      this.schoolNames.set(id, school);
    }
    return school;
  }

  private async insertStudents(fresh: Map<string, Row>): Promise<void> {
    if (fresh.size === 0) return;
    const columns = ['pseudonym', ...STUDENT_FIELDS, 'created_at', 'updated_at'] as const;
    // The lines' own row objects, completed in place: no copy per student.
    const rows: Row[] = [];
    for (const [pseudonym, row] of fresh) {
      row.pseudonym = pseudonym;
      row.created_at = this.ctx.now;
      row.updated_at = this.ctx.now;
      rows.push(row);
    }
    // Ids come back with their pseudonym: RETURNING promises no order.
    const inserted = await insertRowsStaged<Row, { id: number; pseudonym: string }>(
      this.ctx.trx,
      'student',
      columns,
      rows,
      'returning id, pseudonym',
    );
    for (const { id, pseudonym } of inserted.rows) {
      this.studentIds.set(pseudonym, id);
      this.ctx.studentsCreated.add(id);
      const row = fresh.get(pseudonym)!;
      row.id = id;
      this.known.set(pseudonym, row);
    }
  }
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
  if (arrival !== null && arrival < birthDate)
    throw new RowError('Data arrivo in Italia', 'arrivo in Italia prima della nascita');
  const l2 = f.get('Livello italiano L2').toUpperCase() || null;
  if (l2 !== null && !L2_LEVELS.has(l2))
    throw new RowError('Livello italiano L2', 'livello L2: A1, A2, B1, B2, C1 o C2');
  const residence = f.get('Comune di residenza') || null;
  if (residence !== null && !/^\d{6}$/.test(residence))
    throw new RowError('Comune di residenza', 'codice ISTAT del comune: 6 cifre');
  return {
    last_name: nameField(f.required('Cognome'), 'Cognome', NAME_MAX.person),
    first_name: nameField(f.required('Nome'), 'Nome', NAME_MAX.person),
    sex,
    birth_date: birthDate,
    birthplace: optionalNameField(f.get('Luogo di nascita'), 'Luogo di nascita', NAME_MAX.place),
    citizenship: nameField(f.required('Cittadinanza'), 'Cittadinanza', NAME_MAX.place),
    born_in_italy: bornInItaly ? 1 : 0,
    arrival_date: arrival,
    l2_level: l2,
    residence_istat: residence,
  };
}

/**
 * A student already in the database (here or transferred from another school), updated where
 * changed. The reason of the update names the columns; their values only for a student this
 * school already holds (in `known` from the start): the other school's data is not shown here.
 */
async function updateStudent(
  ctx: ImportContext,
  pseudonym: string,
  row: Row,
  known: Map<string, Row>,
  line: number,
): Promise<RowChange> {
  let current = known.get(pseudonym);
  const heldHere = current !== undefined;
  if (!current) {
    current = (await ctx.trx
      .selectFrom('student')
      .selectAll()
      .where('pseudonym', '=', pseudonym)
      .executeTakeFirstOrThrow()) as unknown as Row;
    known.set(pseudonym, current);
  }
  const changed = STUDENT_FIELDS.filter((k) => (current[k] ?? null) !== (row[k] ?? null));
  if (changed.length === 0) return 'unchanged';
  noteUpdate(ctx, line, describeChanges('student', changed, current, row, heldHere));
  const patch = Object.fromEntries(changed.map((k) => [k, row[k]]));
  await ctx.trx
    .updateTable('student')
    .set({ ...patch, updated_at: ctx.now })
    .where('id', '=', Number(current.id))
    .execute();
  Object.assign(current, patch);
  return 'updated';
}

/** `2025-09-15` → `15/09/2025`, as the files write dates. */
function italianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
