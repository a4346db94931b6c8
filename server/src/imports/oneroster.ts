import { createWriteStream, existsSync, mkdirSync, readdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import { schoolYearOf } from '@primm/shared/dates';
import { fileStatsOf, noteSkip } from './file-stats';
import { reject, type ImportContext } from './import-context';
import { parseDate } from './parse-values';
import { readCsvBatches } from './read-csv';

/**
 * OneRoster CSV bundles (IMS Global), for schools whose platform speaks it, are turned into
 * school folders of docs/data-format.md and then imported like any other: one set of rules for
 * what a valid student, class or grade is. What OneRoster lacks is taken from documented
 * defaults and said in the preview (warnings), what our schema needs and the bundle lacks
 * rejects the row with the bundle's own file and line. Bundles as platforms write them (issue
 * 24): 1.1 as the reference; 1.0 without manifest.csv and with singular columns (`grade`,
 * `termSourcedId`, `userId`); 1.2 with the roles in roles.csv and files we do not read
 * (userProfiles.csv); `metadata.*` extension columns; rows `tobedeleted`, left aside and counted.
 */
export function isOneRosterBundle(dir: string): boolean {
  if (!existsSync(join(dir, 'orgs.csv'))) return false;
  // OneRoster 1.0 had no manifest.csv: its bundles are told by their three core files.
  return (
    existsSync(join(dir, 'manifest.csv')) ||
    (existsSync(join(dir, 'users.csv')) && existsSync(join(dir, 'enrollments.csv')))
  );
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

/**
 * Writes one school folder per `orgs.csv` school of the bundle under `outDir` and returns them.
 * Files of the bundle are small except results.csv, which is streamed.
 */
export async function convertOneRoster(
  ctx: ImportContext,
  bundle: string,
  outDir: string,
  label?: string,
): Promise<string[]> {
  const name = label ?? bundle.split(/[\\/]/).pop() ?? 'oneroster';
  const file = (f: string) => `${name}/${f}`;
  const issue = (f: string, r: Rec | undefined, column: string, message: string) =>
    reject(ctx, { file: file(f), line: Number(r?._line ?? 0), column, message });
  const warn = (f: string, message: string) => ctx.notes.push({ file: file(f), line: 0, column: '', message });

  // Every row read is counted, every row left aside is counted by reason (file-stats.ts): an
  // import that takes nothing says why.
  const read = async (f: string): Promise<Rec[]> => {
    if (!existsSync(join(bundle, f))) return []; // every file but orgs.csv is optional
    const rows = await readAll(join(bundle, f));
    const stats = fileStatsOf(ctx, file(f));
    stats.read += rows.length;
    const deleted = rows.filter((r) => !active(r)).length;
    noteSkip(stats, 'con status tobedeleted', deleted);
    return rows.filter(active);
  };
  const skip = (f: string, reason: string, rows = 1) => noteSkip(fileStatsOf(ctx, file(f)), reason, rows);
  const kept = <T extends Rec>(f: string, rows: T[], keep: (r: T) => boolean, reasonOf: (r: T) => string): T[] => {
    const out: T[] = [];
    for (const r of rows) {
      if (keep(r)) out.push(r);
      else skip(f, reasonOf(r));
    }
    return out;
  };

  const allOrgs = await read('orgs.csv');
  const orgs = kept(
    'orgs.csv',
    allOrgs,
    (o) => lower(o.type) === 'school',
    (o) => `di tipo ${o.type || 'non indicato'} (non school)`,
  );
  const sessions = await read('academicSessions.csv');
  const classes = await read('classes.csv');
  // OneRoster 1.2 moved the role from users.csv to roles.csv (primary role first).
  const roles = new Map<string, string>();
  for (const r of (await read('roles.csv')).sort(
    (a, b) => (lower(a.roletype) === 'primary' ? 0 : 1) - (lower(b.roletype) === 'primary' ? 0 : 1),
  )) {
    if (!roles.has(r.usersourcedid ?? '')) roles.set(r.usersourcedid ?? '', lower(r.role));
  }
  const roleOf = (u: Rec) => lower(u.role) || roles.get(u.sourcedid ?? '') || '';
  const allUsers = await read('users.csv');
  const users = kept(
    'users.csv',
    allUsers,
    (u) => roleOf(u) === 'student',
    (u) => `con ruolo ${roleOf(u) || 'non indicato'}`,
  );
  const otherRoles = countBy(allUsers.map(roleOf).filter((r) => r !== 'student' && r !== 'teacher'));
  if (otherRoles.length > 0) {
    warn(
      'users.csv',
      `utenti non importati perché né studenti né docenti: ${otherRoles.map(([role, n]) => `${n} ${role || 'senza ruolo'}`).join(', ')}`,
    );
  }
  // 1.0 keys demographics by userSourcedId, 1.1 and 1.2 by sourcedId (the user's).
  const demographics = new Map((await read('demographics.csv')).map((d) => [d.usersourcedid || d.sourcedid || '', d]));
  const enrollments = kept(
    'enrollments.csv',
    await read('enrollments.csv'),
    (e) => lower(e.role) === 'student',
    (e) => `con ruolo ${lower(e.role) || 'non indicato'}`,
  );
  const lineItems = new Map((await read('lineItems.csv')).map((l) => [l.sourcedid ?? '', l]));
  warn(
    existsSync(join(bundle, 'manifest.csv')) ? 'manifest.csv' : 'orgs.csv',
    'OneRoster non contiene le assenze: nessuna assenza importata da questo pacchetto',
  );
  if (orgs.length === 0) {
    const found = countBy(allOrgs.map((o) => lower(o.type) || 'senza tipo')).map(([type, n]) => `${n} di tipo ${type}`);
    reject(ctx, {
      file: file('orgs.csv'),
      line: 0,
      column: 'type',
      message:
        `nessuna organizzazione di tipo school in orgs.csv (trovate: ${found.length > 0 ? found.join(', ') : 'nessuna riga attiva'}): ` +
        'serve almeno una riga con type school e identifier uguale al codice meccanografico della scuola',
    });
  }

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
  let resultsCounted = false;
  for (const org of orgs) {
    const code = (org.identifier ?? '').trim().toUpperCase();
    if (!/^[A-Z]{2}[A-Z0-9]{8}$/.test(code)) {
      issue(
        'orgs.csv',
        org,
        'identifier',
        `identifier deve essere il codice meccanografico della scuola: "${org.identifier ?? ''}"`,
      );
      continue;
    }
    const orgClasses = classes.filter((c) => c.schoolsourcedid === org.sourcedid);
    const known = await ctx.trx.selectFrom('school').selectAll().where('code', '=', code).executeTakeFirst();
    const grado =
      known?.level === 'primo_grado'
        ? 'primo grado'
        : known
          ? 'secondo grado'
          : (GRADE_LEVELS[(orgClasses[0]?.grades || orgClasses[0]?.grade || '').split(',')[0]?.trim() ?? '']?.grado ??
            'secondo grado');
    if (!known)
      warn(
        'orgs.csv',
        `scuola ${code} non ancora nel registro: tipologia e comune mancano (importate prima l'anagrafe del Ministero)`,
      );
    const dir = join(outDir, code);
    mkdirSync(dir, { recursive: true });
    folders.push(dir);

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
    const classRows: string[][] = [
      ['Anno scolastico', 'Classe', 'Anno di corso', 'Indirizzo', 'Orario', 'Ore settimanali', 'Monte ore annuo'],
    ];
    const classInfo = new Map<string, { name: string; year: { label: string; from: string; to: string } }>();
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
        issue('classes.csv', c, 'title', `titolo della classe atteso come 3A: "${c.title ?? ''}"`);
        continue;
      }
      if (!year) {
        issue('classes.csv', c, 'termSourcedIds', 'anno scolastico della classe non trovato in academicSessions.csv');
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
      warn(
        'classes.csv',
        `OneRoster non indica l'orario delle classi: preso il valore predefinito ${DEFAULT_WEEKLY_HOURS} ore settimanali (${DEFAULT_TIMETABLE}), monte ore annuo 33 × ${DEFAULT_WEEKLY_HOURS} = ${DEFAULT_ANNUAL_HOURS}`,
      );
    }
    await writeCsv(join(dir, 'classi.csv'), classRows);

    // Students: the codice fiscale from identifier or userIds; sex and birth date from demographics.
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
    const orgEnrollments = enrollments.filter((e) => classInfo.has(e.classsourcedid ?? ''));
    const enrolledUsers = new Set(orgEnrollments.map((e) => e.usersourcedid ?? ''));
    for (const u of users.filter((x) => enrolledUsers.has(x.sourcedid ?? ''))) {
      const written = `${u.familyname ?? ''} ${u.givenname ?? ''}`.trim();
      const cf = codiceFiscaleOf(u);
      if (!cf) {
        issue(
          'users.csv',
          u,
          'identifier',
          `studente ${written}: codice fiscale assente o non valido (in identifier o userIds)`,
        );
        continue;
      }
      const demo = demographics.get(u.sourcedid ?? '');
      const sex = { male: 'M', female: 'F', m: 'M', f: 'F' }[(demo?.sex ?? '').toLowerCase()];
      const birth = parseDate(demo?.birthdate ?? '');
      if (!demo || !sex || !birth) {
        issue(
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
    await writeCsv(join(dir, 'assenze.csv'), [['Codice fiscale', 'Data', 'Tipo', 'Ore', 'Giustificata', 'Deroga']]);
    await writeCsv(join(dir, 'esiti.csv'), [
      ['Codice fiscale', 'Anno scolastico', 'Anno di corso', 'Periodo', 'Esito', 'Materie insufficienti'],
    ]);

    // Grades: lineItems + results, the score brought to 0–10; results.csv is streamed.
    const out = createWriteStream(join(dir, 'voti.csv'));
    out.write(csvLine(['Codice fiscale', 'Data', 'Materia', 'Tipo', 'Voto']));
    const resultsPath = join(bundle, 'results.csv');
    if (existsSync(resultsPath)) {
      // Read once per school: its rows are counted on the first reading only.
      const stats = resultsCounted ? undefined : fileStatsOf(ctx, file('results.csv'));
      resultsCounted = true;
      for await (const { header, rows } of readCsvBatches(resultsPath)) {
        if (stats) stats.read += rows.length;
        for (const row of rows) {
          const r = recordOf(header, row.fields, row.line);
          if (!active(r)) {
            if (stats) noteSkip(stats, 'con status tobedeleted');
            continue;
          }
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
  return lower(r.status) !== 'tobedeleted';
}

function lower(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

/** Values with how often each occurs, most frequent first (then by name): `2 guardian, 1 aide`. */
function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
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
  header.forEach((h, i) => {
    r[h.replace(/ /g, '')] = fields[i] ?? '';
  });
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
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isOneRosterBundle(join(dir, d.name)))
    .map((d) => join(dir, d.name))
    .sort();
}
