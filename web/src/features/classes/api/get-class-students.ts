import { queryOptions, useQuery } from '@tanstack/react-query';
import { ClassStudentList } from '@primm/shared/contracts/classes';
import { api } from '../../../lib/api-client';

export const getClassStudents = (id: number, signal?: AbortSignal) =>
  api.get(`/classes/${id}/students`, ClassStudentList, { signal });

export const classStudentsQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['classes', id, 'students'], queryFn: ({ signal }) => getClassStudents(id, signal) });

export const useClassStudents = (id: number) => useQuery(classStudentsQueryOptions(id));
