import { queryOptions, useQuery } from '@tanstack/react-query';
import { ClassDetail } from '@primm/shared/contracts/classes';
import { api } from '../../../lib/api-client';

export const getClass = (id: number, signal?: AbortSignal) => api.get(`/classes/${id}`, ClassDetail, { signal });

export const classQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['classes', id], queryFn: ({ signal }) => getClass(id, signal) });

export const useClass = (id: number) => useQuery(classQueryOptions(id));
