import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AbsenceClock, type RecordReportInput } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';
import { allDeadlinesQueryKey } from './get-deadlines';
import { mayorReportQueryOptions } from './get-mayor-report';
import { studentCompulsoryQueryOptions } from './get-student-compulsory';

export const recordReport = (studentId: number, input: RecordReportInput) =>
  api.post(`/students/${studentId}/compulsory/report`, input, AbsenceClock);

export function useRecordReport(studentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordReportInput) => recordReport(studentId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentCompulsoryQueryOptions(studentId).queryKey }),
        queryClient.invalidateQueries({ queryKey: mayorReportQueryOptions(studentId).queryKey }),
        queryClient.invalidateQueries({ queryKey: allDeadlinesQueryKey }),
      ]),
  });
}
