import { queryOptions, useQuery } from '@tanstack/react-query';
import { StudentCompulsory } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';

export const getStudentCompulsory = (id: number, signal?: AbortSignal) =>
  api.get(`/students/${id}/compulsory`, StudentCompulsory, { signal });

export const studentCompulsoryQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['students', id, 'compulsory'],
    queryFn: ({ signal }) => getStudentCompulsory(id, signal),
    // A legal deadline (art. 114): re-read whenever the panel mounts, another colleague may have acted.
    staleTime: 0,
  });

export const useStudentCompulsory = (id: number) => useQuery(studentCompulsoryQueryOptions(id));
