import type { QueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '@primm/shared/contracts/cases';
import { caseArchiveKey } from './get-case-archive';
import { caseQueryOptions } from './get-case';
import { caseloadQueryOptions } from './get-caseload';
import { studentCasesQueryOptions } from './get-student-cases';

/**
 * After any write on a case: its detail is the answer itself; the caseload and the student's
 * timeline list it (status, next follow-up, overdue), the archive lists it once closed, and the
 * effect depends on the first action.
 */
export async function refreshCase(queryClient: QueryClient, detail: Pick<CaseDetail, 'id' | 'student'>): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseQueryOptions(detail.id).queryKey }),
    queryClient.invalidateQueries({ queryKey: caseloadQueryOptions().queryKey }),
    queryClient.invalidateQueries({ queryKey: studentCasesQueryOptions(detail.student.id).queryKey }),
    queryClient.invalidateQueries({ queryKey: caseArchiveKey }),
  ]);
}
