import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import { quotedColumns } from '../db/bulk-insert';
import { wrapSqlite, type Db } from '../db/open-database';
import { importPaths, type ImportOptions, type ImportSummary } from './import-paths';
import { pseudonymize } from './pseudonym';
import { readCsvBatches } from './read-csv';

/**
 * The preview of an upload run against a private in-memory COPY of what its import reads, so the
 * dry run writes only to the copy and the real database is only read (issue 17, finding 7).
 *
 * Why: the dry run is the real import rolled back, so it writes; on the one SQLite file it held
 * the write lock for its whole transaction (8–11 s for a school of 2 000 students), and every
 * request that writes (the audit row of any student read) waited for it. Reading is what WAL lets
 * go on beside writers: the copy is taken in ONE read transaction on its own connection (a
 * consistent snapshot, while others read and write), then the import runs on the copy alone.
 *
 * What is copied: every query the loaders run (import-paths.ts and the load-*.ts files) reads
 * - the schema (tables, indexes, triggers: the same constraints, conflicts and ids);
 * - the reference data, every school and school year (scope check, transfer sources' names);
 * - of the schools the upload names (in scuola.csv, or orgs.csv of a OneRoster bundle): their
 *   calendars, terms, closures and classes;
 * - the students of those schools and the students the upload names (a codice fiscale in
 *   studenti.csv, or users.csv of a bundle): in full, with every enrolment they have in any school
 *   (the transfer rule), the classes of those, and their absences, grades and outcomes (an event
 *   of the file may update one of theirs, in any class);
 * - every other student as (id, pseudonym) only: a codice fiscale is matched against all of them,
 *   and new students get the ids the real import would give (the largest id is there).
 * Ids are kept, so the preview names the same students and counts the same rows as the dry run in
 * place (preview-copy.test.ts compares them). Not copied: what the import never reads (users,
 * sessions, flags, cases, risk, audit); the batch of an event (`import_batch_id`) and the author
 * of a family's language are left empty, being references to rows not copied that no loader reads.
 * Over-inclusion is harmless (a code or codice fiscale named in another column only copies more).
 */
export async function previewOnCopy(
  dbPath: string,
  paths: string[],
  options: Omit<ImportOptions, 'dryRun'>,
): Promise<{ summary?: ImportSummary; failure?: { error: unknown; batch?: Record<string, unknown> } }> {
  const named = await namedInUpload(paths, options.pseudonymKey);
  const sqlite = copyForImport(dbPath, named);
  const copy = wrapSqlite(sqlite);
  try {
    // A failed run records a failed batch (in the copy): the caller writes it where it belongs.
    return { summary: await importPaths(copy, paths, { ...options, userId: null, dryRun: true }) };
  } catch (error) {
    return { failure: { error, batch: await failedBatch(copy) } };
  } finally {
    await copy.destroy();
  }
}

/** The school codes and the pseudonyms of the codici fiscali an upload names. */
export interface NamedInUpload {
  schoolCodes: string[];
  pseudonyms: string[];
}

const SCHOOL_FILES = new Set(['scuola.csv', 'orgs.csv']);
const STUDENT_FILES = new Set(['studenti.csv', 'users.csv']);
const SCHOOL_CODE = /^[A-Z]{2}[A-Z0-9]{8}$/;

/**
 * Every token that looks like a school code in the school files, and like a codice fiscale in the
 * student files, of the upload: the other files only name students that studenti.csv names. A
 * file that cannot be read is left to the import, which reports it.
 */
export async function namedInUpload(paths: string[], pseudonymKey: string): Promise<NamedInUpload> {
  const codes = new Set<string>();
  const pseudonyms = new Set<string>();
  for (const file of csvFilesUnder(paths)) {
    const name = file.split(/[\\/]/).pop()!.toLowerCase();
    const school = SCHOOL_FILES.has(name);
    if (!school && !STUDENT_FILES.has(name)) continue;
    try {
      for await (const { header, rows } of readCsvBatches(file)) {
        for (const fields of [header, ...rows.map((r) => r.fields)]) {
          for (const field of fields) {
            for (const token of field.toUpperCase().split(/[^A-Z0-9]+/)) {
              if (school && token.length === 10 && SCHOOL_CODE.test(token)) codes.add(token);
              if (!school && token.length === 16 && isValidCodiceFiscale(token))
                pseudonyms.add(pseudonymize(token, pseudonymKey));
            }
          }
        }
      }
    } catch {
      // unreadable: the import itself says why
    }
  }
  return { schoolCodes: [...codes], pseudonyms: [...pseudonyms] };
}

/** The CSV files of these folders (and files), a few levels down as uploads are laid out. */
function csvFilesUnder(paths: string[], depth = 4): string[] {
  const out: string[] = [];
  const walk = (path: string, left: number) => {
    if (!existsSync(path)) return;
    if (statSync(path).isFile()) {
      if (/\.(csv|txt)$/i.test(path)) out.push(path);
      return;
    }
    if (left === 0) return;
    for (const entry of readdirSync(path).sort()) walk(join(path, entry), left - 1);
  };
  for (const p of paths) walk(p, depth);
  return out;
}

/** Tables copied whole: small, and read by code or label whatever the upload. */
const WHOLE = ['province', 'municipality', 'school', 'school_year', 'data_version'];
/** Tables of the schools named. */
const OF_SCHOOLS = ['school_calendar', 'term', 'school_closure'];
/**
 * Tables of the students kept in full: whether their rows name a class (copied with them), and
 * the columns left empty (a reference to a row not copied, never read by the import).
 */
const OF_STUDENTS: { table: string; inClass: boolean; empty: Record<string, string> }[] = [
  { table: 'enrolment', inClass: true, empty: {} },
  { table: 'attendance_event', inClass: true, empty: { import_batch_id: 'null' } },
  { table: 'grade', inClass: true, empty: { import_batch_id: 'null' } },
  { table: 'outcome', inClass: false, empty: { import_batch_id: 'null' } },
];

/**
 * The in-memory copy of what the import of an upload naming `named` reads, from the database file
 * at `dbPath`, taken in one read transaction: the file is attached to the copy's connection, only
 * ever SELECTed from, and detached before the import runs, so nothing can write it.
 */
export function copyForImport(dbPath: string, named: NamedInUpload): SQLite.Database {
  const sqlite = new SQLite(':memory:');
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000'); // a reader of a WAL file waits only in rare moments (a checkpoint restarting the log)
    sqlite.prepare('attach database ? as src').run(dbPath);
    const schema = sqlite
      .prepare(
        `select type, name, sql from src.sqlite_master where sql is not null and name not like 'sqlite_%' order by rowid`,
      )
      .all() as { type: string; name: string; sql: string }[];
    const columns = (table: string) =>
      sqlite
        .prepare(`select name, type, "notnull" as required, dflt_value as dflt from pragma_table_info(?, 'src')`)
        .all(table) as { name: string; type: string; required: number; dflt: string | null }[];
    const copyRows = (table: string, where: string, overrides: Record<string, string> = {}) => {
      const cols = columns(table).map((c) => c.name);
      sqlite.exec(
        `insert into main."${table}" (${quotedColumns(cols)}) select ${cols.map((c) => overrides[c] ?? `"${c}"`).join(', ')} from src."${table}" ${where}`,
      );
    };

    sqlite.exec('begin');
    // The copy is checked as a whole at commit: rows go in table by table, parents not always first.
    sqlite.pragma('defer_foreign_keys = ON');
    for (const s of schema)
      if (s.type === 'table') sqlite.exec(s.sql.replace(/^CREATE TABLE\s+("?)/i, 'create table main.$1'));
    for (const table of WHOLE) copyRows(table, '');

    sqlite.exec(`create temp table preview_school (id integer primary key);
      create temp table preview_named (pseudonym text primary key);
      create temp table preview_student (id integer primary key);
      create temp table preview_class (id integer primary key)`);
    const addSchool = sqlite.prepare('insert into temp.preview_school select id from src.school where code = ?');
    for (const code of named.schoolCodes) addSchool.run(code);
    const addNamed = sqlite.prepare('insert or ignore into temp.preview_named values (?)');
    for (const p of named.pseudonyms) addNamed.run(p);
    sqlite.exec(`insert or ignore into temp.preview_student select e.student_id from src.enrolment e join src.class c on c.id = e.class_id
        where c.school_id in (select id from temp.preview_school);
      insert or ignore into temp.preview_student select id from src.student where pseudonym in (select pseudonym from temp.preview_named);
      insert or ignore into temp.preview_class select id from src.class where school_id in (select id from temp.preview_school)`);
    for (const { table } of OF_STUDENTS.filter((t) => t.inClass)) {
      sqlite.exec(
        `insert or ignore into temp.preview_class select distinct class_id from src."${table}" where student_id in (select id from temp.preview_student)`,
      );
    }

    for (const table of OF_SCHOOLS) copyRows(table, 'where school_id in (select id from temp.preview_school)');
    copyRows('class', 'where id in (select id from temp.preview_class)');
    copyRows('student', 'where id in (select id from temp.preview_student)', { family_updated_by: 'null' });
    // Every other student as its id and pseudonym; the other columns hold what their constraints accept.
    const stub = Object.fromEntries(
      columns('student')
        .filter((c) => c.name !== 'id' && c.name !== 'pseudonym')
        .map((c) => [
          c.name,
          c.required && c.dflt === null
            ? c.name === 'sex'
              ? `'M'`
              : /INT|REAL|DOUB|NUM/i.test(c.type)
                ? '0'
                : `''`
            : 'null',
        ]),
    );
    copyRows('student', 'where id not in (select id from temp.preview_student)', stub);
    for (const { table, empty } of OF_STUDENTS)
      copyRows(table, 'where student_id in (select id from temp.preview_student)', empty);

    // Indexes and triggers once the rows are in: the same unique keys (ON CONFLICT) and side effects.
    for (const s of schema)
      if (s.type === 'index' || s.type === 'trigger' || s.type === 'view') sqlite.exec(qualifyMain(s));
    sqlite.exec(
      'drop table temp.preview_school; drop table temp.preview_named; drop table temp.preview_student; drop table temp.preview_class',
    );
    sqlite.exec('commit');
    sqlite.exec('detach database src');
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** `create index x on t …` as `create index main.x on t …`: into the copy, never the attached file. */
function qualifyMain(s: { type: string; name: string; sql: string }): string {
  return s.sql.replace(
    new RegExp(
      `^(CREATE\\s+(?:UNIQUE\\s+)?(?:TEMP\\s+)?${s.type}\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)("?${s.name}"?)`,
      'i',
    ),
    '$1main.$2',
  );
}

/** The failed batch a run recorded in the copy (import-paths.ts records an attempt that failed). */
async function failedBatch(copy: Db): Promise<Record<string, unknown> | undefined> {
  const row = await copy
    .selectFrom('import_batch')
    .selectAll()
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  const { id: _id, ...values } = row;
  return values;
}
