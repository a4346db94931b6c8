import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AbsenceClock, type RecordNoticeInput } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';
import { allDeadlinesQueryKey } from './get-deadlines';
import { studentCompulsoryQueryOptions } from './get-student-compulsory';

export const recordNotice = (studentId: number, input: RecordNoticeInput) =>
  api.post(`/students/${studentId}/compulsory/notice`, input, AbsenceClock);

export function useRecordNotice(studentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordNoticeInput) => recordNotice(studentId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentCompulsoryQueryOptions(studentId).queryKey }),
        queryClient.invalidateQueries({ queryKey: allDeadlinesQueryKey }),
      ]),
  });
}
