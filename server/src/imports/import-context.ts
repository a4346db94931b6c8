import type { MissingStudents } from '@primm/shared/contracts/imports';
import type { Db } from '../db/open-database';
import type { FileStats } from './file-stats';
import type { ImportScope } from './import-scope';

export interface ImportIssue {
  file: string;
  line: number;
  column: string;
  message: string;
}

export type RowChange = 'inserted' | 'updated' | 'unchanged';

/** How a student written by name and birth date (per-class grade exports) was found, or not. */
export interface StudentMatch {
  file: string;
  written: string;
  studentId: number | null;
  status: 'matched' | 'ambiguous' | 'not_found';
}

/** A row that enrols a student another school has (or had) enrolled (transfer-rule.ts). */
export interface TransferNote {
  file: string;
  line: number;
  status: 'accepted' | 'conflict' | 'confirmed';
  school: { code: string; name: string };
  /** For the audit log only; the preview names the line, not the student. */
  studentId: number;
}

/** A school the import writes (or, in a preview, would write), for the preview and the audit. */
export interface ImportedSchool {
  id: number;
  code: string;
  name: string;
  /** false: the import creates it */
  known: boolean;
}

/** What one import run carries through every file: the transaction, the key, the tallies. */
export interface ImportContext {
  trx: Db;
  pseudonymKey: string;
  batchId: number | null;
  now: string;
  /** The schools this run may write (import-scope.ts). */
  scope: ImportScope;
  /** code → school written by this run */
  schools: Map<string, ImportedSchool>;
  /** Take a new enrolment of a student another school still holds (the admin's confirmation). */
  confirmTransfers: boolean;
  /** Rows enrolling a student known to another school (at most MAX_MATCHES). */
  transfers: TransferNote[];
  /** Students whose rows this run wrote (studenti.csv, per-class grade exports), for the audit. */
  studentsWritten: Set<number>;
  /** Of those, the ones this run created (in a preview their ids are rolled back). */
  studentsCreated: Set<number>;
  counts: Record<RowChange | 'rejected', number>;
  issues: ImportIssue[];
  /** One line per student name written in a file without codici fiscali (at most MAX_MATCHES). */
  matches: StudentMatch[];
  /** Notes for the preview about the whole file rather than one row (defaults taken, data absent). */
  notes: ImportIssue[];
  /** pseudonym → student id of every student in the database, loaded on first need (load-students). */
  studentIds?: Map<string, number>;
  /** Per file read: counts, dates, changes (file-stats.ts). */
  files: Map<string, FileStats>;
  /** The file being read: tallies and rejections count towards it too. */
  currentFile?: FileStats;
  /** The line of the current file being handled, for the writers that note changes later. */
  currentLine: number;
  /**
   * Find the changed columns of event rows too (BulkUpsert): a read of the stored rows before each
   * chunk is written, worth it in a preview (the reasons of its updates), not in a commit.
   */
  explainEvents: boolean;
  /** Students the school holds that a new studenti.csv leaves out, per file (load-students). */
  missingStudents: MissingStudents[];
  /** Ids of those students: the preview names them, so the audit line does too. */
  missingStudentIds: number[];
}

/** Errors kept in full per run; beyond this only the rejected count grows. */
export const MAX_ISSUES = 500;
export const MAX_MATCHES = 500;

export function createContext(
  trx: Db,
  pseudonymKey: string,
  batchId: number | null,
  now: string,
  options: { scope?: ImportScope; confirmTransfers?: boolean; explainEvents?: boolean } = {},
): ImportContext {
  const scope = options.scope ?? 'all';
  return {
    trx,
    pseudonymKey,
    batchId,
    now,
    scope,
    schools: new Map(),
    // Only a scope of every school may confirm: a referent's import never takes another's student.
    confirmTransfers: scope === 'all' && (options.confirmTransfers ?? true),
    transfers: [],
    studentsWritten: new Set(),
    studentsCreated: new Set(),
    counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
    issues: [],
    matches: [],
    notes: [],
    files: new Map(),
    currentLine: 0,
    explainEvents: options.explainEvents ?? false,
    missingStudents: [],
    missingStudentIds: [],
  };
}

/** A row that cannot be taken: counted, reported with file, line, column and an Italian reason. */
export function reject(ctx: ImportContext, issue: ImportIssue): void {
  ctx.counts.rejected += 1;
  const stats = ctx.files.get(issue.file) ?? ctx.currentFile;
  if (stats) stats.counts.rejected += 1;
  if (ctx.issues.length < MAX_ISSUES) ctx.issues.push(issue);
}

export function tally(ctx: ImportContext, change: RowChange, n = 1): void {
  ctx.counts[change] += n;
  if (ctx.currentFile) ctx.currentFile.counts[change] += n;
}

/** The combined change of a CSV row that wrote several rows (e.g. a student and an enrolment). */
export function combine(...changes: RowChange[]): RowChange {
  if (changes.includes('inserted')) return 'inserted';
  if (changes.includes('updated')) return 'updated';
  return 'unchanged';
}
