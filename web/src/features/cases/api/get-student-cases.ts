import { queryOptions, useQuery } from '@tanstack/react-query';
import { CaseList } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';

export const getStudentCases = (studentId: number, signal?: AbortSignal) =>
  api.get(`/students/${studentId}/cases`, CaseList, { signal });

export const studentCasesQueryOptions = (studentId: number) =>
  queryOptions({
    queryKey: ['students', studentId, 'cases'],
    queryFn: ({ signal }) => getStudentCases(studentId, signal),
  });

export const useStudentCases = (studentId: number) => useQuery(studentCasesQueryOptions(studentId));
