import { queryOptions, useQuery } from '@tanstack/react-query';
import { CaseDetail } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';

export const getCase = (id: number, signal?: AbortSignal) => api.get(`/cases/${id}`, CaseDetail, { signal });

export const caseQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['cases', id], queryFn: ({ signal }) => getCase(id, signal) });

export const useCase = (id: number) => useQuery(caseQueryOptions(id));
