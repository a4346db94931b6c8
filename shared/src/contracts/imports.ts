import { z } from 'zod';

export const ImportIssue = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportCounts = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const UploadedFile = z.object({
  name: z.string(),
  bytes: z.number().int(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  delimiter: z.enum([';', ',', '\t']),
  columns: z.array(z.string()),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

/**
 * A student written by name and birth date (per-class grade exports have no codice fiscale) and
 * the student of the school it matched: `written` is exactly what the file says.
 */
export const StudentMatch = z.object({
  file: z.string(),
  written: z.string(),
  studentId: z.number().int().nullable(),
  status: z.enum(['matched', 'ambiguous', 'not_found']),
});
export type StudentMatch = z.infer<typeof StudentMatch>;

/**
 * A row of studenti.csv that enrols a student another school has (or had) enrolled, found by
 * codice fiscale: `accepted` when that school recorded the exit on or before the entry here,
 * `conflict` when it still holds the student (the row is rejected), `confirmed` when the admin
 * took it all the same. `school` is the other school, by code and name: nothing that school
 * recorded about the student is shown.
 */
export const ImportTransfer = z.object({
  file: z.string(),
  line: z.number().int(),
  status: z.enum(['accepted', 'conflict', 'confirmed']),
  school: z.object({ code: z.string(), name: z.string() }),
});
export type ImportTransfer = z.infer<typeof ImportTransfer>;

/** What a file of an upload is, told by its name (docs/data-format.md). */
export const ImportFileKind = z.enum([
  'scuola',
  'calendario',
  'classi',
  'studenti',
  'assenze',
  'voti',
  'esiti',
  'voti-classe',
  'altro',
]);
export type ImportFileKind = z.infer<typeof ImportFileKind>;

/** One changed value: the column as the files name it, old → new as the files write them. */
export const ImportFieldChange = z.object({
  column: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** false: only the column is named (an id, or personal data of a student the school does not hold yet). */
  shown: z.boolean(),
});
export type ImportFieldChange = z.infer<typeof ImportFieldChange>;

/**
 * What one file does: its rows new / updated / unchanged / rejected, the days it covers (events,
 * entries, calendar periods), and why its rows update — every changed column with how many rows,
 * and the first few rows with their values, old → new.
 */
export const ImportFileSummary = ImportCounts.extend({
  file: z.string(),
  kind: ImportFileKind,
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  changedColumns: z.array(z.object({ column: z.string(), rows: z.number().int() })),
  samples: z.array(z.object({ line: z.number().int(), changes: z.array(ImportFieldChange) })),
  /** Data rows read, the header excluded. */
  read: z.number().int().optional(),
  /** Rows left aside on purpose (another region, a teacher, `tobedeleted`), by reason. */
  skipped: z.array(z.object({ reason: z.string(), rows: z.number().int() })).optional(),
});
export type ImportFileSummary = z.infer<typeof ImportFileSummary>;

/**
 * Students the school holds now (enrolled, no exit date) whom the new studenti.csv does not list:
 * the import keeps them enrolled, so a file of another school or another year would silently add
 * its students to these. At most 200 named; `count` is all of them.
 */
export const MissingStudents = z.object({
  file: z.string(),
  school: z.object({ code: z.string(), name: z.string() }),
  count: z.number().int(),
  students: z.array(z.object({ lastName: z.string(), firstName: z.string(), className: z.string() })),
});
export type MissingStudents = z.infer<typeof MissingStudents>;

/** The commit's body: `confirmTransfers` (admin only) takes the conflicts of the preview. */
export const CommitImportInput = z.object({
  allowPartial: z.boolean().default(true),
  confirmTransfers: z.boolean().default(false),
});
export type CommitImportInput = z.infer<typeof CommitImportInput>;

/** What an upload would change: the preview step, nothing written yet. */
export const ImportPreview = ImportCounts.extend({
  uploadId: z.string(),
  schools: z.array(z.object({ code: z.string(), name: z.string(), known: z.boolean() })),
  files: z.array(UploadedFile),
  errors: z.array(ImportIssue),
  /** Per-class grade exports: how each written student was matched (at most 500). */
  matches: z.array(StudentMatch).optional(),
  /** About whole files, not rows: defaults taken (OneRoster hours), data absent (no attendance). */
  warnings: z.array(ImportIssue).optional(),
  /** Students coming from another school, shown apart (at most 500). */
  transfers: z.array(ImportTransfer).optional(),
  /** The counts file by file, with the reasons of the updates. */
  fileSummaries: z.array(ImportFileSummary),
  missingStudents: z.array(MissingStudents),
  /** Set when no row would be taken: why (rows read, rejected, skipped by reason), in Italian. */
  nothingImported: z.string().nullable().optional(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = ImportCounts.extend({
  batchId: z.number().int(),
  errors: z.array(ImportIssue),
  /** As in the preview, plus a risk recompute that failed after the commit (redone later). */
  warnings: z.array(ImportIssue).optional(),
  transfers: z.array(ImportTransfer).optional(),
  fileSummaries: z.array(ImportFileSummary),
  missingStudents: z.array(MissingStudents),
  /** As in the preview: no row was taken, and why. */
  nothingImported: z.string().nullable().optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportProgress = z.object({
  status: z.enum(['uploaded', 'running', 'committed', 'failed']),
  /** While running: the data of each school ('import'), then, once committed, its risk ('risk'). */
  phase: z.enum(['import', 'risk']).optional(),
  done: z.number().int(),
  total: z.number().int(),
  school: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportBatch = ImportCounts.extend({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** 'inbox': a folder a school dropped in the watched inbox (`PRIMM_INBOX`, issue 24). */
  source: z.enum(['cli', 'web', 'demo', 'inbox']),
  status: z.enum(['running', 'committed', 'failed', 'dry_run']),
  /** The inbox folder it came from; null for the others. */
  inboxFolder: z.string().nullable(),
  userEmail: z.string().nullable(),
  /** The service token that pushed it (issue 24), by name; null for a user's or the command line's. */
  serviceToken: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() })),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportHistory = z.object({ items: z.array(ImportBatch) });
export type ImportHistory = z.infer<typeof ImportHistory>;

/**
 * Limits of one web upload: enough for a big school's year, small enough to refuse abuse. Bytes
 * are counted as they are written, not taken from what a zip's headers claim.
 * - `maxFileBytes`, `maxFiles`: per file; files in all, zip entries included.
 * - `maxUploadBytes`: every file of one upload once unpacked, zips included while on disk. A big
 *   school's year of registers is ≈ 15 MB (≈ 7 KB a student, most of it grades), so 200 MB is a
 *   dozen big schools at once; a whole region goes through the CLI. Without it 400 files of
 *   200 MB, or zips of them, could fill 80 GB from one request.
 * - `maxZipRatio`: past its first `zipRatioFromBytes`, a zip entry may expand to at most this
 *   many times its compressed size. The generator's exports compress 3–10× (measured), a wide
 *   export of mostly empty columns some times more; a zip bomb ≈ 1 000×.
 * - `maxLineChars`: a record of a register is a few hundred characters. A longer line is not a
 *   register export (no line breaks, a quote never closed) and reading it costs memory and time.
 */
export const UPLOAD_LIMITS = {
  maxFileBytes: 200 * 1024 * 1024,
  maxFiles: 400,
  maxUploadBytes: 200 * 1024 * 1024,
  maxZipRatio: 100,
  zipRatioFromBytes: 1024 * 1024,
  maxLineChars: 64 * 1024,
  extensions: ['.csv', '.txt', '.zip'],
} as const;
