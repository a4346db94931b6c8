import { createWriteStream, existsSync, mkdirSync, readdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import { schoolYearOf } from '@primm/shared/dates';
import { reject, type ImportContext } from './import-context';
import { parseDate } from './parse-values';
import { readCsvBatches } from './read-csv';

/**
 * OneRoster 1.1 CSV bundles (IMS Global), for schools whose platform speaks it, are turned into
 * school folders of docs/data-format.md and then imported like any other: one set of rules for
 * what a valid student, class or grade is. What OneRoster lacks is taken from documented
 * defaults and said in the preview (warnings), what our schema needs and the bundle lacks
 * rejects the row with the bundle's own file and line.
 */
export function isOneRosterBundle(dir: string): boolean {
  return existsSync(join(dir, 'manifest.csv')) && existsSync(join(dir, 'orgs.csv'));
}

/** DPR 122/2009 art. 14: annual hours = 33 weeks × weekly hours; 30 h is the usual week. */
export const DEFAULT_WEEKLY_HOURS = 30;
export const DEFAULT_TIMETABLE = '6-6-6-6-6-0';
export const DEFAULT_ANNUAL_HOURS = 33 * DEFAULT_WEEKLY_HOURS;
/** OneRoster has no citizenship; our schema needs one, so it says that it was not given. */
export const CITIZENSHIP_NOT_GIVEN = 'non indicata';

type Rec = Record<string, string> & { _line: string };

/** CEDS grade codes: 06–08 are the three years of lower secondary, 09–13 the five of upper. */
const GRADE_LEVELS: Record<string, { level: number; grado: 'primo grado' | 'secondo grado' }> = {
  '06': { level: 1, grado: 'primo grado' }, '07': { level: 2, grado: 'primo grado' }, '08': { level: 3, grado: 'primo grado' },
  '09': { level: 1, grado: 'secondo grado' }, '10': { level: 2, grado: 'secondo grado' }, '11': { level: 3, grado: 'secondo grado' },
  '12': { level: 4, grado: 'secondo grado' }, '13': { level: 5, grado: 'secondo grado' },
};
const PROVINCE_OF_CODE: Record<string, string> = { AN: 'AN', AP: 'AP', FM: 'FM', MC: 'MC', PS: 'PU', PU: 'PU' };

/**
 * Writes one school folder per `orgs.csv` school of the bundle under `outDir` and returns them.
 * Files of the bundle are small except results.csv, which is streamed.
 */
export async function convertOneRoster(ctx: ImportContext, bundle: string, outDir: string, label?: string): Promise<string[]> {
  const name = label ?? bundle.split(/[\\/]/).pop() ?? 'oneroster';
  const file = (f: string) => `${name}/${f}`;
  const issue = (f: string, r: Rec | undefined, column: string, message: string) =>
    reject(ctx, { file: file(f), line: Number(r?._line ?? 0), column, message });
  const warn = (f: string, message: string) => ctx.notes.push({ file: file(f), line: 0, column: '', message });

  const orgs = (await readAll(join(bundle, 'orgs.csv'))).filter((o) => active(o) && (o.type ?? '').toLowerCase() === 'school');
  const sessions = await readAll(join(bundle, 'academicSessions.csv'));
  const classes = (await readAll(join(bundle, 'classes.csv'))).filter(active);
  const users = (await readAll(join(bundle, 'users.csv'))).filter((u) => active(u) && (u.role ?? '').toLowerCase() === 'student');
  const demographics = new Map((await readAll(join(bundle, 'demographics.csv'))).map((d) => [d.sourcedid ?? '', d]));
  const enrollments = (await readAll(join(bundle, 'enrollments.csv'))).filter((e) => active(e) && (e.role ?? '').toLowerCase() === 'student');
  const lineItems = new Map((await readAll(join(bundle, 'lineItems.csv'))).filter(active).map((l) => [l.sourcedid ?? '', l]));
  warn('manifest.csv', 'OneRoster non contiene le assenze: nessuna assenza importata da questo pacchetto');

  // School years and terms (the schoolYear session's dates are taken as the lesson period).
  const years = new Map<string, { label: string; from: string; to: string; title: string }>();
  for (const s of sessions.filter((x) => (x.type ?? '').toLowerCase() === 'schoolyear')) {
    const from = isoDay(s.startdate);
    const to = isoDay(s.enddate);
    if (!from || !to) issue('academicSessions.csv', s, 'startDate', 'date di inizio e fine non valide');
    else years.set(s.sourcedid ?? '', { label: schoolYearOf(from), from, to, title: s.title ?? '' });
  }
  const yearOfDate = (date: string) => [...years.values()].find((y) => y.from <= date && date <= y.to);
  const terms = sessions.filter((x) => ['term', 'semester', 'gradingperiod'].includes((x.type ?? '').toLowerCase()));

  const folders: string[] = [];
  let scaledWarned = false;
  for (const org of orgs) {
    const code = (org.identifier ?? '').trim().toUpperCase();
    if (!/^[A-Z]{2}[A-Z0-9]{8}$/.test(code)) {
      issue('orgs.csv', org, 'identifier', `identifier deve essere il codice meccanografico della scuola: "${org.identifier ?? ''}"`);
      continue;
    }
    const orgClasses = classes.filter((c) => c.schoolsourcedid === org.sourcedid);
    const known = await ctx.trx.selectFrom('school').selectAll().where('code', '=', code).executeTakeFirst();
    const grado = known?.level === 'primo_grado' ? 'primo grado' : known ? 'secondo grado'
      : GRADE_LEVELS[(orgClasses[0]?.grades ?? '').split(',')[0]?.trim() ?? '']?.grado ?? 'secondo grado';
    if (!known) warn('orgs.csv', `scuola ${code} non ancora nel registro: tipologia e comune mancano (importate prima l'anagrafe del Ministero)`);
    const dir = join(outDir, code);
    mkdirSync(dir, { recursive: true });
    folders.push(dir);

    await writeCsv(join(dir, 'scuola.csv'), [
      ['Codice meccanografico', 'Denominazione', 'Codice istituto', 'Denominazione istituto', 'Codice catastale comune', 'Comune', 'Provincia', 'Tipologia', 'Grado', 'Indirizzo stradale'],
      [code, known?.name ?? org.name ?? code, known?.institute_code ?? code, known?.institute_name ?? known?.name ?? org.name ?? code,
        known?.cadastral_code ?? '', known?.municipality_name ?? 'non indicato', known?.province_code ?? PROVINCE_OF_CODE[code.slice(0, 2)] ?? code.slice(0, 2),
        known?.kind ?? 'non indicata', grado, known?.address ?? ''],
    ]);

    const calendar: string[][] = [['Anno scolastico', 'Tipo', 'Dal', 'Al', 'Descrizione']];
    for (const [id, y] of years) {
      calendar.push([y.label, 'lezioni', y.from, y.to, y.title]);
      const within = (t: Rec) => (isoDay(t.startdate) ?? '') >= y.from && (isoDay(t.enddate) ?? '9') <= y.to;
      for (const t of terms.filter((t) => t.parentsourcedid === id || within(t))) {
        const from = isoDay(t.startdate);
        const to = isoDay(t.enddate);
        if (from && to) calendar.push([y.label, 'periodo', from, to, t.title ?? '']);
      }
    }
    await writeCsv(join(dir, 'calendario.csv'), calendar);

    // Classes: `3A` from the title; the grade from `grades` (CEDS code) or the title's digit.
    const classRows: string[][] = [['Anno scolastico', 'Classe', 'Anno di corso', 'Indirizzo', 'Orario', 'Ore settimanali', 'Monte ore annuo']];
    const classInfo = new Map<string, { name: string; year: { label: string; from: string; to: string } }>();
    for (const c of orgClasses) {
      const title = (c.title ?? '').replace(/\s+/g, '').toUpperCase();
      const gradeCode = (c.grades ?? '').split(',')[0]?.trim() ?? '';
      const level = GRADE_LEVELS[gradeCode.padStart(2, '0')]?.level ?? Number(title.slice(0, 1));
      const termIds = (c.termsourcedids ?? '').split(',').map((s) => s.trim());
      const year = termIds.map((t) => years.get(t) ?? years.get(terms.find((x) => x.sourcedid === t)?.parentsourcedid ?? '')).find(Boolean)
        ?? (years.size === 1 ? [...years.values()][0] : undefined);
      if (!/^[1-5][A-Z]+$/.test(title)) {
        issue('classes.csv', c, 'title', `titolo della classe atteso come 3A: "${c.title ?? ''}"`);
        continue;
      }
      if (!year) {
        issue('classes.csv', c, 'termSourcedIds', 'anno scolastico della classe non trovato in academicSessions.csv');
        continue;
      }
      classInfo.set(c.sourcedid ?? '', { name: title, year });
      classRows.push([year.label, title, String(level), '', DEFAULT_TIMETABLE, String(DEFAULT_WEEKLY_HOURS), String(DEFAULT_ANNUAL_HOURS)]);
    }
    if (classInfo.size > 0) {
      warn('classes.csv', `OneRoster non indica l'orario delle classi: preso il valore predefinito ${DEFAULT_WEEKLY_HOURS} ore settimanali (${DEFAULT_TIMETABLE}), monte ore annuo 33 × ${DEFAULT_WEEKLY_HOURS} = ${DEFAULT_ANNUAL_HOURS}`);
    }
    await writeCsv(join(dir, 'classi.csv'), classRows);

    // Students: the codice fiscale from identifier or userIds; sex and birth date from demographics.
    const studentRows: string[][] = [['Codice fiscale', 'Cognome', 'Nome', 'Sesso', 'Data di nascita', 'Luogo di nascita', 'Cittadinanza', 'Nato in Italia', 'Classe', 'Data ingresso', 'Data uscita']];
    const cfOf = new Map<string, string>();
    const orgEnrollments = enrollments.filter((e) => classInfo.has(e.classsourcedid ?? ''));
    const enrolledUsers = new Set(orgEnrollments.map((e) => e.usersourcedid ?? ''));
    for (const u of users.filter((x) => enrolledUsers.has(x.sourcedid ?? ''))) {
      const written = `${u.familyname ?? ''} ${u.givenname ?? ''}`.trim();
      const cf = codiceFiscaleOf(u);
      if (!cf) {
        issue('users.csv', u, 'identifier', `studente ${written}: codice fiscale assente o non valido (in identifier o userIds)`);
        continue;
      }
      const demo = demographics.get(u.sourcedid ?? '');
      const sex = { male: 'M', female: 'F', m: 'M', f: 'F' }[(demo?.sex ?? '').toLowerCase()];
      const birth = parseDate(demo?.birthdate ?? '');
      if (!demo || !sex || !birth) {
        issue('users.csv', u, 'demographics', `studente ${written}: sesso e data di nascita servono e mancano (demographics.csv${demo ? ': sex male/female e birthDate' : ' assente per lo studente'})`);
        continue;
      }
      for (const e of orgEnrollments.filter((x) => x.usersourcedid === u.sourcedid)) {
        const cls = classInfo.get(e.classsourcedid ?? '')!;
        const from = isoDay(e.begindate) ?? cls.year.from;
        const end = isoDay(e.enddate);
        const to = end && end < cls.year.to ? end : ''; // ending with the year is no exit
        studentRows.push([cf, u.familyname ?? '', u.givenname ?? '', sex, birth, demo.cityofbirth ?? '', CITIZENSHIP_NOT_GIVEN,
          cf[11] === 'Z' ? 'N' : 'S', cls.name, from, to]);
      }
      cfOf.set(u.sourcedid ?? '', cf);
    }
    await writeCsv(join(dir, 'studenti.csv'), studentRows);
    await writeCsv(join(dir, 'assenze.csv'), [['Codice fiscale', 'Data', 'Tipo', 'Ore', 'Giustificata', 'Deroga']]);
    await writeCsv(join(dir, 'esiti.csv'), [['Codice fiscale', 'Anno scolastico', 'Anno di corso', 'Periodo', 'Esito', 'Materie insufficienti']]);

    // Grades: lineItems + results, the score brought to 0–10; results.csv is streamed.
    const out = createWriteStream(join(dir, 'voti.csv'));
    out.write(csvLine(['Codice fiscale', 'Data', 'Materia', 'Tipo', 'Voto']));
    const resultsPath = join(bundle, 'results.csv');
    if (existsSync(resultsPath)) {
      for await (const { header, rows } of readCsvBatches(resultsPath)) {
        for (const row of rows) {
          const r = recordOf(header, row.fields, row.line);
          if (!active(r)) continue;
          const cf = cfOf.get(r.studentsourcedid ?? '');
          const item = lineItems.get(r.lineitemsourcedid ?? '');
          if (!cf || !item || !classInfo.has(item.classsourcedid ?? '')) continue; // another school's, or a student rejected above
          const status = (r.scorestatus ?? '').toLowerCase();
          if (status === 'exempt' || status === 'not submitted') continue;
          const score = Number((r.score ?? '').replace(',', '.'));
          const max = item.resultvaluemax ? Number(item.resultvaluemax.replace(',', '.')) : 10;
          if (!Number.isFinite(score) || (r.score ?? '') === '' || !(max > 0) || score < 0 || score > max) {
            issue('results.csv', r, 'score', `punteggio non valido: "${r.score ?? ''}" (massimo ${max})`);
            continue;
          }
          if (max !== 10 && !scaledWarned) {
            scaledWarned = true;
            warn('lineItems.csv', `punteggi con resultValueMax ${max} riportati in decimi (punteggio × 10 / ${max})`);
          }
          const value = Math.round(((score * 10) / max) * 100) / 100;
          const date = isoDay(r.scoredate) ?? isoDay(item.duedate) ?? isoDay(item.assigndate);
          if (!date) {
            issue('results.csv', r, 'scoreDate', 'data del voto assente (scoreDate o dueDate della lineItem)');
            continue;
          }
          const subject = (item.title ?? '').split(' - ')[0]!.trim().toUpperCase();
          out.write(csvLine([cf, date, subject, 'Orale', String(value).replace('.', ',')]));
        }
      }
    }
    await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
  }
  return folders;
}

/** OneRoster dates are ISO days or date-times (`2025-11-14T10:00:00Z`): the day. */
function isoDay(text: string | undefined): string | undefined {
  return text ? parseDate(text.slice(0, 10)) : undefined;
}

function active(r: Rec): boolean {
  return (r.status ?? '').toLowerCase() !== 'tobedeleted';
}

/** A valid codice fiscale in `identifier`, or in `userIds` (`{CF:RSS…}`, `{codiceFiscale:RSS…}`). */
function codiceFiscaleOf(u: Rec): string | undefined {
  const candidates = [u.identifier ?? '', ...(u.userids ?? '').split(/[,{}\s]+/).map((s) => s.split(':').pop() ?? '')];
  return candidates.map((c) => c.trim().toUpperCase()).find((c) => c.length === 16 && isValidCodiceFiscale(c));
}

/** Records keyed by lower-cased header (OneRoster names are camelCase: `sourcedId` → `sourcedid`). */
async function readAll(path: string): Promise<Rec[]> {
  if (!existsSync(path)) return [];
  const out: Rec[] = [];
  for await (const { header, rows } of readCsvBatches(path)) {
    for (const row of rows) out.push(recordOf(header, row.fields, row.line));
  }
  return out;
}

function recordOf(header: string[], fields: string[], line: number): Rec {
  const r: Record<string, string> = { _line: String(line) };
  header.forEach((h, i) => { r[h.replace(/ /g, '')] = fields[i] ?? ''; });
  return r as Rec;
}

function csvLine(fields: string[]): string {
  return `${fields.map((f) => (/[;"\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';')}\n`;
}

async function writeCsv(path: string, rows: string[][]): Promise<void> {
  const out: WriteStream = createWriteStream(path);
  for (const r of rows) out.write(csvLine(r));
  await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
}

/** The bundle folders under `dir` (itself, or its direct subfolders). */
export function findOneRosterBundles(dir: string): string[] {
  if (isOneRosterBundle(dir)) return [dir];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && isOneRosterBundle(join(dir, d.name))).map((d) => join(dir, d.name)).sort();
}
