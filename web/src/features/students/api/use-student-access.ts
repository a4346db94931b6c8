import type { StudentDetail } from '@primm/shared/contracts/students';
import { useStudent } from './get-student';

/**
 * What the page may offer on this student, from the detail's `access` (server:
 * http/student-access.ts; docs/privacy.md "Dopo un trasferimento"):
 * - `current`: every panel and form;
 * - `former`: the school or class the student left reads, until `until`, what it had recorded:
 *   no risk level, no compulsory clock (the new school's data, 403), no form (every write, 403);
 * - `unknown` while the detail loads or when it failed: the panels a former reader cannot use
 *   wait, so that they never ask and fail (each refusal is a line in the audit log).
 */
export type StudentAccessView =
  | { kind: 'current'; canWrite: true; showsNewSchoolData: true }
  | { kind: 'former'; canWrite: false; showsNewSchoolData: false; until: string | null }
  | { kind: 'unknown'; canWrite: false; showsNewSchoolData: false };

export function studentAccessView(detail: StudentDetail | undefined): StudentAccessView {
  if (!detail) return { kind: 'unknown', canWrite: false, showsNewSchoolData: false };
  if (detail.access.kind === 'current') return { kind: 'current', canWrite: true, showsNewSchoolData: true };
  return { kind: 'former', canWrite: false, showsNewSchoolData: false, until: detail.access.until };
}

/** The view of the student's detail, the header's own query: no request of its own. */
export const useStudentAccess = (studentId: number): StudentAccessView => studentAccessView(useStudent(studentId).data);
