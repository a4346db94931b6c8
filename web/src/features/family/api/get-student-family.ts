import { queryOptions, useQuery } from '@tanstack/react-query';
import { StudentFamily } from '@primm/shared/contracts/family';
import { api } from '../../../lib/api-client';

export const getStudentFamily = (studentId: number, signal?: AbortSignal) =>
  api.get(`/students/${studentId}/family`, StudentFamily, { signal });

export const studentFamilyQueryOptions = (studentId: number) =>
  queryOptions({
    queryKey: ['students', studentId, 'family'],
    queryFn: ({ signal }) => getStudentFamily(studentId, signal),
  });

export const useStudentFamily = (studentId: number) => useQuery(studentFamilyQueryOptions(studentId));
