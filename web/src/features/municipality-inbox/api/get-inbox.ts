import { queryOptions, useQuery } from '@tanstack/react-query';
import { MunicipalityInbox } from '@primm/shared/contracts/municipality-inbox';
import { api } from '../../../lib/api-client';

export const getInbox = (signal?: AbortSignal) => api.get('/municipality-inbox', MunicipalityInbox, { signal });

/** The inbox and its items share this prefix: an acknowledgement changes both. */
export const inboxQueryKey = ['municipality-inbox'] as const;

export const inboxQueryOptions = () =>
  queryOptions({ queryKey: inboxQueryKey, queryFn: ({ signal }) => getInbox(signal), staleTime: 0 });

export const useInbox = () => useQuery(inboxQueryOptions());
