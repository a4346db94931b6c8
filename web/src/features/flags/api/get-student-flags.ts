import { queryOptions, useQuery } from '@tanstack/react-query';
import { FlagList } from '@primm/shared/contracts/flags';
import { api } from '../../../lib/api-client';

export const getStudentFlags = (id: number, signal?: AbortSignal) =>
  api.get(`/students/${id}/flags`, FlagList, { signal });

export const studentFlagsQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['students', id, 'flags'], queryFn: ({ signal }) => getStudentFlags(id, signal) });

export const useStudentFlags = (id: number) => useQuery(studentFlagsQueryOptions(id));
