import type { ImportFileSummary, ImportTransfer } from '@primm/shared/contracts/imports';
import type { ImportIssue } from './import-context';
import { publicTransfer } from './import-audit';
import type { ImportSummary } from './import-paths';

/**
 * What the inbox writes beside a folder it moved (`<folder>.json`): what the web's commit answers,
 * for the school's own server to read. No student ids and no names of matched or missing
 * students: the file sits on an SFTP share, not behind the app's permissions.
 */
export interface InboxReport {
  batchId: number | null;
  schools: { code: string; name: string }[];
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  transfers: ImportTransfer[];
  fileSummaries: ImportFileSummary[];
  nothingImported: string | null;
}

export interface InboxResult {
  folder: string;
  status: 'done' | 'failed';
  startedAt: string;
  /** Why it went to failed/; null when done. */
  reason: string | null;
  /** Null when the import did not run or was rolled back (nothing written). */
  summary: InboxReport | null;
}

/** The first rejected rows the text lists; the JSON has up to 200. */
const TEXT_ERRORS = 20;

export function inboxReport(summary: ImportSummary): InboxReport {
  return {
    batchId: summary.batchId,
    schools: summary.schoolsImported.map(({ code, name }) => ({ code, name })),
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    errors: summary.errors.slice(0, 200),
    warnings: summary.warnings,
    transfers: summary.transfers.map(publicTransfer),
    fileSummaries: summary.fileSummaries,
    nothingImported: summary.nothingImported,
  };
}

/** The short Italian text beside the folder (`<folder>.txt`), for whoever looks at the share. */
export function describeInboxResult(result: InboxResult): string {
  const s = result.summary;
  const lines =
    result.status === 'done'
      ? [`Cartella ${result.folder} importata (importazione n. ${s?.batchId ?? '?'}, iniziata ${result.startedAt}).`]
      : [
          `Cartella ${result.folder} NON importata (iniziata ${result.startedAt}): nulla è stato scritto.`,
          `Motivo: ${result.reason}`,
        ];
  if (s && (result.status === 'done' || s.inserted + s.updated + s.unchanged + s.rejected > 0)) {
    if (s.schools.length > 0) lines.push(`Scuola: ${s.schools.map((x) => `${x.code} ${x.name}`).join(', ')}`);
    lines.push(
      `Righe: ${s.inserted} nuove, ${s.updated} aggiornate, ${s.unchanged} invariate, ${s.rejected} scartate.`,
    );
    for (const w of s.warnings) lines.push(`Avviso: ${issueText(w)}`);
    if (s.errors.length > 0) {
      lines.push(`Righe scartate${s.rejected > TEXT_ERRORS ? ` (le prime ${TEXT_ERRORS})` : ''}:`);
      for (const e of s.errors.slice(0, TEXT_ERRORS)) lines.push(`  ${issueText(e)}`);
    }
  }
  return lines.join('\n');
}

function issueText(i: ImportIssue): string {
  const where = [i.file, i.line > 0 ? `riga ${i.line}` : '', i.column ? `colonna ${i.column}` : '']
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${i.message}` : i.message;
}
