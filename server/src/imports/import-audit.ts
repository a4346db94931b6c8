import type { ImportTransfer } from '@primm/shared/contracts/imports';
import type { ImportSummary } from './import-paths';

/** What the audit log keeps of an import: the schools by code and id, the counts, the transfers with their students. */
export function auditDetails(summary: ImportSummary): Record<string, unknown> {
  return {
    schools: summary.schoolsImported.map(({ code, id }) => ({ code, id })),
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    transfers: summary.transfers.map(({ file, line, status, school, studentId }) => ({
      file,
      line,
      status,
      school: school.code,
      studentId,
    })),
  };
}

/**
 * The students an import wrote, or in a preview read, plus those its answer places in another
 * school (a conflict tells the uploader where that codice fiscale is enrolled) and those it names
 * as missing from a new studenti.csv: ascending.
 */
export function studentsNamed(summary: ImportSummary): number[] {
  return [
    ...new Set([...summary.studentIds, ...summary.transfers.map((t) => t.studentId), ...summary.missingStudentIds]),
  ].sort((a, b) => a - b);
}

/** A transfer as the uploader sees it: the line and the other school, not the student's id. */
export function publicTransfer({ file, line, status, school }: ImportSummary['transfers'][number]): ImportTransfer {
  return { file, line, status, school };
}
