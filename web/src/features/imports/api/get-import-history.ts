import { queryOptions, useQuery } from '@tanstack/react-query';
import { ImportHistory } from '@primm/shared/contracts/imports';
import { api } from '../../../lib/api-client';

export const getImportHistory = (signal?: AbortSignal) => api.get('/imports', ImportHistory, { signal });

export const importHistoryQueryOptions = () =>
  queryOptions({ queryKey: ['imports', 'history'], queryFn: ({ signal }) => getImportHistory(signal) });

export const useImportHistory = () => useQuery(importHistoryQueryOptions());
