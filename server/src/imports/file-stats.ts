import type { ImportFileKind, ImportFileSummary } from '@primm/shared/contracts/imports';
import type { ImportContext, RowChange } from './import-context';
import type { Row } from './sync-rows';

/** Rows whose changes are shown in full per file; the columns changed are counted on every row. */
export const MAX_SAMPLES = 5;

/** One changed value of a row: the column as the file names it, and both values as the file writes them. */
export interface FieldChange {
  column: string;
  from: string | null;
  to: string | null;
  /** false: the value is not shown (a student the school does not hold yet, a derived id). */
  shown: boolean;
}

/** What one file of an import did, for the preview's breakdown and the reasons of its updates. */
export interface FileStats {
  file: string;
  kind: ImportFileKind;
  counts: Record<RowChange | 'rejected', number>;
  dateFrom: string | null;
  dateTo: string | null;
  changedColumns: Map<string, number>;
  samples: { line: number; changes: FieldChange[] }[];
  /** Data rows read (the header excluded). */
  read: number;
  /** Rows read and left aside on purpose (another region, a teacher, `tobedeleted`), by reason. */
  skipped: Map<string, number>;
}

/** `ANIS01600V/assenze.csv` → `assenze`; a per-class grade export → `voti-classe`; else `altro`. */
export function fileKindOf(fileName: string): ImportFileKind {
  const name = fileName.toLowerCase();
  const plain: Record<string, ImportFileKind> = {
    'scuola.csv': 'scuola',
    'calendario.csv': 'calendario',
    'classi.csv': 'classi',
    'studenti.csv': 'studenti',
    'assenze.csv': 'assenze',
    'voti.csv': 'voti',
    'esiti.csv': 'esiti',
  };
  if (plain[name]) return plain[name];
  if (/^voti-[0-9][a-z0-9]*-.+\.csv$/.test(name)) return 'voti-classe';
  return 'altro';
}

/** The file the loaders read from now on: its counts, dates and changes are kept apart. */
export function openFileStats(ctx: ImportContext, file: string, fileName: string): FileStats {
  const stats = fileStatsOf(ctx, file, fileName);
  ctx.currentFile = stats;
  return stats;
}

/** A file's stats without making it the current one (a OneRoster file read before the conversion). */
export function fileStatsOf(ctx: ImportContext, file: string, fileName = file.split('/').pop() ?? file): FileStats {
  let stats = ctx.files.get(file);
  if (!stats) {
    stats = {
      file,
      kind: fileKindOf(fileName),
      counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
      dateFrom: null,
      dateTo: null,
      changedColumns: new Map(),
      samples: [],
      read: 0,
      skipped: new Map(),
    };
    ctx.files.set(file, stats);
  }
  return stats;
}

/** Rows of a file left aside on purpose: counted by reason, so an import that takes nothing says why. */
export function noteSkip(stats: FileStats, reason: string, rows = 1): void {
  if (rows > 0) stats.skipped.set(reason, (stats.skipped.get(reason) ?? 0) + rows);
}

/** A date the current file covers (an event's day, an entry date, a calendar period). */
export function noteDate(ctx: ImportContext, iso: string): void {
  const stats = ctx.currentFile;
  if (!stats) return;
  if (stats.dateFrom === null || iso < stats.dateFrom) stats.dateFrom = iso;
  if (stats.dateTo === null || iso > stats.dateTo) stats.dateTo = iso;
}

/**
 * The reason of one update: which columns changed on which line. Every change counts towards its
 * column; the first MAX_SAMPLES lines of a file keep their values, old → new, so an update of a
 * file believed unchanged can be traced to its cause.
 */
export function noteUpdate(ctx: ImportContext, line: number, changes: FieldChange[]): void {
  const stats = ctx.currentFile;
  if (!stats || changes.length === 0) return;
  for (const c of changes) stats.changedColumns.set(c.column, (stats.changedColumns.get(c.column) ?? 0) + 1);
  if (stats.samples.length < MAX_SAMPLES) stats.samples.push({ line, changes });
}

/** How a table's column is named in the files and how its stored value is written there. */
interface ColumnLabel {
  column: string;
  format?: (value: unknown) => string;
  /** An id or a derived value: the column is named, its values are not shown. */
  hidden?: boolean;
}

const italianDate = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`
    : String(v);
const yesNo = (v: unknown) => (Number(v) === 1 ? 'S' : 'N');
const decimal = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : String(v));

/** Stored columns that a file row writes, by table, named as the files name them (docs/data-format.md). */
const LABELS: Record<string, Record<string, ColumnLabel>> = {
  attendance_event: {
    class_id: { column: 'Classe (alla data)', hidden: true },
    hours: { column: 'Ore', format: decimal },
    justified: { column: 'Giustificata', format: yesNo },
    deroga: { column: 'Deroga' },
    deroga_decided_on: { column: 'Data delibera deroga', format: italianDate },
  },
  grade: {
    class_id: { column: 'Classe (alla data)', hidden: true },
    raw: { column: 'Voto' },
    value: { column: 'Voto (valore numerico)', format: decimal },
    in_average: { column: 'Tipo (in media)', format: yesNo },
    judgement: { column: 'Voto (giudizio)' },
  },
  enrolment: {
    left_on: { column: 'Data uscita', format: italianDate },
    exit_reason: { column: 'Motivo uscita', format: (v) => String(v).replace('_', ' ') },
  },
  outcome: {
    school_id: { column: 'Scuola', hidden: true },
    grade_level: { column: 'Anno di corso' },
    result: { column: 'Esito', format: (v) => String(v).replace('_', ' ') },
    failed_subjects: { column: 'Materie insufficienti', format: (v) => (JSON.parse(String(v)) as string[]).join(', ') },
  },
  student: {
    last_name: { column: 'Cognome' },
    first_name: { column: 'Nome' },
    sex: { column: 'Sesso' },
    birth_date: { column: 'Data di nascita', format: italianDate },
    birthplace: { column: 'Luogo di nascita' },
    citizenship: { column: 'Cittadinanza' },
    born_in_italy: { column: 'Nato in Italia', format: yesNo },
    arrival_date: { column: 'Data arrivo in Italia', format: italianDate },
    l2_level: { column: 'Livello italiano L2' },
    residence_istat: { column: 'Comune di residenza' },
  },
  class: {
    grade_level: { column: 'Anno di corso' },
    track: { column: 'Indirizzo' },
    timetable: { column: 'Orario' },
    weekly_hours: { column: 'Orario (ore settimanali)' },
    annual_hours: { column: 'Monte ore annuo', format: decimal },
  },
  school: {
    name: { column: 'Denominazione' },
    institute_code: { column: 'Codice istituto' },
    institute_name: { column: 'Denominazione istituto' },
    province_code: { column: 'Provincia' },
    municipality_istat: { column: 'Codice catastale comune', hidden: true },
    municipality_name: { column: 'Comune' },
    cadastral_code: { column: 'Codice catastale comune' },
    kind: { column: 'Tipologia' },
    level: { column: 'Grado', format: (v) => String(v).replace('_', ' ') },
    address: { column: 'Indirizzo stradale' },
    paritaria: { column: 'Paritaria', format: yesNo },
  },
  school_calendar: {
    lessons_start: { column: 'Dal (lezioni)', format: italianDate },
    lessons_end: { column: 'Al (lezioni)', format: italianDate },
  },
  term: {
    name: { column: 'Descrizione (periodo)' },
    starts_on: { column: 'Dal (periodo)', format: italianDate },
    ends_on: { column: 'Al (periodo)', format: italianDate },
  },
  school_closure: {
    ends_on: { column: 'Al (sospensione)', format: italianDate },
    reason: { column: 'Descrizione (sospensione)' },
  },
};

/**
 * The changes between a stored row and the row a file line writes, in the file's terms. `shown`
 * false hides the values (the column is still named): personal data of a student the school does
 * not hold yet is not shown to it before the import makes the student theirs.
 */
export function describeChanges(
  table: string,
  columns: readonly string[],
  before: Row,
  after: Row,
  shown = true,
): FieldChange[] {
  const labels = LABELS[table] ?? {};
  const out: FieldChange[] = [];
  for (const c of columns) {
    const label = labels[c] ?? { column: c };
    const visible = shown && !label.hidden;
    const write = (v: unknown) => (v === null || v === undefined || v === '' ? null : (label.format ?? String)(v));
    out.push({
      column: label.column,
      from: visible ? write(before[c]) : null,
      to: visible ? write(after[c]) : null,
      shown: visible,
    });
  }
  return out;
}

/** The per-file breakdown as the API sends it: columns by how many rows changed them, most first. */
export function fileSummaries(ctx: ImportContext): ImportFileSummary[] {
  return [...ctx.files.values()].map((s) => ({
    file: s.file,
    kind: s.kind,
    ...s.counts,
    dateFrom: s.dateFrom,
    dateTo: s.dateTo,
    changedColumns: [...s.changedColumns]
      .map(([column, rows]) => ({ column, rows }))
      .sort((a, b) => b.rows - a.rows || a.column.localeCompare(b.column)),
    samples: s.samples,
    read: s.read,
    skipped: [...s.skipped].map(([reason, rows]) => ({ reason, rows })),
  }));
}
