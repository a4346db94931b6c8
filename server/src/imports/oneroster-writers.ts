import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import type { SchoolRow } from '../db/database';
import { fileStatsOf, noteSkip, type FileStats } from './file-stats';
import {
  active,
  isoDay,
  recordOf,
  type BundleSource,
  type Rec,
  type RosterBundle,
  type RosterYear,
} from './oneroster-bundle';
import { parseDate } from './parse-values';
import { readCsvBatches } from './read-csv';

/**
 * One writer per file of the school folder (docs/data-format.md) that a OneRoster bundle becomes;
 * `convertOneRoster` (oneroster.ts) calls them in this order for each school of the bundle.
 */

/** DPR 122/2009 art. 14: annual hours = 33 weeks × weekly hours; 30 h is the usual week. */
export const DEFAULT_WEEKLY_HOURS = 30;
export const DEFAULT_TIMETABLE = '6-6-6-6-6-0';
export const DEFAULT_ANNUAL_HOURS = 33 * DEFAULT_WEEKLY_HOURS;
/** OneRoster has no citizenship; our schema needs one, so it says that it was not given. */
export const CITIZENSHIP_NOT_GIVEN = 'non indicata';

/** CEDS grade codes: 06–08 are the three years of lower secondary, 09–13 the five of upper. */
const GRADE_LEVELS: Record<string, { level: number; grado: 'primo grado' | 'secondo grado' }> = {
  '06': { level: 1, grado: 'primo grado' },
  '07': { level: 2, grado: 'primo grado' },
  '08': { level: 3, grado: 'primo grado' },
  '09': { level: 1, grado: 'secondo grado' },
  '10': { level: 2, grado: 'secondo grado' },
  '11': { level: 3, grado: 'secondo grado' },
  '12': { level: 4, grado: 'secondo grado' },
  '13': { level: 5, grado: 'secondo grado' },
};
const PROVINCE_OF_CODE: Record<string, string> = { AN: 'AN', AP: 'AP', FM: 'FM', MC: 'MC', PS: 'PU', PU: 'PU' };

/** A class written to classi.csv: its name there and its school year. */
export type RosterClasses = Map<string, { name: string; year: RosterYear }>;

/**
 * scuola.csv: the registry's data when the school is known, else what orgs.csv has; the grado
 * from the registry, else from the first class's CEDS grade.
 */
export async function writeSchoolFile(
  dir: string,
  code: string,
  org: Rec,
  known: SchoolRow | undefined,
  orgClasses: Rec[],
): Promise<void> {
  const grado =
    known?.level === 'primo_grado'
      ? 'primo grado'
      : known
        ? 'secondo grado'
        : (GRADE_LEVELS[(orgClasses[0]?.grades || orgClasses[0]?.grade || '').split(',')[0]?.trim() ?? '']?.grado ??
          'secondo grado');
  await writeCsv(join(dir, 'scuola.csv'), [
    [
      'Codice meccanografico',
      'Denominazione',
      'Codice istituto',
      'Denominazione istituto',
      'Codice catastale comune',
      'Comune',
      'Provincia',
      'Tipologia',
      'Grado',
      'Indirizzo stradale',
    ],
    [
      code,
      known?.name ?? org.name ?? code,
      known?.institute_code ?? code,
      known?.institute_name ?? known?.name ?? org.name ?? code,
      known?.cadastral_code ?? '',
      known?.municipality_name ?? 'non indicato',
      known?.province_code ?? PROVINCE_OF_CODE[code.slice(0, 2)] ?? code.slice(0, 2),
      known?.kind ?? 'non indicata',
      grado,
      known?.address ?? '',
    ],
  ]);
}

/** calendario.csv: each school year as the lesson period, with the terms inside it. */
export async function writeCalendarFile(dir: string, bundle: RosterBundle): Promise<void> {
  const calendar: string[][] = [['Anno scolastico', 'Tipo', 'Dal', 'Al', 'Descrizione']];
  for (const [id, y] of bundle.years) {
    calendar.push([y.label, 'lezioni', y.from, y.to, y.title]);
    const within = (t: Rec) => (isoDay(t.startdate) ?? '') >= y.from && (isoDay(t.enddate) ?? '9') <= y.to;
    for (const t of bundle.terms.filter((t) => t.parentsourcedid === id || within(t))) {
      const from = isoDay(t.startdate);
      const to = isoDay(t.enddate);
      if (from && to) calendar.push([y.label, 'periodo', from, to, t.title ?? '']);
    }
  }
  await writeCsv(join(dir, 'calendario.csv'), calendar);
}

/**
 * classi.csv: `3A` from the title; the grade from `grades` (CEDS code) or the title's digit; the
 * default timetable. Returns the classes written, by sourcedId.
 */
export async function writeClassesFile(
  src: BundleSource,
  dir: string,
  bundle: RosterBundle,
  orgClasses: Rec[],
): Promise<RosterClasses> {
  const { years, terms } = bundle;
  const classRows: string[][] = [
    ['Anno scolastico', 'Classe', 'Anno di corso', 'Indirizzo', 'Orario', 'Ore settimanali', 'Monte ore annuo'],
  ];
  const classInfo: RosterClasses = new Map();
  for (const c of orgClasses) {
    const title = (c.title ?? '').replace(/\s+/g, '').toUpperCase();
    const gradeCode = (c.grades || c.grade || '').split(',')[0]?.trim() ?? '';
    const level = GRADE_LEVELS[gradeCode.padStart(2, '0')]?.level ?? Number(title.slice(0, 1));
    const termIds = (c.termsourcedids || c.termsourcedid || '').split(',').map((s) => s.trim());
    const year =
      termIds
        .map((t) => years.get(t) ?? years.get(terms.find((x) => x.sourcedid === t)?.parentsourcedid ?? ''))
        .find(Boolean) ?? (years.size === 1 ? [...years.values()][0] : undefined);
    if (!/^[1-5][A-Z]+$/.test(title)) {
      src.issue('classes.csv', c, 'title', `titolo della classe atteso come 3A: "${c.title ?? ''}"`);
      continue;
    }
    if (!year) {
      src.issue('classes.csv', c, 'termSourcedIds', 'anno scolastico della classe non trovato in academicSessions.csv');
      continue;
    }
    classInfo.set(c.sourcedid ?? '', { name: title, year });
    classRows.push([
      year.label,
      title,
      String(level),
      '',
      DEFAULT_TIMETABLE,
      String(DEFAULT_WEEKLY_HOURS),
      String(DEFAULT_ANNUAL_HOURS),
    ]);
  }
  if (classInfo.size > 0) {
    src.warn(
      'classes.csv',
      `OneRoster non indica l'orario delle classi: preso il valore predefinito ${DEFAULT_WEEKLY_HOURS} ore settimanali (${DEFAULT_TIMETABLE}), monte ore annuo 33 × ${DEFAULT_WEEKLY_HOURS} = ${DEFAULT_ANNUAL_HOURS}`,
    );
  }
  await writeCsv(join(dir, 'classi.csv'), classRows);
  return classInfo;
}

/**
 * studenti.csv: one row per enrolment in a class written above; the codice fiscale from
 * identifier or userIds, sex and birth date from demographics. Returns sourcedId → codice fiscale
 * of the students written.
 */
export async function writeStudentsFile(
  src: BundleSource,
  dir: string,
  bundle: RosterBundle,
  classInfo: RosterClasses,
): Promise<Map<string, string>> {
  const studentRows: string[][] = [
    [
      'Codice fiscale',
      'Cognome',
      'Nome',
      'Sesso',
      'Data di nascita',
      'Luogo di nascita',
      'Cittadinanza',
      'Nato in Italia',
      'Classe',
      'Data ingresso',
      'Data uscita',
    ],
  ];
  const cfOf = new Map<string, string>();
  const orgEnrollments = bundle.enrollments.filter((e) => classInfo.has(e.classsourcedid ?? ''));
  const enrolledUsers = new Set(orgEnrollments.map((e) => e.usersourcedid ?? ''));
  for (const u of bundle.users.filter((x) => enrolledUsers.has(x.sourcedid ?? ''))) {
    const written = `${u.familyname ?? ''} ${u.givenname ?? ''}`.trim();
    const cf = codiceFiscaleOf(u);
    if (!cf) {
      src.issue(
        'users.csv',
        u,
        'identifier',
        `studente ${written}: codice fiscale assente o non valido (in identifier o userIds)`,
      );
      continue;
    }
    const demo = bundle.demographics.get(u.sourcedid ?? '');
    const sex = { male: 'M', female: 'F', m: 'M', f: 'F' }[(demo?.sex ?? '').toLowerCase()];
    const birth = parseDate(demo?.birthdate ?? '');
    if (!demo || !sex || !birth) {
      src.issue(
        'users.csv',
        u,
        'demographics',
        `studente ${written}: sesso e data di nascita servono e mancano (demographics.csv${demo ? ': sex male/female e birthDate' : ' assente per lo studente'})`,
      );
      continue;
    }
    for (const e of orgEnrollments.filter((x) => x.usersourcedid === u.sourcedid)) {
      const cls = classInfo.get(e.classsourcedid ?? '')!;
      const from = isoDay(e.begindate) ?? cls.year.from;
      const end = isoDay(e.enddate);
      const to = end && end < cls.year.to ? end : ''; // ending with the year is no exit
      studentRows.push([
        cf,
        u.familyname ?? '',
        u.givenname ?? '',
        sex,
        birth,
        demo.cityofbirth ?? '',
        CITIZENSHIP_NOT_GIVEN,
        cf[11] === 'Z' ? 'N' : 'S',
        cls.name,
        from,
        to,
      ]);
    }
    cfOf.set(u.sourcedid ?? '', cf);
  }
  await writeCsv(join(dir, 'studenti.csv'), studentRows);
  return cfOf;
}

/** assenze.csv: OneRoster has no absences (said once per bundle by readBundle), so only the header. */
export async function writeAbsencesFile(dir: string): Promise<void> {
  await writeCsv(join(dir, 'assenze.csv'), [['Codice fiscale', 'Data', 'Tipo', 'Ore', 'Giustificata', 'Deroga']]);
}

/** esiti.csv: OneRoster has no final outcomes, so only the header. */
export async function writeOutcomesFile(dir: string): Promise<void> {
  await writeCsv(join(dir, 'esiti.csv'), [
    ['Codice fiscale', 'Anno scolastico', 'Anno di corso', 'Periodo', 'Esito', 'Materie insufficienti'],
  ]);
}

/**
 * What the grade writer remembers from one school to the next of the same bundle: results.csv is
 * read once per school, but its rows are counted once, and the rescaling is said once.
 */
export interface GradesProgress {
  resultsCounted: boolean;
  scaledWarned: boolean;
}

/** voti.csv: lineItems + results of this school's students, the score brought to 0–10; streamed. */
export async function writeGradesFile(
  src: BundleSource,
  dir: string,
  bundle: RosterBundle,
  classInfo: RosterClasses,
  cfOf: Map<string, string>,
  progress: GradesProgress,
): Promise<void> {
  const out = createWriteStream(join(dir, 'voti.csv'));
  out.write(csvLine(['Codice fiscale', 'Data', 'Materia', 'Tipo', 'Voto']));
  const resultsPath = join(src.dir, 'results.csv');
  if (existsSync(resultsPath)) {
    // Read once per school: its rows are counted on the first reading only.
    const stats: FileStats | undefined = progress.resultsCounted
      ? undefined
      : fileStatsOf(src.ctx, src.file('results.csv'));
    progress.resultsCounted = true;
    for await (const { header, rows } of readCsvBatches(resultsPath)) {
      if (stats) stats.read += rows.length;
      for (const row of rows) {
        const r = recordOf(header, row.fields, row.line);
        if (!active(r)) {
          if (stats) noteSkip(stats, 'con status tobedeleted');
          continue;
        }
        const cf = cfOf.get(r.studentsourcedid ?? '');
        const item = bundle.lineItems.get(r.lineitemsourcedid ?? '');
        if (!cf || !item || !classInfo.has(item.classsourcedid ?? '')) continue; // another school's, or a student rejected above
        const status = (r.scorestatus ?? '').toLowerCase();
        if (status === 'exempt' || status === 'not submitted') continue;
        const score = Number((r.score ?? '').replace(',', '.'));
        const max = item.resultvaluemax ? Number(item.resultvaluemax.replace(',', '.')) : 10;
        if (!Number.isFinite(score) || (r.score ?? '') === '' || !(max > 0) || score < 0 || score > max) {
          src.issue('results.csv', r, 'score', `punteggio non valido: "${r.score ?? ''}" (massimo ${max})`);
          continue;
        }
        if (max !== 10 && !progress.scaledWarned) {
          progress.scaledWarned = true;
          src.warn('lineItems.csv', `punteggi con resultValueMax ${max} riportati in decimi (punteggio × 10 / ${max})`);
        }
        const value = Math.round(((score * 10) / max) * 100) / 100;
        const date = isoDay(r.scoredate) ?? isoDay(item.duedate) ?? isoDay(item.assigndate);
        if (!date) {
          src.issue('results.csv', r, 'scoreDate', 'data del voto assente (scoreDate o dueDate della lineItem)');
          continue;
        }
        const subject = (item.title ?? '').split(' - ')[0]!.trim().toUpperCase();
        out.write(csvLine([cf, date, subject, 'Orale', String(value).replace('.', ',')]));
      }
    }
  }
  await endOf(out);
}

/**
 * A valid codice fiscale in `identifier`, or in `userIds` (`{CF:RSS…}`, `{codiceFiscale:RSS…}`),
 * or in 1.0's single `userId`.
 */
function codiceFiscaleOf(u: Rec): string | undefined {
  const ids = [u.userids ?? '', u.userid ?? ''].join(',');
  const candidates = [u.identifier ?? '', ...ids.split(/[,{}\s]+/).map((s) => s.split(':').pop() ?? '')];
  return candidates.map((c) => c.trim().toUpperCase()).find((c) => c.length === 16 && isValidCodiceFiscale(c));
}

function csvLine(fields: string[]): string {
  return `${fields.map((f) => (/[;"\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';')}\n`;
}

async function writeCsv(path: string, rows: string[][]): Promise<void> {
  const out: WriteStream = createWriteStream(path);
  for (const r of rows) out.write(csvLine(r));
  await endOf(out);
}

function endOf(out: WriteStream): Promise<void> {
  return new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
}
