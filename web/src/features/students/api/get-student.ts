import { queryOptions, useQuery } from '@tanstack/react-query';
import { StudentDetail } from '@primm/shared/contracts/students';
import { api } from '../../../lib/api-client';

export const getStudent = (id: number, signal?: AbortSignal) => api.get(`/students/${id}`, StudentDetail, { signal });

export const studentQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['students', id], queryFn: ({ signal }) => getStudent(id, signal) });

export const useStudent = (id: number) => useQuery(studentQueryOptions(id));
