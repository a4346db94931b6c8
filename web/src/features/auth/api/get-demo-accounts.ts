import { queryOptions, useQuery } from '@tanstack/react-query';
import { DemoAccounts } from '@primm/shared/contracts/auth';
import { api } from '../../../lib/api-client';

export const getDemoAccounts = (signal?: AbortSignal) => api.get('/auth/demo-accounts', DemoAccounts, { signal });

/** The server's mode does not change while it runs. */
export const demoAccountsQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'demo-accounts'],
    queryFn: ({ signal }) => getDemoAccounts(signal),
    staleTime: Infinity,
  });

export const useDemoAccounts = () => useQuery(demoAccountsQueryOptions());
