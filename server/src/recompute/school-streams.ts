import { civilDayNumber, daysInMonth, fromDayNumber } from '@primm/shared/dates';
import type { AttendanceEvent, GradeDigest, GradeEntry } from '@primm/shared/risk/types';
import { sql } from 'kysely';
import type { AttendanceKind, GradeKind } from '../db/database';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/open-database';
import { studentsOfClassesSql } from '../school-data/attendance-of-classes';
import { termSeqOf } from '../school-data/lesson-calendar';

/**
 * The attendance events and grades of a school's classes as two strings built by the database,
 * one line per row, parsed here into the engine's objects grouped by student.
 *
 * Why: a region has ~100 grades per student (20 million at 200 000 students). Read as rows, each
 * becomes a JS object with four strings, and that conversion was most of the recompute's time;
 * the database concatenates them in C much faster, and the parser below allocates one object per
 * row and no strings (dates, subjects and kinds are shared). See docs/performance-history.md.
 *
 * Line formats (`|` separates; the subject is length-prefixed, so any character may occur in it):
 *   grade: `student|yyyy-mm-dd K F value|len|subject` (no spaces) — K the kind's code
 *          (`GRADE_KIND_CODES`), F = 2 × in_average + is_conduct, value empty when null;
 *   event: `student|yyyy-mm-dd K J hours|D` — K the kind's code (`EVENT_KIND_CODES`), J justified
 *          (0/1), D `-` for no deroga or `len|deroga`.
 * Rows are in the database's order (no sort in SQL); the parser puts each student's rows in the
 * canonical order (date, subject, kind). Anything unexpected (a value SQLite may have printed
 * with lost digits, a malformed date) throws `StreamFormatError`: the caller then reads the school
 * row by row, the slow exact way. A kind without a code throws `UnknownKindError` instead, which
 * nothing catches: the engine has no rule for it, so no reader may pass it on.
 */

export class StreamFormatError extends Error {}

/** A grade or event kind the codes below do not name (a migration added it and this file was not updated). */
export class UnknownKindError extends Error {}

/**
 * One letter per kind, written by the SQL (`kindCode`) and read back by the parser. Every kind of
 * the schema must have one (the types check it); one that has none comes out as `?`. The letters
 * are those the texts have always carried (each name's 4th letter), so the stored input hashes,
 * which read the texts, stay valid.
 */
export const GRADE_KIND_CODES = { orale: 'l', pratico: 't', scritto: 'i', scrutinio: 'u' } as const satisfies Record<
  GradeKind,
  string
>;
export const EVENT_KIND_CODES = {
  assenza: 'e',
  entrata_posticipata: 'r',
  uscita_anticipata: 'i',
} as const satisfies Record<AttendanceKind, string>;
const UNKNOWN_CODE = '?';

/** `case kind when … then … else '?' end`: the kinds and codes are the constants above, never input. */
const kindCode = (codes: Record<string, string>) =>
  sql.raw(
    `case kind ${Object.entries(codes)
      .map(([kind, code]) => `when '${kind}' then '${code}'`)
      .join(' ')} else '${UNKNOWN_CODE}' end`,
  );

/** Char code of a letter → the kind it stands for. */
const decoder = <K extends string>(codes: Record<K, string>) =>
  new Map(Object.entries<string>(codes).map(([kind, code]) => [code.charCodeAt(0), kind as K]));
const GRADE_KINDS = decoder(GRADE_KIND_CODES);
const EVENT_KINDS = decoder(EVENT_KIND_CODES);

export interface StudentRows {
  /** Counted and conduct grades (the only ones an indicator reads), canonical order. */
  grades: GradeEntry[];
  events: AttendanceEvent[];
  /**
   * [start, end) ranges of this student's consecutive lines in the grade and event texts, each
   * without its last line's newline (so a range reads the same wherever it falls): hashed as read.
   */
  gradeRuns: number[];
  eventRuns: number[];
  /** The grades' digest, once computed from `grades` or read from the store (load-recompute-data.ts). */
  digest?: GradeDigest;
}

/** The student's rows, added empty when the student has none yet. */
export function studentRows(byStudent: Map<number, StudentRows>, studentId: number): StudentRows {
  let rows = byStudent.get(studentId);
  if (!rows) byStudent.set(studentId, (rows = { grades: [], events: [], gradeRuns: [], eventRuns: [] }));
  return rows;
}

export interface SchoolStreams {
  gradeText: string;
  eventText: string;
  byStudent: Map<number, StudentRows>;
  /** The latest date of any grade or event (null without rows): the data's "today". */
  latestDate: string | null;
  /** The latest date of any grade (null without grades). */
  latestGrade: string | null;
}

/** `grades: false`: the events only (the grades' digests are read instead, see load-recompute-data.ts). */
export async function readSchoolStreams(
  db: Db,
  classIds: number[],
  terms: { seq: number; startsOn: string }[],
  options: { grades: boolean } = { grades: true },
): Promise<SchoolStreams> {
  const [gradeText, eventText] = await Promise.all([
    options.grades ? queryText(db, gradeSql(db, classIds)) : '',
    queryText(db, eventSql(db, classIds)),
  ]);
  return parseSchoolStreams(gradeText, eventText, terms, { exactNumbers: isPostgres(db) });
}

async function queryText(db: Db, query: ReturnType<typeof sql<{ t: string | null }>>): Promise<string> {
  const { rows } = await query.execute(db);
  return rows[0]?.t ?? '';
}

function gradeSql(db: Db, classIds: number[]) {
  const ids = sql.join(classIds);
  if (isPostgres(db)) {
    // PostgreSQL prints a double with the fewest digits that read back exactly.
    return sql<{
      t: string | null;
    }>`select string_agg(student_id::text || '|' || date || ${kindCode(GRADE_KIND_CODES)} || (in_average * 2 + is_conduct)::text
      || coalesce(value::text, '') || '|' || length(subject)::text || '|' || subject, chr(10) order by id) as t from grade where class_id in (${ids})`;
  }
  // No ORDER BY: the index on class_id already gives a stable order, and a sort costs more than
  // the parser's per-student one.
  return sql<{
    t: string | null;
  }>`select group_concat(student_id || '|' || date || ${kindCode(GRADE_KIND_CODES)} || (in_average * 2 + is_conduct)
    || coalesce(value, '') || '|' || length(subject) || '|' || subject, char(10)) as t from grade where class_id in (${ids})`;
}

function eventSql(db: Db, classIds: number[]) {
  const ids = sql.join(classIds);
  if (isPostgres(db)) {
    return sql<{
      t: string | null;
    }>`select string_agg(student_id::text || '|' || date || ${kindCode(EVENT_KIND_CODES)} || justified::text || hours::text || '|'
      || coalesce(length(deroga)::text || '|' || deroga, '-'), chr(10) order by student_id, date, kind) as t from attendance_event
      where ${studentsOfClassesSql(classIds)} and class_id in (${ids})`;
  }
  return sql<{
    t: string | null;
  }>`select group_concat(student_id || '|' || date || ${kindCode(EVENT_KIND_CODES)} || justified || hours || '|'
    || coalesce(length(deroga) || '|' || deroga, '-'), char(10)) as t from attendance_event
    where ${studentsOfClassesSql(classIds)} and class_id in (${ids})`;
}

/**
 * Pure: the two texts of `readSchoolStreams` into rows by student. `exactNumbers`: the texts come
 * from PostgreSQL, whose numbers read back exactly at any length (SQLite's may not, see `number`).
 */
export function parseSchoolStreams(
  gradeText: string,
  eventText: string,
  terms: { seq: number; startsOn: string }[],
  options: { exactNumbers: boolean },
): SchoolStreams {
  const byStudent = new Map<number, StudentRows>();
  const rowsOf = (id: number) => studentRows(byStudent, id);
  const p = new Cursor(options.exactNumbers);
  // Per distinct date (a few hundred): its day number, its one string, its term.
  const days = new Map<number, { day: number; iso: string; termSeq: number }>();
  const dayOf = (yyyymmdd: number) => {
    let d = days.get(yyyymmdd);
    if (d === undefined) {
      const day = dayFromDigits(yyyymmdd);
      const iso = fromDayNumber(day);
      days.set(yyyymmdd, (d = { day, iso, termSeq: termSeqOf(terms, iso) }));
    }
    return d;
  };
  const subjects = new Interner();
  const deroghe = new Interner();
  let latest = -Infinity;

  p.start(gradeText);
  let last: StudentRows | undefined;
  let lastId = -1;
  while (!p.done()) {
    const lineStart = p.i;
    const id = p.integer(124);
    const date = dayOf(p.date());
    const kind = kindOf(GRADE_KINDS, p.char(), 'voto');
    const flags = p.char() - 48;
    const value = p.number(124);
    const subject = subjects.take(p, p.integer(124));
    const lineEnd = p.i;
    p.endOfLine();
    if (flags < 0 || flags > 3) throw new StreamFormatError('voto: indicatori non riconosciuti');
    if (date.day > latest) latest = date.day;
    if (id !== lastId) {
      last = rowsOf(id);
      lastId = id;
      last.gradeRuns.push(lineStart, lineEnd);
    } else last!.gradeRuns[last!.gradeRuns.length - 1] = lineEnd;
    const inAverage = (flags & 2) !== 0;
    const isConduct = (flags & 1) !== 0;
    if (value === null || (!inAverage && !isConduct)) continue; // NC and judgements: no indicator reads them
    last!.grades.push({ date: date.iso, subject, value, inAverage, isConduct, termSeq: date.termSeq, kind });
  }
  const latestGrade = latest;

  p.start(eventText);
  lastId = -1;
  while (!p.done()) {
    const lineStart = p.i;
    const id = p.integer(124);
    const date = dayOf(p.date());
    const kind = kindOf(EVENT_KINDS, p.char(), 'evento');
    const justified = p.char() - 48;
    const hours = p.number(124);
    let deroga: string | null = null;
    if (p.peek() === 45 /* - */) p.char();
    else deroga = deroghe.take(p, p.integer(124));
    const lineEnd = p.i;
    p.endOfLine();
    if (hours === null || (justified !== 0 && justified !== 1))
      throw new StreamFormatError('evento: ore o giustificazione non riconosciute');
    if (date.day > latest) latest = date.day;
    if (id !== lastId) {
      last = rowsOf(id);
      lastId = id;
      last.eventRuns.push(lineStart, lineEnd);
    } else last!.eventRuns[last!.eventRuns.length - 1] = lineEnd;
    last!.events.push({ date: date.iso, kind, hours, justified: justified === 1, deroga });
  }

  for (const rows of byStudent.values()) {
    sortNearlySorted(rows.grades, compareGrades);
    sortNearlySorted(rows.events, compareEvents);
  }
  const dateOf = (day: number) => (day === -Infinity ? null : fromDayNumber(day));
  return { gradeText, eventText, byStudent, latestDate: dateOf(latest), latestGrade: dateOf(latestGrade) };
}

/**
 * The kind a code stands for. `?`: the database holds a kind without a code (`UnknownKindError`);
 * any other letter is a malformed text (`StreamFormatError`).
 */
function kindOf<K>(kinds: Map<number, K>, code: number, what: string): K {
  const kind = kinds.get(code);
  if (kind !== undefined) return kind;
  if (code === UNKNOWN_CODE.charCodeAt(0))
    throw new UnknownKindError(`${what} di un tipo senza codice in school-streams.ts: il ricalcolo non sa leggerlo`);
  throw new StreamFormatError(`${what}: tipo non riconosciuto`);
}

// The order the row-by-row reader asks SQL for (ORDER BY date, subject, kind): JS compares UTF-16
// code units, SQLite's BINARY collation bytes of UTF-8; the two agree on every name without
// characters beyond U+FFFF.
const compareGrades = (a: GradeEntry, b: GradeEntry): number =>
  a.date !== b.date
    ? a.date < b.date
      ? -1
      : 1
    : a.subject !== b.subject
      ? a.subject < b.subject
        ? -1
        : 1
      : a.kind === b.kind
        ? 0
        : a.kind! < b.kind!
          ? -1
          : 1;
const compareEvents = (a: AttendanceEvent, b: AttendanceEvent): number =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1;

/**
 * Sorts in place. Registers export rows mostly in order (by date, say, but not by subject within
 * a day): insertion sort then costs a comparison or two per row. Data far from sorted falls back
 * to the built-in sort after a bounded number of moves. Both are stable.
 */
function sortNearlySorted<T>(list: T[], compare: (a: T, b: T) => number): void {
  let budget = 4 * list.length;
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, item) > 0) {
      if (--budget < 0) {
        list[j + 1] = item;
        list.sort(compare);
        return;
      }
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
}

/** Reads the texts without making strings: numbers from char codes, names through an interner. */
class Cursor {
  s = '';
  i = 0;

  constructor(private readonly exactNumbers: boolean) {}

  start(s: string): void {
    this.s = s;
    this.i = 0;
  }

  done(): boolean {
    return this.i >= this.s.length;
  }

  peek(): number {
    return this.s.charCodeAt(this.i);
  }

  char(): number {
    return this.s.charCodeAt(this.i++);
  }

  /** Digits up to `end` (a char code), which is skipped. */
  integer(end: number): number {
    let n = 0;
    let digits = 0;
    for (let c = this.char(); c !== end; c = this.char(), digits++) {
      if (c < 48 || c > 57 || digits > 15) throw new StreamFormatError('numero intero non valido');
      n = n * 10 + (c - 48);
    }
    if (digits === 0) throw new StreamFormatError('numero intero mancante');
    return n;
  }

  /**
   * A decimal up to `end` (skipped); null when empty. Exactly the double the database holds:
   * an integer of at most 14 digits over a power of ten is one correctly rounded division, the
   * same as parsing the text. SQLite prints at most 15 significant digits, so a 15-digit text
   * may have lost some: refused, and the school is read the exact way.
   */
  number(end: number): number | null {
    const from = this.i;
    let c = this.char();
    if (c === end) return null;
    const negative = c === 45;
    if (negative) c = this.char();
    let n = 0;
    let digits = 0;
    let decimals = -1;
    for (; c !== end; c = this.char()) {
      if (c === 46 && decimals < 0) decimals = 0;
      else if (c >= 48 && c <= 57) {
        if (digits > 0 || c !== 48) digits++;
        n = n * 10 + (c - 48);
        if (decimals >= 0) decimals++;
      } else if (Number.isNaN(c)) throw new StreamFormatError('testo troncato');
      else return this.fallbackNumber(from, end); // exponent or anything else unusual
    }
    if (digits > 14 || decimals > 22) return this.fallbackNumber(from, end);
    const value = decimals > 0 ? n / 10 ** decimals : n;
    return negative ? -value : value;
  }

  private fallbackNumber(from: number, end: number): number {
    const stop = this.s.indexOf(String.fromCharCode(end), from);
    const text = this.s.slice(from, stop);
    // Only PostgreSQL's texts are exact at any length (see `number`).
    if (stop < 0 || !/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text) || !this.exactNumbers)
      throw new StreamFormatError(`valore non leggibile esattamente: ${text}`);
    this.i = stop + 1;
    return Number(text);
  }

  /** `yyyy-mm-dd` as the number yyyymmdd, checked to be digits and dashes (`dayFromDigits` checks the rest). */
  date(): number {
    const s = this.s;
    const i = this.i;
    let n = 0;
    for (let k = 0; k < 10; k++) {
      const c = s.charCodeAt(i + k);
      if (k === 4 || k === 7) {
        if (c !== 45) throw new StreamFormatError('data non valida');
      } else if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
      else throw new StreamFormatError('data non valida');
    }
    this.i = i + 10;
    return n;
  }

  endOfLine(): void {
    if (this.i < this.s.length && this.char() !== 10) throw new StreamFormatError('riga non terminata');
  }
}

/**
 * One string per distinct name, found in place (no substring): among the names of the same
 * length, the one the text starts with at the cursor. A school has a few dozen subjects.
 */
class Interner {
  private byLength: string[][] = [];

  take(p: Cursor, length: number): string {
    const { s, i } = p;
    if (i + length > s.length) throw new StreamFormatError('nome troncato');
    p.i = i + length;
    let list = this.byLength[length];
    if (list === undefined) this.byLength[length] = list = [];
    for (const name of list) if (s.startsWith(name, i)) return name;
    const name = s.slice(i, i + length);
    list.push(name);
    return name;
  }
}

/** yyyymmdd as whole days since 1970-01-01; StreamFormatError if it is not a real date. */
function dayFromDigits(yyyymmdd: number): number {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new StreamFormatError('data non valida');
  return civilDayNumber(y, m, d);
}
