import { queryOptions, useQuery } from '@tanstack/react-query';
import { Caseload } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';

export const getCaseload = (signal?: AbortSignal) => api.get('/caseload', Caseload, { signal });

export const caseloadQueryOptions = () =>
  queryOptions({ queryKey: ['caseload'], queryFn: ({ signal }) => getCaseload(signal) });

export const useCaseload = () => useQuery(caseloadQueryOptions());
