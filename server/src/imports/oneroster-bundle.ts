import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { schoolYearOf } from '@primm/shared/dates';
import { fileStatsOf, noteSkip } from './file-stats';
import { reject, type ImportContext } from './import-context';
import { parseDate } from './parse-values';
import { readCsvBatches } from './read-csv';

/** A row of a bundle file, keyed by lower-cased header, with its line for the rejections. */
export type Rec = Record<string, string> & { _line: string };

/** A school year of academicSessions.csv (its dates are taken as the lesson period). */
export interface RosterYear {
  label: string;
  from: string;
  to: string;
  title: string;
}

/** One bundle being converted: where its files are and how its rows are reported. */
export interface BundleSource {
  ctx: ImportContext;
  dir: string;
  /** The bundle's file as the preview names it: `<bundle>/<file>`. */
  file(f: string): string;
  /** Rejects a row of a bundle file (counted, listed in the preview with its line). */
  issue(f: string, r: Rec | undefined, column: string, message: string): void;
  /** A note about a whole file: a default taken, data the format lacks. */
  warn(f: string, message: string): void;
}

/** The rows of the bundle the school folders are made of (all but results.csv, which is streamed). */
export interface RosterBundle {
  /** orgs.csv rows of type school */
  orgs: Rec[];
  /** schoolYear sourcedId → year */
  years: Map<string, RosterYear>;
  /** terms, semesters and grading periods */
  terms: Rec[];
  classes: Rec[];
  /** users.csv rows whose role is student */
  users: Rec[];
  /** keyed by the user's sourcedId */
  demographics: Map<string, Rec>;
  /** enrollments.csv rows whose role is student */
  enrollments: Rec[];
  /** keyed by sourcedId */
  lineItems: Map<string, Rec>;
}

export function bundleSource(ctx: ImportContext, dir: string, label?: string): BundleSource {
  const name = label ?? dir.split(/[\\/]/).pop() ?? 'oneroster';
  const file = (f: string) => `${name}/${f}`;
  return {
    ctx,
    dir,
    file,
    issue: (f, r, column, message) => reject(ctx, { file: file(f), line: Number(r?._line ?? 0), column, message }),
    warn: (f, message) => ctx.notes.push({ file: file(f), line: 0, column: '', message }),
  };
}

/**
 * Reads the bundle's small files, keeping the rows a school folder is made of; what it lacks or
 * leaves aside is said (warnings, rejections, skips counted by reason).
 */
export async function readBundle(src: BundleSource): Promise<RosterBundle> {
  const { ctx } = src;
  // Every row read is counted, every row left aside is counted by reason (file-stats.ts): an
  // import that takes nothing says why.
  const read = async (f: string): Promise<Rec[]> => {
    if (!existsSync(join(src.dir, f))) return []; // every file but orgs.csv is optional
    const rows = await readAll(join(src.dir, f));
    const stats = fileStatsOf(ctx, src.file(f));
    stats.read += rows.length;
    const deleted = rows.filter((r) => !active(r)).length;
    noteSkip(stats, 'con status tobedeleted', deleted);
    return rows.filter(active);
  };
  const skip = (f: string, reason: string, rows = 1) => noteSkip(fileStatsOf(ctx, src.file(f)), reason, rows);
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
    src.warn(
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
  src.warn(
    existsSync(join(src.dir, 'manifest.csv')) ? 'manifest.csv' : 'orgs.csv',
    'OneRoster non contiene le assenze: nessuna assenza importata da questo pacchetto',
  );
  if (orgs.length === 0) {
    const found = countBy(allOrgs.map((o) => lower(o.type) || 'senza tipo')).map(([type, n]) => `${n} di tipo ${type}`);
    reject(ctx, {
      file: src.file('orgs.csv'),
      line: 0,
      column: 'type',
      message:
        `nessuna organizzazione di tipo school in orgs.csv (trovate: ${found.length > 0 ? found.join(', ') : 'nessuna riga attiva'}): ` +
        'serve almeno una riga con type school e identifier uguale al codice meccanografico della scuola',
    });
  }

  // School years and terms (the schoolYear session's dates are taken as the lesson period).
  const years = new Map<string, RosterYear>();
  for (const s of sessions.filter((x) => (x.type ?? '').toLowerCase() === 'schoolyear')) {
    const from = isoDay(s.startdate);
    const to = isoDay(s.enddate);
    if (!from || !to) src.issue('academicSessions.csv', s, 'startDate', 'date di inizio e fine non valide');
    else years.set(s.sourcedid ?? '', { label: schoolYearOf(from), from, to, title: s.title ?? '' });
  }
  const terms = sessions.filter((x) => ['term', 'semester', 'gradingperiod'].includes((x.type ?? '').toLowerCase()));

  return { orgs, years, terms, classes, users, demographics, enrollments, lineItems };
}

/** OneRoster dates are ISO days or date-times (`2025-11-14T10:00:00Z`): the day. */
export function isoDay(text: string | undefined): string | undefined {
  return text ? parseDate(text.slice(0, 10)) : undefined;
}

export function active(r: Rec): boolean {
  return lower(r.status) !== 'tobedeleted';
}

export function lower(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

/** Values with how often each occurs, most frequent first (then by name): `2 guardian, 1 aide`. */
function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
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

export function recordOf(header: string[], fields: string[], line: number): Rec {
  const r: Record<string, string> = { _line: String(line) };
  header.forEach((h, i) => {
    r[h.replace(/ /g, '')] = fields[i] ?? '';
  });
  return r as Rec;
}
