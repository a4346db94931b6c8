import { queryOptions, useQuery } from '@tanstack/react-query';
import { InboxItem } from '@primm/shared/contracts/municipality-inbox';
import { api } from '../../../lib/api-client';
import { inboxQueryKey } from './get-inbox';

export const getInboxItem = (id: number, signal?: AbortSignal) =>
  api.get(`/municipality-inbox/${id}`, InboxItem, { signal });

export const inboxItemQueryOptions = (id: number) =>
  queryOptions({ queryKey: [...inboxQueryKey, id], queryFn: ({ signal }) => getInboxItem(id, signal) });

export const useInboxItem = (id: number) => useQuery(inboxItemQueryOptions(id));
