import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { schoolYearOf } from '@primm/shared/dates';
import { parseGrade } from '@primm/shared/grades/parse-grade';
import { isEnrolledOn } from '../school-data/enrolment';
import { RowError, SkipRow, forEachRecord } from './csv-file';
import { MAX_MATCHES, type ImportContext, type StudentMatch } from './import-context';
import { gradeFields } from './load-grades';
import { parseDate } from './parse-values';
import type { SchoolState } from './school-state';
import { BulkUpsert } from './bulk-upsert';
import { noteDate } from './file-stats';
import type { Row } from './sync-rows';

/** `voti-1A-MATEMATICA.csv`, `voti-3B-LINGUA_INGLESE.csv`: class, then subject. */
export const CLASS_GRADES_FILE = /^voti-([0-9][A-Za-z0-9]*)-(.+)\.csv$/i;
const WRITTEN_STUDENT = /^(.*?)\s*\(\s*(\d{1,2}\/\d{1,2}\/\d{4})\s*\)\s*$/;

interface Candidate {
  id: number;
  stays: { classId: number; enteredOn: string; leftOn: string | null }[];
}

/**
 * Per-class grade exports (DESIGN.md): the student is written `Cognome Nome (dd/mm/yyyy)`, with
 * no codice fiscale, so it is matched by name and birth date among the students of the school
 * (accents and case ignored, the date exact). Each name written is reported once per file in
 * `ctx.matches`; a name that finds no student, or more than one, rejects its rows with a message
 * that names it as written. Class and subject come from the file name (`Materia` wins when present).
 */
export async function loadClassGrades(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => CLASS_GRADES_FILE.test(f))
    .sort();
  if (files.length === 0) return;
  const byName = await studentsOfSchool(ctx, state.schoolId);
  const classes = await ctx.trx
    .selectFrom('class')
    .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
    .select(['class.id', 'class.name', 'school_year.label'])
    .where('school_id', '=', state.schoolId)
    .execute();
  const sync = new BulkUpsert(
    ctx,
    'grade',
    ['student_id', 'date', 'subject', 'kind'],
    ['class_id', 'raw', 'value', 'in_average', 'judgement'],
  );

  for (const name of files) {
    const [, className, subjectInName] = CLASS_GRADES_FILE.exec(name)!;
    const file = `${basename(dir)}/${name}`;
    const seen = new Map<string, StudentMatch>();
    await forEachRecord(ctx, dir, name, ['Alunno', 'Data', 'Voto'], (f) => {
      const written = f.required('Alunno');
      let match = seen.get(written);
      if (!match) {
        match = matchStudent(byName, file, written);
        seen.set(written, match);
        if (ctx.matches.length < MAX_MATCHES) ctx.matches.push(match);
      }
      if (match.status === 'not_found')
        throw new RowError(
          'Alunno',
          `studente "${written}" non trovato nella scuola (cognome, nome e data di nascita)`,
        );
      if (match.status === 'ambiguous')
        throw new RowError(
          'Alunno',
          `studente "${written}" ambiguo: più studenti della scuola con questo nome e data di nascita`,
        );
      const raw = f.required('Voto');
      if (parseGrade(raw).kind === 'none') throw new SkipRow(); // `--`: no grade given, nothing to keep
      const date = parseDate(f.required('Data'));
      if (!date) throw new RowError('Data', 'data non valida');
      const year = schoolYearOf(date);
      const cls = classes.find((c) => c.label === year && c.name === className!.toUpperCase());
      if (!cls)
        throw new RowError('Data', `classe ${className!.toUpperCase()} dell'anno ${year} assente per questa scuola`);
      const stays = byName.get(keyOf(written))?.find((c) => c.id === match.studentId)?.stays ?? [];
      if (!stays.some((s) => s.classId === cls.id && isEnrolledOn(s, date))) {
        throw new RowError('Data', `lo studente "${written}" non era iscritto in ${cls.name} in quella data`);
      }
      noteDate(ctx, date);
      const subject = (f.get('Materia') || subjectInName!.replace(/_/g, ' ')).toUpperCase();
      ctx.studentsWritten.add(match.studentId!);
      return sync.put({
        student_id: match.studentId,
        class_id: cls.id,
        date,
        ...gradeFields(subject, f.get('Tipo'), raw),
        import_batch_id: ctx.batchId,
      });
    });
    await sync.flush(); // each file's rows counted towards it, not the next one's
  }
}

function matchStudent(byName: Map<string, Candidate[]>, file: string, written: string): StudentMatch {
  const found = byName.get(keyOf(written)) ?? [];
  if (found.length === 1) return { file, written, studentId: found[0]!.id, status: 'matched' };
  return { file, written, studentId: null, status: found.length === 0 ? 'not_found' : 'ambiguous' };
}

/** `Cognome Nome (dd/mm/yyyy)` → `cognome nome|yyyy-mm-dd`; '' when it is not written that way. */
function keyOf(written: string): string {
  const m = WRITTEN_STUDENT.exec(written);
  const date = m ? parseDate(m[2]!) : undefined;
  return m && date ? `${normalizeName(m[1]!)}|${date}` : '';
}

/** Accents, case, apostrophes and repeated spaces do not tell two names apart. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The school's students (those ever enrolled in one of its classes) by `cognome nome|birth date`. */
async function studentsOfSchool(ctx: ImportContext, schoolId: number): Promise<Map<string, Candidate[]>> {
  const rows = await ctx.trx
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .select(['student.id', 'last_name', 'first_name', 'birth_date', 'enrolment.class_id', 'entered_on', 'left_on'])
    .where('class.school_id', '=', schoolId)
    .execute();
  const byId = new Map<number, Candidate & { key: string }>();
  for (const r of rows) {
    let c = byId.get(r.id);
    if (!c) {
      c = { id: r.id, key: `${normalizeName(`${r.last_name} ${r.first_name}`)}|${r.birth_date}`, stays: [] };
      byId.set(r.id, c);
    }
    c.stays.push({ classId: r.class_id, enteredOn: r.entered_on, leftOn: r.left_on });
  }
  const out = new Map<string, Candidate[]>();
  for (const c of byId.values()) out.set(c.key, [...(out.get(c.key) ?? []), c]);
  return out;
}
